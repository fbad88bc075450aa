import { type RawBuilder, sql } from 'kysely'
import { type Db, PREPARED } from '../../platform/db/database.ts'
import type { DateOnly } from '../billing/rules.ts'
import { isCounty, isRegion, professions, regionOfCounty, ukRegions } from './areas.ts'
import { DEFAULT_MILES, distanceChoices, EARTH_RADIUS_MILES, type Point } from './postcodes.ts'

export const PAGE_SIZE = 20

/** A purchaser's search, read from the URL so that every search can be shared and bookmarked. */
export type Criteria = {
  words: string
  region: string
  county: string
  postcode: string
  miles: number
  expertise: string[]
  profession: string
  taking: boolean
  page: number
}

const one = (v: unknown) => (typeof v === 'string' ? v.trim() : Array.isArray(v) && typeof v[0] === 'string' ? v[0].trim() : '')
const many = (v: unknown) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)

/** Values the site does not know are dropped, so an edited or old URL still gives a search. */
export function criteriaFrom(query: Record<string, unknown>, expertiseCodes: ReadonlySet<string>): Criteria {
  const miles = Number(one(query.miles))
  const page = Number(one(query.page))
  const region = one(query.region)
  const county = one(query.county)
  const profession = one(query.profession)
  return {
    words: one(query.q).slice(0, 100),
    region: isRegion(region) ? region : '',
    county: isCounty(county) ? county : '',
    postcode: one(query.postcode).slice(0, 10),
    miles: (distanceChoices as readonly number[]).includes(miles) ? miles : DEFAULT_MILES,
    expertise: [...new Set(many(query.expertise).filter((e) => expertiseCodes.has(e)))],
    profession: professions.some((p) => p.value === profession) ? profession : '',
    taking: one(query.taking) === 'yes',
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  }
}

/** The URL of a search, for links to other pages of results and to narrow or widen it. */
export function searchUrl(c: Criteria, change: Partial<Criteria> = {}): string {
  const s = { ...c, ...change }
  const params = new URLSearchParams()
  if (s.words) params.set('q', s.words)
  if (s.postcode) {
    params.set('postcode', s.postcode)
    params.set('miles', String(s.miles))
  }
  if (s.region) params.set('region', s.region)
  if (s.county) params.set('county', s.county)
  for (const e of s.expertise) params.append('expertise', e)
  if (s.profession) params.set('profession', s.profession)
  if (s.taking) params.set('taking', 'yes')
  if (s.page > 1) params.set('page', String(s.page))
  const query = params.toString()
  return query ? `/find-a-case-manager?${query}` : '/find-a-case-manager'
}

/** Words as a prefix query: "brain inj" finds "brain injury"; only letters and digits reach to_tsquery. */
export function wordsQuery(words: string): string | undefined {
  const tokens = words.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8)
  return tokens?.length ? tokens.map((t) => `${t}:*`).join(' & ') : undefined
}

/**
 * Rules 24–27 as SQL over a listing (`directory_listings`, or its search copy `directory_search`, which has the
 * same columns): opted in, not hidden, at least one area of expertise, a Case Manager, and paid through a date
 * that still gives member benefits today. The member's grade and paid_through are kept on the listing by
 * triggers (decision 008), so this needs no join.
 */
export const listedSql = (benefitsIfPaidThrough: DateOnly, alias: 'l' | 's' = 'l') => {
  const t = sql.raw(alias)
  return sql<boolean>`${t}.opted_in and ${t}.hidden_at is null and ${t}.member_grade = 'case-manager' and ${t}.member_paid_through >= ${benefitsIfPaidThrough}::date and cardinality(${t}.expertise) > 0`
}

const milesFrom = (p: Point) =>
  sql`(${EARTH_RADIUS_MILES}::float8 * 2 * asin(sqrt(power(sin(radians(s.latitude - ${p.latitude}::float8) / 2), 2) + cos(radians(${p.latitude}::float8)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - ${p.longitude}::float8) / 2), 2))))`

/** `areas` gives each area of expertise's bit (its position), for the counts among the results. */
export type SearchInput = { criteria: Criteria; near: Point | null; northernIreland: boolean; benefitsIfPaidThrough: DateOnly; areas: readonly { code: string; position: number }[] }

