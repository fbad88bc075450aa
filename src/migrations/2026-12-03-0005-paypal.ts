import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payment_attempts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('invoice_id', 'uuid', (c) => c.notNull().references('invoices.id').onDelete('restrict'))
    .addColumn('provider', 'text', (c) => c.notNull().defaultTo('paypal'))
    .addColumn('order_id', 'text', (c) => c.unique())
    .addColumn('approve_url', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('creating', 'created', 'approved', 'pending', 'captured', 'failed', 'cancelled', 'expired', 'needs_review')`),
    )
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // At most one open attempt per invoice: a double click or a second tab reuses it.
  await sql`create unique index payment_attempts_one_open on payment_attempts (invoice_id) where status in ('creating', 'created', 'approved', 'pending')`.execute(db)

  await db.schema
    .createTable('paypal_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('paypal_events').ifExists().execute()
  await db.schema.dropTable('payment_attempts').ifExists().execute()
}
