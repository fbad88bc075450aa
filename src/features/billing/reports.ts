import { sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { paidOnInvoiceI } from './paid-sql.ts'

export type InvoiceFilter = 'open' | 'paid' | 'overdue'

const paidSql = paidOnInvoiceI

/** Staff list of invoices: open (something left to pay), paid, or overdue (open and past the date to pay by). */
export async function listInvoices(db: Db, filter: InvoiceFilter) {
  let q = db
    .selectFrom('invoices as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('memberships as m', 'm.id', 'i.membership_id')
    .select(['i.id', 'i.number', 'i.reference', 'i.kind', 'i.total_pence', 'i.due_on', 'i.issued_at', 'u.name', 'm.number as membershipNumber', paidSql.as('paid')])
    .where('i.voided_at', 'is', null)
  if (filter === 'paid') q = q.where(paidSql, '>=', sql<number>`i.total_pence`)
  else q = q.where(paidSql, '<', sql<number>`i.total_pence`)
  if (filter === 'overdue') q = q.where('i.due_on', '<', sql<Date>`current_date`)
  return q.orderBy('i.issued_at', 'desc').limit(500).execute()
}

/** Payments, refunds and reversals received in a period, newest first, with totals by method. */
export async function paymentsBetween(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom('ledger_entries as l')
    .innerJoin('invoices as i', 'i.id', 'l.invoice_id')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select(['l.received_on', 'l.kind', 'l.method', 'l.amount_pence', 'l.external_ref', 'i.number as invoice', 'i.reference', 'u.name'])
    .where('l.received_on', '>=', sql<Date>`${from}::date`)
    .where('l.received_on', '<=', sql<Date>`${to}::date`)
    .orderBy('l.received_on', 'desc')
    .limit(5000)
    .execute()
  const byMethod = new Map<string, number>()
  for (const r of rows) byMethod.set(r.method, (byMethod.get(r.method) ?? 0) + r.amount_pence)
  return { rows: rows.map((r) => ({ ...r, receivedOn: r.received_on.toISOString().slice(0, 10) })), byMethod: [...byMethod].sort(), total: rows.reduce((s, r) => s + r.amount_pence, 0) }
}

/** A CSV cell that a spreadsheet cannot mistake for a formula. */
export function csvCell(value: string | number) {
  const text = String(value)
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** What staff must look at: card payments held for review (amount mismatch, voided invoice) and over-paid invoices. */
export async function paymentsToCheck(db: Db) {
  const [attempts, overpaid] = await Promise.all([
    db
      .selectFrom('payment_attempts as a')
      .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['a.id', 'a.order_id', 'a.detail', 'a.amount_pence', 'a.updated_at', 'i.id as invoiceId', 'i.number', 'u.name'])
      .where('a.status', '=', 'needs_review')
      .orderBy('a.updated_at', 'desc')
      .execute(),
    db
      .selectFrom('invoices as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['i.id', 'i.number', 'i.total_pence', 'u.name', paidSql.as('paid')])
      .where(paidSql, '>', sql<number>`i.total_pence`)
      .execute(),
  ])
  return { attempts, overpaid }
}
