import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bank_lines')
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('matched', 'unmatched')`))
    .addColumn('invoice_id', 'uuid', (c) => c.references('invoices.id').onDelete('set null'))
    .addColumn('imported_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('bank_lines_status_idx').on('bank_lines').columns(['status', 'received_on']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bank_lines').ifExists().execute()
}
