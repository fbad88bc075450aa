import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { Conflict } from '../../platform/http/errors.ts'
import { getSetting } from '../../platform/settings.ts'
import { dueOnInvoiceI } from './paid-sql.ts'
import { addDays, toDateOnly } from './rules.ts'
import { type PaymentInput, recordLedgerEntry } from './service.ts'

/** Staff name the person (an account on the site) who pays the company's combined invoices. */
export async function setCompanyContact(db: Db, actorId: string, companyId: string, email: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const user = await db.selectFrom('users').select(['id']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst()
  if (!user) return { ok: false, message: 'There is no account with that email address. Ask the contact to create one, or check the address.' }
  await db.updateTable('companies').set({ contact_user_id: user.id }).where('id', '=', companyId).execute()
  await audit(db, { action: 'company_contact_set', actorId, subjectId: user.id, detail: { companyId } })
  return { ok: true }
}

export async function companiesContactedBy(db: Db, userId: string) {
  return db.selectFrom('companies').select(['id', 'name']).where('contact_user_id', '=', userId).orderBy('name').execute()
}

/**
 * The open membership invoices of the company's confirmed members that no open combined invoice covers yet:
 * what a new combined invoice would include.
 */
export async function payableMemberInvoices(db: Db, companyId: string) {
  return db
    .selectFrom('invoices as i')
    .innerJoin('company_links as l', 'l.user_id', 'i.user_id')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('memberships as m', 'm.id', 'i.membership_id')
    .select(['i.id', 'i.number', 'u.name', 'm.number as membershipNumber', dueOnInvoiceI.as('due')])
    .where('l.company_id', '=', companyId)
    .where('l.confirmed_at', 'is not', null)
    .where('i.kind', 'in', ['joining', 'renewal'])
    .where('i.voided_at', 'is', null)
    .where(sql<boolean>`${dueOnInvoiceI} > 0`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('company_invoice_items as ci')
            .innerJoin('company_invoices as c', 'c.id', 'ci.company_invoice_id')
            .select('ci.invoice_id')
            .whereRef('ci.invoice_id', '=', 'i.id')
            .where('c.voided_at', 'is', null),
        ),
      ),
    )
    .orderBy('u.name')
    .execute()
}

export const NOTHING_TO_PAY = 'None of your members has a membership invoice to pay just now.'

