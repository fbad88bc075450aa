import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import { audit } from '../../platform/audit/audit.ts'
import { formatCalendarDate } from '../../platform/dates.ts'
import type { Db } from '../../platform/db/database.ts'
import { Conflict, NotFound } from '../../platform/http/errors.ts'
import { sendMessage } from '../../platform/mail/compose.ts'
import { formatMoney } from '../../platform/money.ts'
import { getSetting } from '../../platform/settings.ts'
import { companyDiscountFor } from './companies.ts'
import { paidOnInvoiceI } from './paid-sql.ts'
import { addDays, type DateOnly, discounted, type InvoiceStatus, invoiceStatus, type MembershipStatus, membershipStatus, nextTerm, proRataFirstFee, toDateOnly, upgradeDifference } from './rules.ts'

const dateOnly = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : toDateOnly(d))

/**
 * Issues the invoice that activates a new membership (called by the approval, in its transaction).
 * The fee comes from the grade's row in the staff-editable fee table.
 */
export async function issueJoiningInvoice(db: Db, membership: { id: string; userId: string; grade: string }) {
  const [grade, billing] = await Promise.all([
    db.selectFrom('grades').select(['name', 'fee_pence']).where('code', '=', membership.grade).executeTakeFirstOrThrow(),
    getSetting(db, 'billing'),
  ])
  const today = toDateOnly(new Date())
  const first = billing.termMode === 'fixed' ? proRataFirstFee(grade.fee_pence, today, billing.yearStartMonth) : undefined
  const fee = first?.pence ?? grade.fee_pence
  const lines = [
    {
      description: first
        ? `${grade.name} membership to ${formatCalendarDate(first.ends)}: ${first.months} of 12 months of the membership year`
        : `${grade.name} membership, one year from payment`,
      amount: fee,
    },
  ]
  const discount = await companyDiscountFor(db, membership.userId)
  if (discount) lines.push({ description: `Company discount: ${discount.percent}% for ${discount.companyName}`, amount: discounted(fee, discount.percent) - fee })
  return createInvoice(db, { ...membership, kind: 'joining', lines, vatTreatment: billing.vatTreatment, dueOn: addDays(toDateOnly(new Date()), billing.payWithinDays) })
}

/**
 * Rule 8: approving an upgrade mid-term issues an invoice for the difference in fees for the rest of the
 * current paid term. Paying it buys no new term: the grade has already changed.
 */
export async function issueUpgradeInvoice(db: Db, membership: { id: string; userId: string; fromGrade: string; toGrade: string }) {
  const [fees, term, billing] = await Promise.all([
    db.selectFrom('grades').select(['code', 'name', 'fee_pence']).where('code', 'in', [membership.fromGrade, membership.toGrade]).execute(),
    currentTerm(db, membership.id),
    getSetting(db, 'billing'),
  ])
  const from = fees.find((g) => g.code === membership.fromGrade)
  const to = fees.find((g) => g.code === membership.toGrade)
  if (!from || !to || !term) return undefined
  const amount = upgradeDifference(from.fee_pence, to.fee_pence, term, toDateOnly(new Date()))
  if (amount === 0) return undefined
  const long = formatCalendarDate(term.ends)
  return createInvoice(db, {
    id: membership.id,
    userId: membership.userId,
    grade: membership.toGrade,
    kind: 'upgrade',
    lines: [{ description: `Upgrade from ${from.name} to ${to.name} for the rest of the term, to ${long}`, amount }],
    vatTreatment: billing.vatTreatment,
    dueOn: addDays(toDateOnly(new Date()), billing.payWithinDays),
  })
}

async function createInvoice(
  db: Db,
  input: { id: string; userId: string; grade: string; kind: 'joining' | 'renewal' | 'upgrade'; lines: { description: string; amount: number }[]; vatTreatment: string; dueOn: string },
) {
  const { referencePrefix } = await getSetting(db, 'billing')
  const { n } = (await sql<{ n: number }>`select nextval('invoice_number_seq')::int as n`.execute(db)).rows[0]!
  const year = String(new Date().getUTCFullYear()).slice(2)
  const invoice = await db
    .insertInto('invoices')
    .values({
      number: `INV-${String(n).padStart(6, '0')}`,
      reference: `${referencePrefix}-${year}-${String(n).padStart(5, '0')}`,
      user_id: input.userId,
      membership_id: input.id,
      kind: input.kind,
      grade: input.grade,
      total_pence: input.lines.reduce((sum, l) => sum + l.amount, 0),
      vat_treatment: input.vatTreatment,
      voided_at: null,
      due_on: input.dueOn,
    })
    .returning(['id', 'number', 'reference', 'total_pence'])
    .executeTakeFirstOrThrow()
  await db.insertInto('invoice_lines').values(input.lines.map((l, i) => ({ invoice_id: invoice.id, description: l.description, amount_pence: l.amount, position: i }))).execute()
  return invoice
}

