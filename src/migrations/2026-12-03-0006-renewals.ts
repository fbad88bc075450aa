import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The term a renewal invoice is for: its end date of the term it continues. One renewal invoice per term.
  await db.schema.alterTable('invoices').addColumn('renews_term_ending', 'date').execute()
  await sql`create unique index invoices_one_renewal_per_term on invoices (membership_id, renews_term_ending) where renews_term_ending is not null and voided_at is null`.execute(db)

  await db.schema
    .createTable('renewal_reminders')
    .addColumn('membership_id', 'uuid', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('term_ending', 'date', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('30-days', '14-days', '1-day', '7-days-after', 'lapsed')`))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('renewal_reminders_pkey', ['membership_id', 'term_ending', 'stage'])
    .execute()
  await db.schema.createIndex('membership_terms_ends_idx').on('membership_terms').column('ends_on').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('renewal_reminders').ifExists().execute()
  await sql`drop index if exists invoices_one_renewal_per_term`.execute(db)
  await db.schema.alterTable('invoices').dropColumn('renews_term_ending').execute()
}
