/** Money and membership-status rules (rules 2, 16–19) as pure functions over pence and calendar dates. */

export type InvoiceStatus = 'issued' | 'part_paid' | 'paid' | 'overpaid' | 'refunded' | 'void'

/** Derived from the ledger (payments positive, refunds and reversals negative); only void is explicit. */
export function invoiceStatus(total: number, ledger: { kind: 'payment' | 'refund' | 'reversal'; amount: number }[], voided: boolean): InvoiceStatus {
  if (voided) return 'void'
  const net = ledger.reduce((sum, e) => sum + e.amount, 0)
  const everPaid = ledger.some((e) => e.kind === 'payment')
  if (net <= 0 && everPaid && ledger.some((e) => e.kind === 'refund')) return 'refunded'
  if (net <= 0) return 'issued'
  if (net < total) return 'part_paid'
  return net > total ? 'overpaid' : 'paid'
}

/** A percentage off, rounded half up to the penny: 20% of £75 is £15, leaving £60.00. */
export function discounted(pence: number, percent: number) {
  const off = Math.floor((pence * percent + 50) / 100)
  return pence - off
}

export type DateOnly = string // YYYY-MM-DD, the membership's calendar dates

export const toDateOnly = (d: Date) => d.toISOString().slice(0, 10)

export function addDays(date: DateOnly, days: number): DateOnly {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return toDateOnly(d)
}

/** One year on, the day before the anniversary: 2026-12-03 → 2027-12-02 (29 February → 28 February). */
export function yearTermEnd(start: DateOnly): DateOnly {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number]
  const anniversary = new Date(Date.UTC(y + 1, m - 1, d))
  if (anniversary.getUTCMonth() !== m - 1) anniversary.setUTCDate(0)
  anniversary.setUTCDate(anniversary.getUTCDate() - 1)
  return toDateOnly(anniversary)
}

/** Rule 18: a year from activation, or a fixed membership year starting on the 1st of a month. */
export type TermRule = { mode: 'anniversary' } | { mode: 'fixed'; yearStartMonth: number }

/** The last day of the fixed membership year holding `date`: with an April year, 2026-12-03 → 2027-03-31. */
export function membershipYearEnd(date: DateOnly, yearStartMonth: number): DateOnly {
  const [y, m] = date.split('-').map(Number) as [number, number]
  const startYear = m >= yearStartMonth ? y : y - 1
  return yearTermEnd(`${startYear}-${String(yearStartMonth).padStart(2, '0')}-01`)
}

/**
 * The first fee in a fixed membership year: the whole months left, the month of joining included, rounded half
 * up to the penny. Joining on 3 December in a January year pays 1/12; in an April year 4/12.
 */
export function proRataFirstFee(feePence: number, issuedOn: DateOnly, yearStartMonth: number) {
  const ends = membershipYearEnd(issuedOn, yearStartMonth)
  const [y, m] = issuedOn.split('-').map(Number) as [number, number]
  const [ey, em] = ends.split('-').map(Number) as [number, number]
  const months = ey * 12 + em - (y * 12 + m) + 1
  return { pence: Math.floor((feePence * months + 6) / 12), months, ends }
}

/**
 * The term a paid invoice buys. A joining payment starts today; a renewal continues from the old end date,
 * not from the day it was paid, so paying late in the grace period does not give extra days. In a fixed
 * membership year the joining term ends with the year its invoice was issued in (or, paid after that year
 * ended, with the year of payment).
 */
export function nextTerm(latestEnd: DateOnly | null, paidOn: DateOnly, kind: 'joining' | 'renewal', rule: TermRule = { mode: 'anniversary' }, issuedOn: DateOnly = paidOn): { starts: DateOnly; ends: DateOnly } {
  const starts = kind === 'renewal' && latestEnd ? addDays(latestEnd, 1) : paidOn
  if (rule.mode === 'fixed' && kind === 'joining') {
    const ends = membershipYearEnd(issuedOn, rule.yearStartMonth)
    return { starts, ends: ends >= paidOn ? ends : membershipYearEnd(paidOn, rule.yearStartMonth) }
  }
  return { starts, ends: yearTermEnd(starts) }
}

export type MembershipStatus = 'approved_unpaid' | 'active' | 'renewal_due' | 'in_grace' | 'lapsed'

export type StatusRules = { renewalNoticeDays: number; graceDays: number }
export const defaultStatusRules: StatusRules = { renewalNoticeDays: 30, graceDays: 30 }

/** Rule 19: computed from the paid terms and today's date, so it cannot drift if a job fails. */
export function membershipStatus(terms: { starts: DateOnly; ends: DateOnly }[], today: DateOnly, rules: StatusRules = defaultStatusRules): MembershipStatus {
  if (terms.length === 0) return 'approved_unpaid'
  const current = terms.find((t) => t.starts <= today && today <= t.ends)
  const latestEnd = terms.map((t) => t.ends).sort().at(-1)!
  if (current) return addDays(latestEnd, -rules.renewalNoticeDays) < today ? 'renewal_due' : 'active'
  if (terms.some((t) => t.starts > today)) return 'active'
  return today <= addDays(latestEnd, rules.graceDays) ? 'in_grace' : 'lapsed'
}

/** Members have member benefits while active, renewal due or in grace; approved-unpaid and lapsed do not. */
export const hasBenefits = (status: MembershipStatus) => status === 'active' || status === 'renewal_due' || status === 'in_grace'

export type ReminderStage = '30-days' | '14-days' | '1-day' | '7-days-after' | 'lapsed'

/**
 * The latest reminder a member whose term ends on `termEnd` should have had by `today` (rule 18): 30, 14
 * and 1 days before, 7 days after, and the lapse notice when the grace period is over. Null between them.
 * Only the latest is sent, so a job that missed days does not send a burst of stale reminders.
 */
export function reminderStage(termEnd: DateOnly, today: DateOnly, rules: StatusRules = defaultStatusRules): ReminderStage | null {
  const lapsedOn = addDays(termEnd, rules.graceDays + 1)
  if (today >= lapsedOn) return today <= addDays(lapsedOn, 30) ? 'lapsed' : null
  if (today >= addDays(termEnd, 7)) return '7-days-after'
  if (today > termEnd) return null
  if (today >= addDays(termEnd, -1)) return '1-day'
  if (today >= addDays(termEnd, -14)) return '14-days'
  if (today >= addDays(termEnd, -rules.renewalNoticeDays)) return '30-days'
  return null
}

/**
 * Rule 8 (DECISION): an upgrade in the middle of a term costs the difference between the fees for the days
 * left, rounded half up to the penny. Nothing is due when the new fee is not higher or the term is over.
 */
export function upgradeDifference(oldFee: number, newFee: number, term: { starts: DateOnly; ends: DateOnly }, today: DateOnly) {
  const day = (d: DateOnly) => Date.parse(`${d}T00:00:00Z`) / 86_400_000
  const total = day(term.ends) - day(term.starts) + 1
  const left = Math.max(0, Math.min(total, day(term.ends) - day(today) + 1))
  if (newFee <= oldFee || left === 0) return 0
  return Math.floor(((newFee - oldFee) * left * 2 + total) / (2 * total))
}
