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

/** Every listing with its state and referral counts, for the office. */
export async function staffListings(db: Db, onlyId?: string) {
  const cutoff = await benefitsIfPaidThrough(db)
  const { rows } = await sql<{ id: string; display_name: string; number: string; slug: string; state: ListingState; enquiries: number; last_30_days: number; updated_at: Date }>`
    select l.id, l.display_name, m.number, l.slug, l.updated_at,
      case when l.hidden_at is not null then 'hidden' when not l.opted_in then 'opted-out' when ${listedSql(cutoff)} then 'listed' else 'not-shown' end as state,
      (select count(*)::int from directory_enquiries e where e.listing_id = l.id) as enquiries,
      (select count(*)::int from directory_enquiries e where e.listing_id = l.id and e.created_at > now() - interval '30 days') as last_30_days
    from directory_listings l join memberships m on m.id = l.membership_id
    where ${onlyId ?? null}::uuid is null or l.id = ${onlyId ?? null}::uuid
    order by l.display_name`.execute(db)
  return rows
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
