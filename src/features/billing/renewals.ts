import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import { formatCalendarDate } from '../../platform/dates.ts'
import type { Db } from '../../platform/db/database.ts'
import { EMAIL_MAX_ATTEMPTS, SEND_EMAIL_TASK } from '../../platform/mail/outbox.ts'
import { renderEmail } from '../../platform/mail/templates.ts'
import { formatMoney } from '../../platform/money.ts'
import { getSetting } from '../../platform/settings.ts'
import { companyDiscountFor } from './companies.ts'
import { addDays, discounted, type ReminderStage, reminderStage, toDateOnly } from './rules.ts'

export const RENEWALS_TASK = 'renewals_daily'

type Latest = { membership_id: string; ends_on: string; user_id: string; grade: string; email: string; name: string; number: string }

/**
 * The daily renewal run, set-based so it stays fast with a large membership: issues the renewal invoice
 * 30 days before a term ends, then sends each member the reminder their dates call for, once.
 */
export async function runRenewals(db: Db, config: Config, today = toDateOnly(new Date())) {
  const rules = await getSetting(db, 'billing')
  const windowStart = addDays(today, -(rules.graceDays + 31))
  const windowEnd = addDays(today, rules.renewalNoticeDays)
  const latest = await latestPaidTerms(db, windowStart, windowEnd)

  const invoicesIssued = await issueRenewalInvoices(db, rules.referencePrefix, rules.vatTreatment, today, windowEnd)

  const due = latest
    .map((m) => ({ ...m, stage: reminderStage(m.ends_on, today, rules) }))
    .filter((m): m is Latest & { stage: ReminderStage } => m.stage !== null)
  let sent = 0
  for (let i = 0; i < due.length; i += 1000) sent += await sendReminders(db, config, due.slice(i, i + 1000))
  const approvalsLapsed = await lapseUnpaidApprovals(db, config, today)
  return { invoicesIssued, remindersSent: sent, approvalsLapsed }
}

/**
 * Rule 17: an approval's invoice that is still wholly unpaid after its pay-by date (60 days by default) lapses:
 * the invoice is voided, and the office is told who, so they can follow up.
 */
