import { type Kysely, sql } from 'kysely'

/**
 * A narrow copy of each listing with only what a search filters, orders and counts by, kept by a trigger in the
 * same transaction as the listing. A listing row carries its biography and words (about 1.3 kB); this row about
 * 200 bytes, so a search over thousands of listings reads a fifth of the pages (decision 008).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directory_search')
    .addColumn('listing_id', 'uuid', (c) => c.primaryKey().references('directory_listings.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('opted_in', 'boolean', (c) => c.notNull())
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('member_grade', 'text', (c) => c.notNull())
    .addColumn('member_paid_through', 'date')
    .addColumn('expertise', sql`text[]`, (c) => c.notNull())
    .addColumn('regions', sql`text[]`, (c) => c.notNull())
    .addColumn('counties', sql`text[]`, (c) => c.notNull())
    .addColumn('area_regions', sql`text[]`, (c) => c.notNull())
    .addColumn('profession', 'text')
    .addColumn('taking_referrals', 'boolean', (c) => c.notNull())
    .addColumn('latitude', 'float8')
    .addColumn('longitude', 'float8')
    .execute()
  await sql`
    create function directory_search_copy() returns trigger language plpgsql as $$
    begin
      insert into directory_search (listing_id, display_name, opted_in, hidden_at, member_grade, member_paid_through, expertise,
        regions, counties, area_regions, profession, taking_referrals, latitude, longitude)
      values (new.id, new.display_name, new.opted_in, new.hidden_at, new.member_grade, new.member_paid_through, new.expertise,
        new.regions, new.counties, new.area_regions, new.profession, new.taking_referrals, new.latitude, new.longitude)
      on conflict (listing_id) do update set display_name = excluded.display_name, opted_in = excluded.opted_in,
        hidden_at = excluded.hidden_at, member_grade = excluded.member_grade, member_paid_through = excluded.member_paid_through,
        expertise = excluded.expertise, regions = excluded.regions, counties = excluded.counties, area_regions = excluded.area_regions,
        profession = excluded.profession, taking_referrals = excluded.taking_referrals, latitude = excluded.latitude,
        longitude = excluded.longitude;
      return null;
    end $$`.execute(db)
  await sql`create trigger directory_listings_search_copy after insert or update on directory_listings for each row execute function directory_search_copy()`.execute(db)
  await sql`update directory_listings set display_name = display_name`.execute(db)

  const listed = sql`where opted_in and hidden_at is null`
  await sql`drop index if exists directory_listings_areas_expertise_idx, directory_listings_counties_idx, directory_listings_position_idx, directory_listings_name_idx`.execute(db)
  await sql`create index directory_search_areas_expertise_idx on directory_search using gin (area_regions, expertise) ${listed}`.execute(db)
  await sql`create index directory_search_counties_idx on directory_search using gin (counties) ${listed}`.execute(db)
  await sql`create index directory_search_position_idx on directory_search (latitude, longitude) ${listed} and latitude is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  const listed = sql`where opted_in and hidden_at is null`
  await sql`drop trigger if exists directory_listings_search_copy on directory_listings`.execute(db)
  await sql`drop function if exists directory_search_copy`.execute(db)
  await db.schema.dropTable('directory_search').ifExists().execute()
  await sql`create index directory_listings_areas_expertise_idx on directory_listings using gin (area_regions, expertise) ${listed}`.execute(db)
  await sql`create index directory_listings_counties_idx on directory_listings using gin (counties) ${listed}`.execute(db)
  await sql`create index directory_listings_position_idx on directory_listings (latitude, longitude) ${listed} and latitude is not null`.execute(db)
  await sql`create index directory_listings_name_idx on directory_listings (display_name) ${listed}`.execute(db)
}