export type InvoiceView = {
  id: string
  number: string
  reference: string
  kind: 'joining' | 'renewal' | 'upgrade'
  totalPence: number
  paidPence: number
  status: InvoiceStatus
  issuedAt: Date
  dueOn: string
  vatTreatment: string
  lines: { description: string; amountPence: number }[]
  payments: { kind: string; method: string; amountPence: number; receivedOn: string }[]
}

export async function invoicesFor(db: Db, userId: string): Promise<InvoiceView[]> {
  const invoices = await db.selectFrom('invoices').selectAll().where('user_id', '=', userId).orderBy('issued_at', 'desc').execute()
  return Promise.all(invoices.map((inv) => invoiceView(db, inv)))
}

export async function findInvoice(db: Db, invoiceId: string) {
  const invoice = await db.selectFrom('invoices').selectAll().where('id', '=', invoiceId).executeTakeFirst()
  return invoice && { userId: invoice.user_id, view: await invoiceView(db, invoice) }
}

type InvoiceRow = { id: string; number: string; reference: string; kind: 'joining' | 'renewal' | 'upgrade'; total_pence: number; voided_at: Date | null; issued_at: Date; due_on: Date; vat_treatment: string }

async function invoiceView(db: Db, inv: InvoiceRow): Promise<InvoiceView> {
  const [lines, ledger] = await Promise.all([
    db.selectFrom('invoice_lines').select(['description', 'amount_pence']).where('invoice_id', '=', inv.id).orderBy('position').execute(),
    db.selectFrom('ledger_entries').select(['kind', 'method', 'amount_pence', 'received_on']).where('invoice_id', '=', inv.id).orderBy('created_at').execute(),
  ])
  return {
    id: inv.id,
    number: inv.number,
    reference: inv.reference,
    kind: inv.kind,
    totalPence: inv.total_pence,
    paidPence: ledger.reduce((s, e) => s + e.amount_pence, 0),
    status: invoiceStatus(inv.total_pence, ledger.map((e) => ({ kind: e.kind, amount: e.amount_pence })), inv.voided_at !== null),
    issuedAt: inv.issued_at,
    dueOn: dateOnly(inv.due_on),
    vatTreatment: inv.vat_treatment,
    lines: lines.map((l) => ({ description: l.description, amountPence: l.amount_pence })),
    payments: ledger.map((e) => ({ kind: e.kind, method: e.method, amountPence: e.amount_pence, receivedOn: dateOnly(e.received_on) })),
  }
}

export type PaymentInput = {
  invoiceId: string
  kind: 'payment' | 'reversal' | 'refund'
  method: 'paypal' | 'cheque' | 'bacs' | 'other'
  amountPence: number
  receivedOn: string
  externalRef: string | null
  payer: string
  note: string
  actorId: string | null
}

/**
 * Every way of paying ends here: a ledger entry on an invoice. When it makes a membership invoice paid
 * in full, the term it buys is created in the same transaction, so payment and activation never part.
 * A second entry with the same external reference (a webhook twice, a re-imported bank line) changes nothing.
 */