export function searchQuery({ criteria: c, near, northernIreland, benefitsIfPaidThrough, areas }: SearchInput) {
  const where: RawBuilder<unknown>[] = [listedSql(benefitsIfPaidThrough, 's')]
  const region = c.region || (northernIreland ? 'Northern Ireland' : '')
  if (region) where.push(sql`s.area_regions @> array[${region}]::text[]`)
  if (c.county) where.push(sql`(s.counties @> array[${c.county}]::text[] or s.regions @> array[${regionOfCounty(c.county)}]::text[])`)
  if (c.expertise.length > 0) where.push(sql`s.expertise && ${c.expertise}::text[]`)
  if (c.profession) where.push(sql`s.profession = ${c.profession}`)
  if (c.taking) where.push(sql`s.taking_referrals`)
  const words = wordsQuery(c.words)
  const tsquery = words ? sql`to_tsquery('english', ${words})` : null
  if (tsquery) where.push(sql`s.words @@ ${tsquery}`)
  let miles = sql`null::float8`
  if (near) {
    // A box around the point narrows the rows by index before the great-circle distance is worked out.
    const dLat = c.miles / 69.05
    const dLon = c.miles / (69.17 * Math.cos((near.latitude * Math.PI) / 180))
    where.push(sql`s.latitude between ${near.latitude - dLat}::float8 and ${near.latitude + dLat}::float8`)
    where.push(sql`s.longitude between ${near.longitude - dLon}::float8 and ${near.longitude + dLon}::float8`)
    // On the radius counts as inside: a distance that rounds to the radius, to the hundredth of a mile, is in.
    where.push(sql`${milesFrom(near)} < ${c.miles + 0.005}::float8`)
    miles = milesFrom(near)
  }
  const rank = tsquery ? sql`ts_rank(s.words, ${tsquery})` : sql`0::real`
  const order = (t: 'hits' | 'shown') => {
    const a = sql.raw(t)
    return near ? sql`${a}.miles, ${a}.display_name, ${a}.id` : tsquery ? sql`${a}.rank desc, ${a}.display_name, ${a}.id` : sql`${a}.display_name, ${a}.id`
  }
  // The narrow search copy serves every search but one by words: the words (and their GIN index) are on the
  // listing itself, which has the same columns, so such a search reads that table instead of joining it.
  const from = tsquery ? sql`directory_listings s` : sql`directory_search s`
  const id = tsquery ? sql`s.id` : sql`s.listing_id`
  // Only what ordering and the counts need is carried for every hit; the shown page is read for 20 rows.
  return sql<{ version: string; total: number; page: ResultRow[]; expertise_counts: Record<string, number>; region_counts: Record<string, number> }>`${sql.raw(PREPARED)}
with hits as materialized (
  select ${id} as id, s.display_name, s.expertise_bits, s.region_bits, ${miles} as miles, ${rank} as rank
  from ${from}
  where ${sql.join(where, sql` and `)}
),
shown as (
  select id, display_name, miles, rank from hits order by ${order('hits')} limit ${PAGE_SIZE} offset ${(c.page - 1) * PAGE_SIZE}
)
select
  (select version from directory_state)::text as version,
  (select count(*) from hits)::int as total,
  (select coalesce(json_agg(json_build_object(
      'id', l.id, 'slug', l.slug, 'display_name', l.display_name, 'title', l.title, 'profession', l.profession,
      'expertise', l.expertise, 'area_regions', l.area_regions, 'counties', l.counties, 'base_outcode', l.base_outcode,
      'travel_miles', l.travel_miles, 'taking_referrals', l.taking_referrals, 'bio_start', left(l.bio, 240),
      'bio_more', length(l.bio) > 240, 'miles', shown.miles) order by ${order('shown')}), '[]')
    from shown join directory_listings l on l.id = shown.id) as page,
  (select json_build_object(${countsByBit('expertise_bits', areas.map((a) => [a.code, a.position]))}) from hits) as expertise_counts,
  (select json_build_object(${countsByBit('region_bits', ukRegions.map((r, i) => [r, i]))}) from hits) as region_counts`
}

/** `'code', number of hits with its bit set`, for each code: the counts per expertise or region in one pass. */
const countsByBit = (column: 'expertise_bits' | 'region_bits', bits: (readonly [string, number])[]) =>
  sql.join(bits.map(([code, bit]) => sql`${code}::text, sum((${sql.ref(column)} >> ${bit}::int) & 1)`))

export type ResultRow = {
  id: string
  slug: string
  display_name: string
  title: string
  profession: string | null
  expertise: string[]
  area_regions: string[]
  counties: string[]
  base_outcode: string | null
  travel_miles: number | null
  taking_referrals: boolean
  bio_start: string
  bio_more: boolean
  miles: number | null
}

export type SearchResult = { total: number; results: ResultRow[]; expertiseCounts: Record<string, number>; regionCounts: Record<string, number> }

/** Runs a search; `version` is the directory's version in the same snapshot as the results. */
export async function search(db: Db, input: SearchInput): Promise<SearchResult & { version: string }> {
  const { rows } = await searchQuery(input).execute(db)
  const row = rows[0]!
  const present = (counts: Record<string, number | null>) => Object.fromEntries(Object.entries(counts).filter((e): e is [string, number] => Number(e[1]) > 0).map(([k, n]) => [k, Number(n)]))
  return { version: row.version, total: row.total, results: row.page, expertiseCounts: present(row.expertise_counts), regionCounts: present(row.region_counts) }
}
