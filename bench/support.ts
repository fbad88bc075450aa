import path from 'node:path'
import pg from 'pg'
import { loadConfig } from '../src/config.ts'
import { createDb } from '../src/platform/db/database.ts'
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
