import { type Kysely, sql } from 'kysely'

/**
 * Find a Case Manager. `memberships.paid_through` is the end of the latest term whose invoice is still paid in
 * full, kept by triggers on every ledger entry and term, so the directory can ask "active today?" with one
 * indexed date comparison (decision 008). The listing keeps what the member chose to publish.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('postcode_districts')
    .addColumn('outcode', 'text', (c) => c.primaryKey())
    .addColumn('latitude', 'float8', (c) => c.notNull())
    .addColumn('longitude', 'float8', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .execute()

  await db.schema.alterTable('memberships').addColumn('paid_through', 'date').execute()
  await sql`
    create function refresh_paid_through(target uuid) returns void language sql as $$
      update memberships m set paid_through = (
        select max(t.ends_on) from membership_terms t
        join invoices i on i.id = t.invoice_id and i.voided_at is null
        where t.membership_id = target
          and (select coalesce(sum(l.amount_pence), 0) from ledger_entries l where l.invoice_id = i.id) >= i.total_pence
      ) where m.id = target
    $$`.execute(db)
  await sql`
    create function paid_through_after_ledger() returns trigger language plpgsql as $$
    begin
      perform refresh_paid_through(i.membership_id) from invoices i where i.id = new.invoice_id;
      return null;
    end $$`.execute(db)
  await sql`
    create function paid_through_after_term() returns trigger language plpgsql as $$
    begin
      perform refresh_paid_through(new.membership_id);
      return null;
    end $$`.execute(db)
  await sql`
    create function paid_through_after_invoice() returns trigger language plpgsql as $$
    begin
      perform refresh_paid_through(new.membership_id);
      return null;
    end $$`.execute(db)
  await sql`create trigger ledger_entries_paid_through after insert or update on ledger_entries for each row execute function paid_through_after_ledger()`.execute(db)
  await sql`create trigger membership_terms_paid_through after insert or update on membership_terms for each row execute function paid_through_after_term()`.execute(db)
  await sql`create trigger invoices_paid_through after update of voided_at, total_pence on invoices for each row execute function paid_through_after_invoice()`.execute(db)
  await sql`select refresh_paid_through(id) from memberships`.execute(db)

  await db.schema
    .createTable('directory_listings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('membership_id', 'uuid', (c) => c.notNull().unique().references('memberships.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('opted_in', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('profession', 'text')
    .addColumn('expertise', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('regions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('counties', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // The regions searched: those chosen whole, and those of the chosen counties.
    .addColumn('area_regions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('base_outcode', 'text')
    .addColumn('latitude', 'float8')
    .addColumn('longitude', 'float8')
    .addColumn('travel_miles', 'integer')
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('taking_referrals', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('words', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`setweight(to_tsvector('english', display_name || ' ' || title), 'A') || setweight(to_tsvector('english', bio), 'B')`).stored(),
    )
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_reason', 'text')
    .addColumn('hidden_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('opted_in_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // Only the rows a search can return are indexed: opted in and not hidden.
  const listed = sql`where opted_in and hidden_at is null`
  await sql`create index directory_listings_expertise_idx on directory_listings using gin (expertise) ${listed}`.execute(db)
  await sql`create index directory_listings_regions_idx on directory_listings using gin (area_regions) ${listed}`.execute(db)
  await sql`create index directory_listings_counties_idx on directory_listings using gin (counties) ${listed}`.execute(db)
  await sql`create index directory_listings_words_idx on directory_listings using gin (words) ${listed}`.execute(db)
  await sql`create index directory_listings_position_idx on directory_listings (latitude, longitude) ${listed} and latitude is not null`.execute(db)
  await sql`create index directory_listings_name_idx on directory_listings (display_name) ${listed}`.execute(db)

  await db.schema
    .createTable('directory_enquiries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('listing_id', 'uuid', (c) => c.notNull().references('directory_listings.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('directory_enquiries_listing_idx').on('directory_enquiries').columns(['listing_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('directory_enquiries').ifExists().execute()
  await db.schema.dropTable('directory_listings').ifExists().execute()
  await sql`drop trigger if exists invoices_paid_through on invoices`.execute(db)
  await sql`drop trigger if exists membership_terms_paid_through on membership_terms`.execute(db)
  await sql`drop trigger if exists ledger_entries_paid_through on ledger_entries`.execute(db)
  await sql`drop function if exists paid_through_after_invoice, paid_through_after_term, paid_through_after_ledger, refresh_paid_through`.execute(db)
  await db.schema.alterTable('memberships').dropColumn('paid_through').execute()
  await db.schema.dropTable('postcode_districts').ifExists().execute()
}
