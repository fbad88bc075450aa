import { sql } from 'kysely'

/** What has been paid on invoice `i` (payments less refunds and reversals): for queries that alias invoices as `i`. */
export const paidOnInvoiceI = sql<number>`(select coalesce(sum(l.amount_pence), 0) from ledger_entries l where l.invoice_id = i.id)`

/** What is still owed on invoice `i`, for queries that alias invoices as `i`. */
export const dueOnInvoiceI = sql<number>`(i.total_pence - ${paidOnInvoiceI})`

/** Each membership's latest term whose invoice (`i`) is still paid in full, as the CTE `paid`. */
export const latestPaidTermsCte = sql`paid as (
      select distinct on (t.membership_id) t.membership_id, t.ends_on
      from membership_terms t
      join invoices i on i.id = t.invoice_id and i.voided_at is null
      where ${paidOnInvoiceI} >= i.total_pence
      order by t.membership_id, t.ends_on desc
    )`
