import { sql } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { benefitsIfPaidThrough } from '../billing/service.ts'
import { listedSql } from './search.ts'

export type ListingState = 'listed' | 'hidden' | 'opted-out' | 'not-shown'
export const listingStates: ListingState[] = ['listed', 'hidden', 'opted-out', 'not-shown']
export const listingStateLabels: Record<ListingState, string> = {
  listed: 'Listed',
  hidden: 'Hidden by the office',
  'opted-out': 'Opted out',
  'not-shown': 'Opted in, not shown (membership not active or no expertise)',
}

export const STAFF_PAGE_SIZE = 100

const stateSql = (cutoff: string) =>
  sql<ListingState>`case when l.hidden_at is not null then 'hidden' when not l.opted_in then 'opted-out' when ${listedSql(cutoff)} then 'listed' else 'not-shown' end`

type Filter = { id?: string; state?: ListingState; name?: string; page?: number }

/** Listings with their state and referral counts, for the office: one listing, or a page of those in a state. */
export async function staffListings(db: Db, filter: Filter = {}) {
  const cutoff = await benefitsIfPaidThrough(db)
  const name = filter.name ? `%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const { rows } = await sql<{ id: string; display_name: string; number: string; slug: string; state: ListingState; enquiries: number; last_30_days: number; updated_at: Date }>`
    select l.id, l.display_name, m.number, l.slug, l.updated_at, ${stateSql(cutoff)} as state,
      (select count(*)::int from directory_enquiries e where e.listing_id = l.id) as enquiries,
      (select count(*)::int from directory_enquiries e where e.listing_id = l.id and e.created_at > now() - interval '30 days') as last_30_days
    from directory_listings l join memberships m on m.id = l.membership_id
    where (${filter.id ?? null}::uuid is null or l.id = ${filter.id ?? null}::uuid)
      and (${filter.state ?? null}::text is null or ${stateSql(cutoff)} = ${filter.state ?? null}::text)
      and (${name}::text is null or l.display_name ilike ${name}::text or m.number ilike ${filter.name ?? null}::text)
    order by l.display_name, l.id
    limit ${STAFF_PAGE_SIZE} offset ${((filter.page ?? 1) - 1) * STAFF_PAGE_SIZE}`.execute(db)
  return rows
}

/** How many listings are in each state, and the enquiries overall. */
export async function staffListingCounts(db: Db) {
  const cutoff = await benefitsIfPaidThrough(db)
  const { rows } = await sql<{ state: ListingState; n: number }>`select ${stateSql(cutoff)} as state, count(*)::int as n from directory_listings l group by 1`.execute(db)
  const { rows: enquiries } = await sql<{ all: number; recent: number }>`
    select count(*)::int as all, (count(*) filter (where created_at > now() - interval '30 days'))::int as recent from directory_enquiries`.execute(db)
  return { byState: Object.fromEntries(listingStates.map((s) => [s, rows.find((r) => r.state === s)?.n ?? 0])) as Record<ListingState, number>, enquiries: enquiries[0]! }
}

export async function staffListing(db: Db, id: string) {
  return db
    .selectFrom('directory_listings as l')
    .innerJoin('memberships as m', 'm.id', 'l.membership_id')
    .leftJoin('users as h', 'h.id', 'l.hidden_by')
    .selectAll('l')
    .select(['m.number', 'h.name as hidden_by_name'])
    .where('l.id', '=', id)
    .executeTakeFirst()
}
