import type { ColumnType } from 'kysely'
import type { Generated, Timestamp } from '../../platform/db/tables.ts'

type DateOnly = ColumnType<Date, Date | string, Date | string>
export type ReminderStage = '30-days' | '14-days' | '1-day' | '7-days-after' | 'lapsed'

export interface BillingTables {
  invoices: {
    id: Generated<string>
    number: string
    reference: string
    user_id: string
    membership_id: string
    kind: 'joining' | 'renewal' | 'upgrade'
    grade: string
    total_pence: number
    vat_treatment: Generated<string>
    voided_at: Date | null
    issued_at: Timestamp
    due_on: DateOnly
    renews_term_ending: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  }
  invoice_lines: { id: Generated<number>; invoice_id: string; description: string; amount_pence: number; position: number }
  ledger_entries: {
    id: Generated<string>
    invoice_id: string
    kind: 'payment' | 'refund' | 'reversal'
    method: 'paypal' | 'cheque' | 'bacs' | 'other'
    amount_pence: number
    received_on: DateOnly
    external_ref: string | null
    payer: Generated<string>
    note: Generated<string>
    recorded_by: string | null
    created_at: Timestamp
  }
  payment_attempts: {
    id: Generated<string>
    /** One of the two: a member's invoice, or a company's combined invoice. */
    invoice_id: string | null
    company_invoice_id: Generated<string | null>
    provider: Generated<string>
    order_id: string | null
    approve_url: string | null
    status: 'creating' | 'created' | 'approved' | 'pending' | 'captured' | 'failed' | 'cancelled' | 'expired' | 'needs_review'
    amount_pence: number
    detail: Generated<string>
    created_at: Timestamp
    updated_at: Timestamp
  }
  paypal_events: { id: string; event_type: string; received_at: Timestamp }
  renewal_reminders: { membership_id: string; term_ending: DateOnly; stage: ReminderStage; sent_at: Timestamp }
  bank_lines: {
    fingerprint: string
    received_on: DateOnly
    description: string
    amount_pence: number
    status: 'matched' | 'unmatched'
    invoice_id: string | null
    imported_by: string | null
    imported_at: Timestamp
  }
  companies: { id: Generated<string>; name: string; contact_user_id: Generated<string | null>; created_at: Timestamp }
  company_invoices: {
    id: Generated<string>
    number: string
    reference: string
    company_id: string
    contact_user_id: string
    total_pence: number
    issued_at: Timestamp
    due_on: DateOnly
    voided_at: Date | null
  }
  company_invoice_items: { company_invoice_id: string; invoice_id: string; amount_pence: number; position: number }
  company_links: { user_id: string; company_id: string; confirmed_by: string | null; confirmed_at: Date | null; created_at: Timestamp }
  membership_terms: { id: Generated<string>; membership_id: string; invoice_id: string; starts_on: DateOnly; ends_on: DateOnly; created_at: Timestamp }
}
