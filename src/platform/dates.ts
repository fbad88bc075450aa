const calendar = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/** A calendar date ("2027-01-09", as membership terms and due dates are kept) for people: "9 January 2027". */
export function formatCalendarDate(date: string) {
  return calendar.format(new Date(`${date.slice(0, 10)}T00:00:00Z`))
}

const moment = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })

/** A moment for people, in London time: "3 Dec 2026, 14:05". */
export function formatDateTime(at: Date) {
  return moment.format(at)
}