/** One invoice for the company's open memberships: each item is what its member invoice still owes. */
export async function createCompanyInvoice(db: Db, actorId: string, companyId: string) {
  return db.transaction().execute(async (trx) => {
    // One at a time per company, so two clicks cannot put the same member invoice on two combined invoices.
    await trx.selectFrom('companies').select('id').where('id', '=', companyId).forUpdate().executeTakeFirstOrThrow()
    const items = (await payableMemberInvoices(trx, companyId)).map((i) => ({ ...i, due: Number(i.due) }))
    if (items.length === 0) throw new Conflict('nothing_to_pay', NOTHING_TO_PAY)
    const billing = await getSetting(trx, 'billing')
    const { n } = (await sql<{ n: number }>`select nextval('company_invoice_number_seq')::int as n`.execute(trx)).rows[0]!
    const year = String(new Date().getUTCFullYear()).slice(2)
    const invoice = await trx
      .insertInto('company_invoices')
      .values({
        number: `CINV-${String(n).padStart(6, '0')}`,
        reference: `${billing.referencePrefix}-${year}-C${String(n).padStart(4, '0')}`,
        company_id: companyId,
        contact_user_id: actorId,
        total_pence: items.reduce((sum, i) => sum + i.due, 0),
        due_on: addDays(toDateOnly(new Date()), billing.payWithinDays),
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('company_invoice_items')
      .values(items.map((item, position) => ({ company_invoice_id: invoice.id, invoice_id: item.id, amount_pence: item.due, position })))
      .execute()
    await audit(trx, { action: 'company_invoice_created', actorId, detail: { companyId, number: invoice.number, invoices: items.length } })
    return invoice.id
  })
}

export type CompanyInvoiceStatus = 'issued' | 'part_paid' | 'paid' | 'void'

/** A combined invoice as it stands: what each member invoice on it still owes now, and so what is left to pay. */
export async function findCompanyInvoice(db: Db, id: string) {
  const invoice = await db
    .selectFrom('company_invoices as c')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .select(['c.id', 'c.number', 'c.reference', 'c.company_id', 'c.total_pence', 'c.issued_at', 'c.due_on', 'c.voided_at', 'co.name as companyName', 'co.contact_user_id as companyContactId'])
    .where('c.id', '=', id)
    .executeTakeFirst()
  if (!invoice) return undefined
  const items = await db
    .selectFrom('company_invoice_items as ci')
    .innerJoin('invoices as i', 'i.id', 'ci.invoice_id')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('memberships as m', 'm.id', 'i.membership_id')
    .select(['i.id', 'i.number', 'u.name', 'm.number as membershipNumber', 'ci.amount_pence', dueOnInvoiceI.as('due')])
    .where('ci.company_invoice_id', '=', id)
    .orderBy('ci.position')
    .execute()
  const dueNow = items.reduce((sum, i) => sum + Math.max(0, Number(i.due)), 0)
  const status: CompanyInvoiceStatus = invoice.voided_at ? 'void' : dueNow === 0 ? 'paid' : dueNow < invoice.total_pence ? 'part_paid' : 'issued'
  return { ...invoice, items: items.map((i) => ({ ...i, due: Number(i.due) })), dueNow, status }
}

export type CompanyInvoice = NonNullable<Awaited<ReturnType<typeof findCompanyInvoice>>>

export async function companyInvoicesFor(db: Db, companyId: string) {
  return db.selectFrom('company_invoices').select(['id', 'number', 'total_pence', 'issued_at']).where('company_id', '=', companyId).orderBy('issued_at', 'desc').execute()
}

/**
 * A payment on a combined invoice, spread over its member invoices in order: each is paid what it still owes
 * until the money runs out (a part payment part-pays the next). Anything left over goes on the last one, where
 * staff see it as over-paid. Each share is an ordinary ledger entry with the payment's reference and the member
 * invoice's number, so recording the same payment again changes nothing.
 */
export async function payCompanyInvoice(db: Db, config: Config, id: string, payment: Omit<PaymentInput, 'invoiceId' | 'kind'>) {
  return db.transaction().execute(async (trx) => {
    // One payment at a time per combined invoice, and every share in one transaction: all or nothing.
    await trx.selectFrom('company_invoices').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
    const invoice = await findCompanyInvoice(trx, id)
    if (!invoice) throw new Conflict('no_invoice', 'No such combined invoice.')
    if (invoice.voided_at) throw new Conflict('void_invoice', 'This combined invoice has been cancelled; a payment on it needs a member of staff to look at it.')
    if (payment.externalRef) {
      const seen = await trx
        .selectFrom('ledger_entries')
        .select('id')
        .where('invoice_id', 'in', invoice.items.map((i) => i.id))
        .where('method', '=', payment.method)
        .where('external_ref', 'like', `${payment.externalRef.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`)
        .executeTakeFirst()
      if (seen) return { recorded: 0 }
    }
    let left = payment.amountPence
    let recorded = 0
    for (const [n, item] of invoice.items.entries()) {
      const last = n === invoice.items.length - 1
      const share = last ? left : Math.min(left, Math.max(0, item.due))
      if (share <= 0) continue
      const result = await recordLedgerEntry(trx, config, {
        ...payment,
        invoiceId: item.id,
        kind: 'payment',
        amountPence: share,
        externalRef: payment.externalRef ? `${payment.externalRef}/${item.number}` : null,
        note: `${invoice.number}${payment.note ? `: ${payment.note}` : ''}`,
      })
      if (result.recorded) recorded++
      left -= share
    }
    return { recorded }
  })
}

/** The contact (or staff) cancels a combined invoice: its member invoices can be paid one by one again. */
export async function cancelCompanyInvoice(db: Db, actorId: string, id: string) {
  const row = await db.updateTable('company_invoices').set({ voided_at: new Date() }).where('id', '=', id).where('voided_at', 'is', null).returning('number').executeTakeFirst()
  if (row) await audit(db, { action: 'company_invoice_cancelled', actorId, detail: { number: row.number } })
}

/** The open combined invoice, if any, that includes this member invoice. */
export async function combinedInvoiceCovering(db: Db, invoiceId: string) {
  return db
    .selectFrom('company_invoice_items as ci')
    .innerJoin('company_invoices as c', 'c.id', 'ci.company_invoice_id')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .select(['c.number', 'co.name as companyName'])
    .where('ci.invoice_id', '=', invoiceId)
    .where('c.voided_at', 'is', null)
    .executeTakeFirst()
}

/** The payments shared out over a combined invoice, one row a payment (its reference before the `/`). */
export async function combinedPayments(db: Db, invoice: CompanyInvoice) {
  // A share's reference is the payment's, then "/" and the member invoice's number.
  const entries = await db
    .selectFrom('ledger_entries as l')
    .innerJoin('invoices as i', 'i.id', 'l.invoice_id')
    .select(['l.kind', 'l.method', 'l.amount_pence', 'l.external_ref', 'l.received_on'])
    .where('l.invoice_id', 'in', invoice.items.map((i) => i.id))
    .where(sql<boolean>`l.external_ref like '%/' || i.number`)
    .orderBy('l.created_at')
    .execute()
  const payments = new Map<string, { ref: string; method: string; receivedOn: Date; amountPence: number; reversed: boolean }>()
  for (const e of entries) {
    const ref = e.external_ref!.slice(0, e.external_ref!.lastIndexOf('/'))
    const key = `${e.method} ${ref}`
    const p = payments.get(key) ?? { ref, method: e.method, receivedOn: e.received_on, amountPence: 0, reversed: false }
    if (e.kind === 'payment') p.amountPence += e.amount_pence
    else if (e.kind === 'reversal') p.reversed = true
    payments.set(key, p)
  }
  return [...payments.values()]
}

/** A company's cheque bounced: each member invoice it paid gets its share reversed, in one transaction. */
export async function bounceCombinedCheque(db: Db, config: Config, id: string, chequeRef: string, actorId: string) {
  return db.transaction().execute(async (trx) => {
    const invoice = await findCompanyInvoice(trx, id)
    if (!invoice) return 0
    const shares = await trx
      .selectFrom('ledger_entries')
      .select(['invoice_id', 'amount_pence', 'external_ref'])
      .where('invoice_id', 'in', invoice.items.map((i) => i.id))
      .where('method', '=', 'cheque')
      .where('kind', '=', 'payment')
      .where('external_ref', 'in', invoice.items.map((i) => `${chequeRef}/${i.number}`))
      .execute()
    let reversed = 0
    for (const share of shares) {
      const result = await recordLedgerEntry(trx, config, { invoiceId: share.invoice_id, kind: 'reversal', method: 'cheque', amountPence: share.amount_pence, receivedOn: toDateOnly(new Date()), externalRef: share.external_ref, payer: '', note: `Cheque bounced (${invoice.number})`, actorId })
      if (result.recorded) reversed++
    }
    return reversed
  })
}
