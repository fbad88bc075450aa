import { type Kysely, sql } from 'kysely'

/**
 * One combined invoice a company contact pays for the open membership invoices of the company's members. It
 * is a way to pay, not a ledger of its own: a payment on it is spread over the member invoices it covers, so
 * each membership is paid (and its term bought) by the ordinary ledger (decision 007).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('companies').addColumn('contact_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null')).execute()
  await sql`create sequence company_invoice_number_seq start 1`.execute(db)
  await db.schema
    .createTable('company_invoices')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('companies.id').onDelete('restrict'))
    .addColumn('contact_user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('total_pence', 'integer', (c) => c.notNull().check(sql`total_pence > 0`))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('voided_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('company_invoices_company_idx').on('company_invoices').column('company_id').execute()
  await db.schema
    .createTable('company_invoice_items')
    .addColumn('company_invoice_id', 'uuid', (c) => c.notNull().references('company_invoices.id').onDelete('cascade'))
    .addColumn('invoice_id', 'uuid', (c) => c.notNull().references('invoices.id').onDelete('restrict'))
    .addColumn('amount_pence', 'integer', (c) => c.notNull().check(sql`amount_pence > 0`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('company_invoice_items_pkey', ['company_invoice_id', 'invoice_id'])
    .execute()
  await db.schema.createIndex('company_invoice_items_invoice_idx').on('company_invoice_items').column('invoice_id').execute()

  // A card payment is for one member invoice or for one combined invoice.
  await sql`alter table payment_attempts alter column invoice_id drop not null`.execute(db)
  await db.schema.alterTable('payment_attempts').addColumn('company_invoice_id', 'uuid', (c) => c.references('company_invoices.id').onDelete('restrict')).execute()
  await sql`alter table payment_attempts add constraint payment_attempts_one_target check (num_nonnulls(invoice_id, company_invoice_id) = 1)`.execute(db)
  await sql`create unique index payment_attempts_one_open_company on payment_attempts (company_invoice_id) where status in ('creating', 'created', 'approved', 'pending')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists payment_attempts_one_open_company`.execute(db)
  await sql`alter table payment_attempts drop constraint if exists payment_attempts_one_target`.execute(db)
  await db.schema.alterTable('payment_attempts').dropColumn('company_invoice_id').execute()
  await db.schema.dropTable('company_invoice_items').ifExists().execute()
  await db.schema.dropTable('company_invoices').ifExists().execute()
  await sql`drop sequence if exists company_invoice_number_seq`.execute(db)
  await db.schema.alterTable('companies').dropColumn('contact_user_id').execute()
}
