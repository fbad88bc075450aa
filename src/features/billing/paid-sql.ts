import { sql } from 'kysely'

/** What has been paid on invoice `i` (payments less refunds and reversals): for queries that alias invoices as `i`. */
export const paidOnInvoiceI = sql<number>`(select coalesce(sum(l.amount_pence), 0) from ledger_entries l where l.invoice_id = i.id)`

/** What is still owed on invoice `i`, for queries that alias invoices as `i`. */
export const dueOnInvoiceI = sql<number>`(i.total_pence - ${paidOnInvoiceI})`
