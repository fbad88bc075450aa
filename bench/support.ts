import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { loadConfig } from '../src/config.ts'
import { createDb, type Db } from '../src/platform/db/database.ts'
import { acquireEmbeddedPostgres } from '../src/platform/db/embedded-postgres.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { runSeeds } from '../src/seed.ts'
import { withDatabase } from '../test/support/database-server.ts'

export const root = path.resolve(import.meta.dirname, '..')

/**
 * A new, migrated and seeded database for a benchmark, on BENCH_DATABASE_URL (a superuser URL) or on an
 * embedded PostgreSQL under var/bench-postgres. `release` closes it and stops the embedded server.
 */
export async function freshBenchDatabase(name: string) {
  const embedded = process.env.BENCH_DATABASE_URL ? undefined : await acquireEmbeddedPostgres(path.join(root, 'var', 'bench-postgres'), () => undefined)
  const adminUrl = process.env.BENCH_DATABASE_URL ?? embedded!.url
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = withDatabase(adminUrl, name)
  const db = createDb(url)
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url })
  await migrateToLatest(db, url)
  await runSeeds(db, config)
  return {
    db,
    url,
    config,
    release: async () => {
      await db.destroy()
      await embedded?.release()
    },
  }
}

/** `count` members (a share of them Case Managers, the rest Associates), each with an unpaid joining invoice of £75. */
export async function seedBenchMembers(db: Db, count: number, caseManagerShare: number) {
  await sql`
    insert into users (email, name, password_hash, email_verified_at)
    select 'member' || n || '@example.org', 'Member ' || n, null, now() from generate_series(1, ${count}) n`.execute(db)
  await sql`
    insert into memberships (user_id, number, grade)
    select id, 'CM' || lpad(row_number() over ()::text, 7, '0'), case when random() < ${caseManagerShare} then 'case-manager' else 'associate' end
    from users where email like 'member%'`.execute(db)
  await sql`
    insert into invoices (number, reference, user_id, membership_id, kind, grade, total_pence, due_on)
    select 'B-' || m.number, 'BR-' || m.number, m.user_id, m.id, 'joining', m.grade, 7500, current_date from memberships m`.execute(db)
}
