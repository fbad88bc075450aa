import { type Kysely, sql } from 'kysely'

/**
 * The directory search reads one table: each listing carries its member's grade and paid_through, copied by
 * triggers whenever the membership changes, so a search needs no join per row (decision 008).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('directory_listings').addColumn('member_grade', 'text').addColumn('member_paid_through', 'date').execute()
  await sql`update directory_listings l set member_grade = m.grade, member_paid_through = m.paid_through from memberships m where m.id = l.membership_id`.execute(db)
  await sql`alter table directory_listings alter column member_grade set not null`.execute(db)
  await sql`
    create function directory_listing_member_state() returns trigger language plpgsql as $$
    begin
      select m.grade, m.paid_through into new.member_grade, new.member_paid_through from memberships m where m.id = new.membership_id;
      return new;
    end $$`.execute(db)
  await sql`create trigger directory_listings_member_state before insert or update of membership_id on directory_listings for each row execute function directory_listing_member_state()`.execute(db)
  await sql`
    create function memberships_to_directory() returns trigger language plpgsql as $$
    begin
      -- Most members have no listing: skip the update, which would move the directory's version for nothing.
      if exists (select 1 from directory_listings where membership_id = new.id) then
        update directory_listings set member_grade = new.grade, member_paid_through = new.paid_through where membership_id = new.id;
      end if;
      return null;
    end $$`.execute(db)
  await sql`create trigger memberships_directory_state after update of grade, paid_through on memberships for each row when (old.grade is distinct from new.grade or old.paid_through is distinct from new.paid_through) execute function memberships_to_directory()`.execute(db)
  // One GIN index over both arrays answers "region and expertise" with one bitmap, and either alone too.
  await sql`drop index directory_listings_regions_idx, directory_listings_expertise_idx`.execute(db)
  await sql`create index directory_listings_areas_expertise_idx on directory_listings using gin (area_regions, expertise) where opted_in and hidden_at is null`.execute(db)
  // A version that moves with every change to a listing (and so, through the trigger above, to its member's
  // grade or paid_through), committed with the change: the search cache keys its entries on it.
  await sql`create table directory_state (id boolean primary key default true check (id), version bigint not null default 0)`.execute(db)
  await sql`insert into directory_state default values`.execute(db)
  await sql`
    create function bump_directory_version() returns trigger language plpgsql as $$
    begin
      update directory_state set version = version + 1;
      return null;
    end $$`.execute(db)
  await sql`create trigger directory_listings_version after insert or update or delete on directory_listings for each statement execute function bump_directory_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists directory_listings_version on directory_listings`.execute(db)
  await sql`drop function if exists bump_directory_version`.execute(db)
  await sql`drop table if exists directory_state`.execute(db)
  await sql`drop index if exists directory_listings_areas_expertise_idx`.execute(db)
  await sql`create index directory_listings_expertise_idx on directory_listings using gin (expertise) where opted_in and hidden_at is null`.execute(db)
  await sql`create index directory_listings_regions_idx on directory_listings using gin (area_regions) where opted_in and hidden_at is null`.execute(db)
  await sql`drop trigger if exists memberships_directory_state on memberships`.execute(db)
  await sql`drop trigger if exists directory_listings_member_state on directory_listings`.execute(db)
  await sql`drop function if exists memberships_to_directory, directory_listing_member_state`.execute(db)
  await db.schema.alterTable('directory_listings').dropColumn('member_grade').dropColumn('member_paid_through').execute()
}
