const calendar = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/** A calendar date ("2027-01-09", as membership terms and due dates are kept) for people: "9 January 2027". */
export function formatCalendarDate(date: string) {
  return calendar.format(new Date(`${date.slice(0, 10)}T00:00:00Z`))
}
