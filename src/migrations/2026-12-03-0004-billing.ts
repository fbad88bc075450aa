import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invoices')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('membership_id', 'uuid', (c) => c.notNull().references('memberships.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('joining', 'renewal')`))
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('total_pence', 'integer', (c) => c.notNull().check(sql`total_pence >= 0`))
    .addColumn('vat_treatment', 'text', (c) => c.notNull().defaultTo('exempt'))
    .addColumn('voided_at', 'timestamptz')
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('invoices_user_idx').on('invoices').columns(['user_id', 'issued_at']).execute()

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('invoice_id', 'uuid', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('invoice_id', 'uuid', (c) => c.notNull().references('invoices.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('payment', 'refund', 'reversal')`))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('paypal', 'cheque', 'bacs', 'other')`))
    .addColumn('amount_pence', 'integer', (c) => c.notNull().check(sql`amount_pence <> 0`))
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('payer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('ledger_sign', sql`(kind = 'payment' and amount_pence > 0) or (kind <> 'payment' and amount_pence < 0)`)
    .execute()
  // The same capture, cheque or bank line can never be recorded twice.
  await sql`create unique index ledger_entries_external_ref_key on ledger_entries (method, kind, external_ref) where external_ref is not null`.execute(db)
  await db.schema.createIndex('ledger_entries_invoice_idx').on('ledger_entries').column('invoice_id').execute()

  await db.schema
    .createTable('membership_terms')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('membership_id', 'uuid', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('invoice_id', 'uuid', (c) => c.notNull().unique().references('invoices.id').onDelete('restrict'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('membership_terms_membership_idx').on('membership_terms').columns(['membership_id', 'ends_on']).execute()
  await sql`create sequence invoice_number_seq start 1001`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop sequence if exists invoice_number_seq`.execute(db)
  for (const t of ['membership_terms', 'ledger_entries', 'invoice_lines', 'invoices']) await db.schema.dropTable(t).ifExists().execute()
}