export async function recordLedgerEntry(db: Db, config: Config, input: PaymentInput): Promise<{ recorded: boolean; activated: boolean }> {
  // Inside a caller's transaction (a combined invoice shared out) it joins it; otherwise it is its own.
  const inTransaction = <T>(work: (trx: Db) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work))
  return inTransaction(async (trx) => {
    const invoice = await trx.selectFrom('invoices').selectAll().where('id', '=', input.invoiceId).forUpdate().executeTakeFirst()
    if (!invoice) throw new NotFound('No such invoice')
    if (invoice.voided_at && input.kind === 'payment') throw new Conflict('void_invoice', 'This invoice has been voided; a payment on it needs a member of staff to look at it.')
    const inserted = await trx
      .insertInto('ledger_entries')
      .values({
        invoice_id: invoice.id,
        kind: input.kind,
        method: input.method,
        amount_pence: input.kind === 'payment' ? input.amountPence : -Math.abs(input.amountPence),
        received_on: input.receivedOn,
        external_ref: input.externalRef,
        payer: input.payer,
        note: input.note,
        recorded_by: input.actorId,
      })
      .onConflict((oc) => oc.columns(['method', 'kind', 'external_ref']).where('external_ref', 'is not', null).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return { recorded: false, activated: false }
    await audit(trx, { action: input.kind === 'payment' ? 'payment_recorded' : input.kind === 'refund' ? 'payment_refunded' : 'payment_reversed', actorId: input.actorId, subjectId: invoice.user_id, detail: { invoice: invoice.number, method: input.method, pence: input.amountPence } })

    const { paid } = await trx.selectFrom('ledger_entries').select((eb) => eb.fn.sum<number>('amount_pence').as('paid')).where('invoice_id', '=', invoice.id).executeTakeFirstOrThrow()
    const hasTerm = await trx.selectFrom('membership_terms').select('id').where('invoice_id', '=', invoice.id).executeTakeFirst()
    if (input.kind !== 'payment' || invoice.kind === 'upgrade' || hasTerm || Number(paid) < invoice.total_pence) return { recorded: true, activated: false }

    const latest = await trx.selectFrom('membership_terms').select('ends_on').where('membership_id', '=', invoice.membership_id).orderBy('ends_on', 'desc').executeTakeFirst()
    const billing = await getSetting(trx, 'billing')
    const rule = billing.termMode === 'fixed' ? { mode: 'fixed' as const, yearStartMonth: billing.yearStartMonth } : { mode: 'anniversary' as const }
    const term = nextTerm(latest ? dateOnly(latest.ends_on) : null, input.receivedOn, invoice.kind, rule, dateOnly(invoice.issued_at))
    await trx.insertInto('membership_terms').values({ membership_id: invoice.membership_id, invoice_id: invoice.id, starts_on: term.starts, ends_on: term.ends }).execute()
    const user = await trx.selectFrom('users').select(['email', 'name']).where('id', '=', invoice.user_id).executeTakeFirstOrThrow()
    await sendMessage(trx, config, {
      to: user.email,
      template: 'payment-receipt',
      subject: invoice.kind === 'joining' ? 'Welcome to CMSUK: your membership is active' : 'Thank you: your membership is renewed',
      greeting: `Dear ${user.name},`,
      paragraphs: [
        `Thank you for your payment of ${formatMoney(Number(paid))} for invoice ${invoice.number} (reference ${invoice.reference}).`,
        `Your membership runs from ${formatCalendarDate(term.starts)} to ${formatCalendarDate(term.ends)}.`,
      ],
      action: { label: 'See your membership', url: `${config.publicBaseUrl}/account` },
    })
    return { recorded: true, activated: true }
  })
}

/** Terms whose invoice is still paid in full: a bounced cheque or a refund takes its term away again. */
const paidTerms = (db: Db, membershipId: string) =>
  db
    .selectFrom('membership_terms as t')
    .innerJoin('invoices as i', 'i.id', 't.invoice_id')
    .select(['t.starts_on', 't.ends_on'])
    .where('t.membership_id', '=', membershipId)
    .where('i.voided_at', 'is', null)
    .where(sql<boolean>`${paidOnInvoiceI} >= i.total_pence`)
    .orderBy('t.ends_on', 'desc')

export async function statusOfMembership(db: Db, membershipId: string, today = toDateOnly(new Date())): Promise<MembershipStatus> {
  const [terms, rules] = await Promise.all([paidTerms(db, membershipId).execute(), getSetting(db, 'billing')])
  return membershipStatus(terms.map((t) => ({ starts: dateOnly(t.starts_on), ends: dateOnly(t.ends_on) })), today, rules)
}

export async function currentTerm(db: Db, membershipId: string) {
  const term = await paidTerms(db, membershipId).executeTakeFirst()
  return term && { starts: dateOnly(term.starts_on), ends: dateOnly(term.ends_on) }
}

/**
 * For queries of other features over many members: a membership has member benefits today while its
 * `paid_through` (kept by triggers, decision 008) is on or after this date, the grace period included.
 */
export async function benefitsIfPaidThrough(db: Db, today = toDateOnly(new Date())): Promise<DateOnly> {
  const rules = await getSetting(db, 'billing')
  return addDays(today, -rules.graceDays)
}
