/**
 * npm run bench:directory — seeds 100,000 members of whom 30,000 are listed Case Managers, starts the real
 * server as its own process, and measures typical Find a Case Manager searches over HTTP with concurrent
 * clients: region + expertise, postcode within 25 miles + expertise, and words. Prints requests per second and
 * latency percentiles for each, then the plan of the slowest. Targets: p95 under 20 ms, 500 searches a second.
 * Uses BENCH_DATABASE_URL (a superuser URL) or an embedded PostgreSQL under var/bench-postgres.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { sql } from 'kysely'
import { countiesByRegion, isRegion } from '../src/features/directory/areas.ts'
import { criteriaFrom, searchQuery } from '../src/features/directory/search.ts'
import { freshBenchDatabase, root, seedBenchMembers } from './support.ts'

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000)
const LISTED = Number(process.env.BENCH_LISTED ?? 30_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)

const { db, url, release } = await freshBenchDatabase('cmsuk_bench_directory')

// A small deterministic random source, so runs are comparable.
let seed = 42
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
const firstNames = ['Anna', 'Ben', 'Chloe', 'David', 'Emma', 'Fraser', 'Grace', 'Harry', 'Isla', 'Jack', 'Katie', 'Liam', 'Megan', 'Noah', 'Olivia', 'Priya', 'Rhys', 'Sophie', 'Tom', 'Zara']
// 400 surnames and a 600-word vocabulary, so names and words are spread as in real listings.
const starts = ['Ash', 'Black', 'Brad', 'Carl', 'Dun', 'Elm', 'Fair', 'Gold', 'Hart', 'Kings', 'Lang', 'Mar', 'North', 'Oak', 'Pem', 'Red', 'Stan', 'Thorn', 'Wes', 'York']
const ends = ['by', 'ford', 'ham', 'ley', 'ton', 'well', 'wood', 'worth', 'field', 'bridge', 'combe', 'dale', 'hurst', 'more', 'stead', 'wick', 'borough', 'cliffe', 'den', 'shaw']
const surnames = starts.flatMap((a) => ends.map((b) => a + b))
const domainWords = ['rehabilitation', 'catastrophic', 'injury', 'litigation', 'paediatric', 'neurological', 'community', 'vocational', 'return', 'work', 'family', 'support', 'assessment', 'housing', 'equipment', 'therapy', 'care', 'package', 'complex', 'trauma']
const vocabulary = [...domainWords, ...['al', 'ber', 'cor', 'dra', 'ent', 'fal', 'gan', 'hel', 'ist', 'jor', 'kel', 'lum', 'mor', 'nav', 'oss', 'pra', 'qui', 'ros', 'sel', 'tav', 'ulm', 'ver', 'wen', 'xan', 'yel', 'zor'].flatMap((a) => ['ation', 'ing', 'ment', 'ure', 'ise', 'ology', 'ance', 'ive', 'ary', 'ful', 'ness', 'ity', 'ous', 'ship', 'hood', 'ward', 'like', 'some', 'wise', 'less', 'ery', 'ist', 'ial'].map((b) => a + b))]
// Common words come up far more often than rare ones.
const bioWord = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!

const started = Date.now()
await seedBenchMembers(db, MEMBERS, 0.6)
// Bulk load without the per-row paid_through triggers, then set paid_through for all in one statement.
await sql`alter table ledger_entries disable trigger ledger_entries_paid_through`.execute(db)
await sql`alter table membership_terms disable trigger membership_terms_paid_through`.execute(db)
await sql`
  insert into ledger_entries (invoice_id, kind, method, amount_pence, received_on, external_ref)
  select id, 'payment', 'bacs', 7500, current_date, 'BENCH-' || number from invoices where number like 'B-%'`.execute(db)
// Most terms are current; about one in ten has lapsed, so the directory must leave those out.
await sql`
  insert into membership_terms (membership_id, invoice_id, starts_on, ends_on)
  select i.membership_id, i.id, d - 364, d
  from (select i.*, (current_date - 60 + (row_number() over () % 400)::int) as d from invoices i where number like 'B-%') i`.execute(db)
await sql`alter table ledger_entries enable trigger ledger_entries_paid_through`.execute(db)
await sql`alter table membership_terms enable trigger membership_terms_paid_through`.execute(db)
await sql`update memberships m set paid_through = t.ends_on from (select membership_id, max(ends_on) as ends_on from membership_terms group by 1) t where t.membership_id = m.id`.execute(db)

const districts = await db.selectFrom('postcode_districts').selectAll().execute()
const areas = await db.selectFrom('expertise_areas').select(['code', 'position']).orderBy('position').execute()
const expertiseCodes = areas.map((e) => e.code)
const caseManagers = await db.selectFrom('memberships').select('id').where('grade', '=', 'case-manager').orderBy('number').limit(LISTED).execute()
for (let i = 0; i < caseManagers.length; i += 1000) {
  await db
    .insertInto('directory_listings')
    .values(
      caseManagers.slice(i, i + 1000).map((m, j) => {
        const d = pick(districts)
        const region = isRegion(d.region) ? d.region : 'London'
        const expertise = [...new Set([pick(expertiseCodes), pick(expertiseCodes), ...(random() < 0.5 ? [pick(expertiseCodes)] : [])])]
        const counties = random() < 0.5 ? [pick(countiesByRegion[region])] : []
        return {
          membership_id: m.id,
          slug: `bench-${i + j}`,
          opted_in: true,
          display_name: `${pick(firstNames)} ${pick(surnames)}`,
          title: 'Case Manager',
          profession: pick(['nurse', 'occupational-therapist', 'physiotherapist', 'social-worker']),
          expertise,
          regions: random() < 0.3 ? [region] : [],
          counties,
          area_regions: [region],
          base_outcode: d.outcode,
          latitude: d.latitude,
          longitude: d.longitude,
          travel_miles: pick([10, 25, 50]),
          bio: Array.from({ length: 40 }, bioWord).join(' '),
          languages: ['English'],
          taking_referrals: random() < 0.8,
          opted_in_at: new Date(),
        }
      }),
    )
    .execute()
}
await sql`analyze`.execute(db)
const seededIn = (Date.now() - started) / 1000
const { rows: counted } = await sql<{ listed: number }>`select count(*)::int as listed from directory_listings l join memberships m on m.id = l.membership_id where m.paid_through >= current_date - 30`.execute(db)

// The real server, as its own process, on this database: once with the search cache, once without.
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, () => {
      const p = (s.address() as net.AddressInfo).port
      s.close(() => resolve(p))
    })
  })

const englandAndWales = districts.filter((d) => d.region !== 'Scotland')
const mixes: { name: string; url: () => string }[] = [
  { name: 'region + expertise', url: () => `/find-a-case-manager?region=${encodeURIComponent(pick(districts).region)}&expertise=${pick(expertiseCodes)}` },
  { name: 'postcode within 25 miles + expertise', url: () => `/find-a-case-manager?postcode=${pick(englandAndWales).outcode}&miles=25&expertise=${pick(expertiseCodes)}` },
  { name: 'words', url: () => `/find-a-case-manager?q=${random() < 0.5 ? pick(surnames) : pick(vocabulary)}` },
]
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
type Figures = { mode: string; name: string; perSecond: number; p50: number; p95: number; p99: number }
const results: Figures[] = []

async function measure(mode: string, cacheEntries: number) {
  const port = await freePort()
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development', DATA_DIR: path.join(root, 'var', 'bench-data'), DIRECTORY_CACHE_ENTRIES: String(cacheEntries), DIRECTORY_SEARCHES_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const get = (pathAndQuery: string) =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now()
      http
        .get({ host: '127.0.0.1', port, path: pathAndQuery, agent }, (res) => {
          res.resume()
          res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`${pathAndQuery} answered ${res.statusCode}`))))
        })
        .on('error', reject)
    })
  for (let i = 0; i < 100; i++) {
    try {
      await get('/healthz')
      break
    } catch {
      await new Promise((r) => setTimeout(r, 300))
    }
  }
  // Warm up: the server's first requests compile templates and fill connection pools.
  for (let i = 0; i < 200; i++) await get(pick(mixes).url())
  const run = async (mix: (typeof mixes)[number], clients: number, seconds: number) => {
    const times: number[] = []
    const until = performance.now() + seconds * 1000
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) times.push(await get(mix.url()))
      }),
    )
    return { perSecond: times.length / ((performance.now() - t0) / 1000), times: times.sort((a, b) => a - b) }
  }
  for (const mix of mixes) {
    // Throughput with the machine saturated; time per search with as many clients as cores, so queueing does not count.
    const busy = await run(mix, CONCURRENCY, SECONDS)
    const { times } = await run(mix, 2, SECONDS / 2)
    results.push({ mode, name: mix.name, perSecond: busy.perSecond, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) })
  }
  server.kill('SIGTERM')
  await new Promise((r) => server.once('exit', r))
}
await measure('with the search cache', 1000)
await measure('without the cache', 0)

console.log(`members: ${MEMBERS.toLocaleString('en-GB')}, listings: ${LISTED.toLocaleString('en-GB')} (${counted[0]!.listed.toLocaleString('en-GB')} active today); seeded in ${seededIn.toFixed(1)} s`)
console.log(`searches/s: ${CONCURRENCY} concurrent clients for ${SECONDS} s; time per search: 2 clients, whole HTTP request (page rendered), measured by the client`)
for (const r of results)
  console.log(`${r.mode.padEnd(22)} ${r.name.padEnd(38)} ${r.perSecond.toFixed(0).padStart(5)} searches/s   p50 ${r.p50.toFixed(1)} ms   p95 ${r.p95.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms`)
const uncached = results.filter((r) => r.mode === 'without the cache')
const slowest = uncached.reduce((a, b) => (b.p95 > a.p95 ? b : a))
for (const group of ['with the search cache', 'without the cache']) {
  const rows = results.filter((r) => r.mode === group)
  console.log(`targets (p95 under 20 ms, 500 searches/s) ${group}: ${rows.every((r) => r.p95 < 20 && r.perSecond >= 500) ? 'met' : 'NOT met'}`)
}

// The plan of the slowest kind of search, for one typical instance.
const sample = slowest.name.startsWith('postcode')
  ? { postcode: 'LS1', miles: '25', expertise: 'brain-injury' }
  : slowest.name.startsWith('region')
    ? { region: 'North West', expertise: 'brain-injury' }
    : { q: 'rehabilitation' }
const near = 'postcode' in sample ? await db.selectFrom('postcode_districts').select(['latitude', 'longitude']).where('outcode', '=', 'LS1').executeTakeFirstOrThrow() : null
const compiled = searchQuery({ criteria: criteriaFrom(sample, new Set(expertiseCodes)), near, northernIreland: false, benefitsIfPaidThrough: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), areas }).compile(db)
const plan = await db.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `explain (analyze, buffers off) ${compiled.sql}` })
console.log(`\nplan of the slowest without the cache (${slowest.name}: ${JSON.stringify(sample)}):`)
for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`)

await release()
