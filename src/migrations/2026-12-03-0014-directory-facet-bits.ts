import { type Kysely, sql } from 'kysely'

/**
 * Each listing (and its search copy) carries its areas of expertise and regions as bits too, so the counts per
 * expertise and region among a search's results are sums over one pass instead of unnesting arrays (decision 008).
 * The bit of an area of expertise is its `position`; the bit of a region is its place in this list, the order of
 * `ukRegions` in applications/steps.ts (a test holds the two together).
 */
const REGIONS = sql`array['North East', 'North West', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands', 'East of England', 'London', 'South East', 'South West', 'Wales', 'Scotland', 'Northern Ireland']`

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table expertise_areas add constraint expertise_areas_position_bit check (position between 0 and 30)`.execute(db)
  for (const table of ['directory_listings', 'directory_search'])
    await db.schema.alterTable(table).addColumn('expertise_bits', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('region_bits', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await sql`
    create function directory_listing_bits() returns trigger language plpgsql as $$
    begin
      new.expertise_bits := (select coalesce(bit_or(1 << a.position), 0) from expertise_areas a where a.code = any(new.expertise));
      new.region_bits := (select coalesce(bit_or(1 << (array_position(${REGIONS}, r) - 1)), 0) from unnest(new.area_regions) r where array_position(${REGIONS}, r) is not null);
      return new;
    end $$`.execute(db)
  await sql`create trigger directory_listings_bits before insert or update of expertise, area_regions on directory_listings for each row execute function directory_listing_bits()`.execute(db)
  await sql`
    create or replace function directory_search_copy() returns trigger language plpgsql as $$
    begin
      insert into directory_search (listing_id, display_name, opted_in, hidden_at, member_grade, member_paid_through, expertise,
        regions, counties, area_regions, profession, taking_referrals, latitude, longitude, expertise_bits, region_bits)
      values (new.id, new.display_name, new.opted_in, new.hidden_at, new.member_grade, new.member_paid_through, new.expertise,
        new.regions, new.counties, new.area_regions, new.profession, new.taking_referrals, new.latitude, new.longitude,
        new.expertise_bits, new.region_bits)
      on conflict (listing_id) do update set display_name = excluded.display_name, opted_in = excluded.opted_in,
        hidden_at = excluded.hidden_at, member_grade = excluded.member_grade, member_paid_through = excluded.member_paid_through,
        expertise = excluded.expertise, regions = excluded.regions, counties = excluded.counties, area_regions = excluded.area_regions,
        profession = excluded.profession, taking_referrals = excluded.taking_referrals, latitude = excluded.latitude,
        longitude = excluded.longitude, expertise_bits = excluded.expertise_bits, region_bits = excluded.region_bits;
      return null;
    end $$`.execute(db)
  await sql`update directory_listings set expertise = expertise`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists directory_listings_bits on directory_listings`.execute(db)
  await sql`drop function if exists directory_listing_bits`.execute(db)
  for (const table of ['directory_search', 'directory_listings']) await db.schema.alterTable(table).dropColumn('expertise_bits').dropColumn('region_bits').execute()
  await sql`alter table expertise_areas drop constraint if exists expertise_areas_position_bit`.execute(db)
}