async function lapseUnpaidApprovals(db: Db, config: Config, today: string) {
  const { rows } = await sql<{ id: string; number: string; name: string; email: string }>`
    update invoices i set voided_at = now()
    from users u
    where u.id = i.user_id and i.kind = 'joining' and i.voided_at is null and i.due_on < ${today}::date
      and not exists (select 1 from ledger_entries l where l.invoice_id = i.id)
    returning i.id, i.number, u.name, u.email`.execute(db)
  if (rows.length === 0) return 0
  const society = await getSetting(db, 'society')
  const email = renderEmail({
    subject: `${rows.length} approved ${rows.length === 1 ? 'applicant has' : 'applicants have'} not paid in time`,
    paragraphs: [
      'These approvals have lapsed because their joining invoice was not paid by its due date. The invoices are cancelled; the applicants would need to be approved again.',
      rows.map((r) => `${r.name} (${r.email}), invoice ${r.number}`).join('\n'),
    ],
    society,
    baseUrl: config.publicBaseUrl,
  })
  const { id } = await db
    .insertInto('email_messages')
    .values({ to_address: config.officeEmail, reply_to: null, template: 'approvals-lapsed', subject: email.subject, text_body: email.text, html_body: email.html, last_error: null, sent_at: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sql`select graphile_worker.add_job(${SEND_EMAIL_TASK}, json_build_object('id', ${id}::text), max_attempts => ${EMAIL_MAX_ATTEMPTS})`.execute(db)
  return rows.length
}

/** Memberships whose latest term still paid in full (`paid_through`, kept by triggers) ends inside the window. */
async function latestPaidTerms(db: Db, from: string, to: string): Promise<Latest[]> {
  const { rows } = await sql<Latest>`
    select m.id as membership_id, to_char(m.paid_through, 'YYYY-MM-DD') as ends_on, m.user_id, m.grade, u.email, u.name, m.number
    from memberships m
    join users u on u.id = m.user_id and u.disabled_at is null
    where m.paid_through between ${from}::date and ${to}::date`.execute(db)
  return rows
}

/** One renewal invoice per term, for every paid term ending within the notice period; a second run adds none. */
async function issueRenewalInvoices(db: Db, prefix: string, vat: string, today: string, windowEnd: string) {
  const year = today.slice(2, 4)
  const { rows } = await sql<{ id: string }>`
    with due as (
      select m.id as membership_id, m.paid_through as ends_on, m.user_id, m.grade, g.fee_pence, g.name as grade_name, nextval('invoice_number_seq') as n
      from memberships m
      join grades g on g.code = m.grade
      where m.paid_through between ${today}::date and ${windowEnd}::date
        and not exists (select 1 from invoices r where r.membership_id = m.id and r.renews_term_ending = m.paid_through and r.voided_at is null)
    ),
    inserted as (
      insert into invoices (number, reference, user_id, membership_id, kind, grade, total_pence, vat_treatment, due_on, renews_term_ending)
      select 'INV-' || lpad(n::text, 6, '0'), ${prefix} || '-' || ${year} || '-' || lpad(n::text, 5, '0'), user_id, membership_id, 'renewal', grade, fee_pence, ${vat}, ends_on, ends_on
      from due
      on conflict do nothing
      returning id, membership_id, total_pence
    )
    insert into invoice_lines (invoice_id, description, amount_pence, position)
    select i.id, g.name || ' membership renewal, one year', i.total_pence, 0
    from inserted i join memberships m on m.id = i.membership_id join grades g on g.code = m.grade
    returning invoice_id as id`.execute(db)
  await applyCompanyDiscounts(db, rows.map((r) => r.id))
  return rows.length
}

/** Renewal invoices of members whose confirmed company qualifies get the company discount line (rule 2). */
async function applyCompanyDiscounts(db: Db, invoiceIds: string[]) {
  if (invoiceIds.length === 0) return
  const linked = await db
    .selectFrom('invoices as i')
    .innerJoin('company_links as l', 'l.user_id', 'i.user_id')
    .select(['i.id', 'i.user_id', 'i.total_pence'])
    .where('i.id', 'in', invoiceIds)
    .where('l.confirmed_at', 'is not', null)
    .execute()
  for (const invoice of linked) {
    const discount = await companyDiscountFor(db, invoice.user_id)
    if (!discount) continue
    const off = invoice.total_pence - discounted(invoice.total_pence, discount.percent)
    await db.insertInto('invoice_lines').values({ invoice_id: invoice.id, description: `Company discount: ${discount.percent}% for ${discount.companyName}`, amount_pence: -off, position: 1 }).execute()
    await db.updateTable('invoices').set({ total_pence: invoice.total_pence - off }).where('id', '=', invoice.id).execute()
  }
}

const subjects: Record<ReminderStage, string> = {
  '30-days': 'Your CMSUK membership is due for renewal',
  '14-days': 'Reminder: your CMSUK membership renews in two weeks',
  '1-day': 'Your CMSUK membership ends tomorrow',
  '7-days-after': 'Your CMSUK membership has ended: please renew',
  lapsed: 'Your CMSUK membership has lapsed',
}

/** Claims each reminder in renewal_reminders first (its key makes a second send impossible), then queues the emails. */
async function sendReminders(db: Db, config: Config, due: (Latest & { stage: ReminderStage })[]) {
  const society = await getSetting(db, 'society')
  return db.transaction().execute(async (trx) => {
    const { rows: claimed } = await sql<{ membership_id: string; stage: ReminderStage }>`
      insert into renewal_reminders (membership_id, term_ending, stage)
      select * from unnest(${due.map((d) => d.membership_id)}::uuid[], ${due.map((d) => d.ends_on)}::date[], ${due.map((d) => d.stage)}::text[])
      on conflict do nothing
      returning membership_id, stage`.execute(trx)
    if (claimed.length === 0) return 0
    const byId = new Map(due.map((d) => [`${d.membership_id}:${d.stage}`, d]))
    const invoices = await trx
      .selectFrom('invoices')
      .select(['id', 'membership_id', 'total_pence', 'reference'])
      .where('membership_id', 'in', claimed.map((c) => c.membership_id))
      .where('kind', '=', 'renewal')
      .where('voided_at', 'is', null)
      .orderBy('issued_at', 'desc')
      .execute()
    const invoiceOf = new Map<string, (typeof invoices)[number]>()
    for (const inv of invoices) if (!invoiceOf.has(inv.membership_id)) invoiceOf.set(inv.membership_id, inv)
    const messages = claimed.map((c) => {
      const member = byId.get(`${c.membership_id}:${c.stage}`)!
      const invoice = invoiceOf.get(c.membership_id)
      const ends = formatCalendarDate(member.ends_on)
      const lapsed = c.stage === 'lapsed'
      const email = renderEmail({
        subject: subjects[c.stage],
        greeting: `Dear ${member.name},`,
        paragraphs: lapsed
          ? [`Your membership (number ${member.number}) ended on ${ends} and the grace period is over, so it has now lapsed.`, 'You are welcome to rejoin at any time: apply again on our website, or contact the office if you would like to pay your renewal now.']
          : [
              c.stage === '7-days-after' ? `Your membership (number ${member.number}) ended on ${ends}. It stays active for a short grace period while you renew.` : `Your membership (number ${member.number}) ends on ${ends}.`,
              invoice ? `Your renewal invoice is ready: ${formatMoney(invoice.total_pence)}, reference ${invoice.reference}. Renewing continues your membership from the day it ends.` : 'Sign in to renew.',
              'To pay by card, sign in with the Login link, view your profile and press Pay. You can also pay by cheque or BACS.',
            ],
        action: lapsed ? { label: 'Apply again', url: `${config.publicBaseUrl}/apply` } : { label: 'Renew now', url: invoice ? `${config.publicBaseUrl}/account/invoices/${invoice.id}` : `${config.publicBaseUrl}/account` },
        society,
        baseUrl: config.publicBaseUrl,
      })
      return { to_address: member.email, reply_to: null, template: `renewal-${c.stage}`, subject: email.subject, text_body: email.text, html_body: email.html, last_error: null, sent_at: null }
    })
    const ids = await trx.insertInto('email_messages').values(messages).returning('id').execute()
    await sql`select graphile_worker.add_job(${SEND_EMAIL_TASK}, json_build_object('id', id::text), max_attempts => ${EMAIL_MAX_ATTEMPTS}) from unnest(${ids.map((r) => r.id)}::uuid[]) as id`.execute(trx)
    return claimed.length
  })
}

export function renewalsTask(db: Db, config: Config) {
  return async () => {
    await runRenewals(db, config)
  }
}
