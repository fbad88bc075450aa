/**
 * npm run bench:renewals — seeds 100,000 members with terms ending across the year and times the daily
 * renewal run (renewal invoices and reminders). Prints the figures; the target is under 60 seconds.
 * Uses BENCH_DATABASE_URL (a superuser URL) or an embedded PostgreSQL under var/bench-postgres.
 */
import { sql } from 'kysely'
import { runRenewals } from '../src/features/billing/renewals.ts'
import { toDateOnly } from '../src/features/billing/rules.ts'
import { freshBenchDatabase, seedBenchMembers } from './support.ts'

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000)

const { db, config, release } = await freshBenchDatabase('cmsuk_bench')

const started = Date.now()
const today = toDateOnly(new Date())
await seedBenchMembers(db, MEMBERS, 0.7)
await sql`
  insert into ledger_entries (invoice_id, kind, method, amount_pence, received_on, external_ref)
  select id, 'payment', 'bacs', 7500, current_date, 'BENCH-' || number from invoices where number like 'B-%'`.execute(db)
// Terms ending evenly over the 400 days around today: some lapsed, some in grace, many due soon or later.
await sql`
  insert into membership_terms (membership_id, invoice_id, starts_on, ends_on)
  select i.membership_id, i.id, d - 364, d
  from (select i.*, (${today}::date - 60 + (row_number() over () % 400)::int) as d from invoices i where number like 'B-%') i`.execute(db)
await sql`analyze`.execute(db)
const seededIn = (Date.now() - started) / 1000

const runs: { ms: number; invoices: number; reminders: number }[] = []
for (let i = 0; i < 2; i++) {
  const t0 = performance.now()
  const result = await runRenewals(db, config, today)
  runs.push({ ms: performance.now() - t0, invoices: result.invoicesIssued, reminders: result.remindersSent })
}

console.log(`members: ${MEMBERS.toLocaleString('en-GB')} (seeded in ${seededIn.toFixed(1)} s)`)
console.log(`first daily run:  ${(runs[0]!.ms / 1000).toFixed(2)} s — ${runs[0]!.invoices.toLocaleString('en-GB')} renewal invoices, ${runs[0]!.reminders.toLocaleString('en-GB')} reminders queued`)
console.log(`second run (same day, nothing new): ${(runs[1]!.ms / 1000).toFixed(2)} s — ${runs[1]!.invoices} invoices, ${runs[1]!.reminders} reminders`)
console.log(`target: under 60 s — ${runs[0]!.ms < 60_000 ? 'met' : 'NOT met'}`)
await release()
