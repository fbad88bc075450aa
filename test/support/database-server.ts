import path from 'node:path'
import pg from 'pg'
import { createDb } from '../../src/platform/db/database.ts'
import { acquireEmbeddedPostgres } from '../../src/platform/db/embedded-postgres.ts'
import { migrateToLatest } from '../../src/platform/db/migrate.ts'
import { loadConfig } from '../../src/config.ts'
import { runSeeds } from '../../src/seed.ts'

export const TEMPLATE = 'cmsuk_test_template'

/**
 * The server the integration tiers use: TEST_DATABASE_URL when given (any PostgreSQL ≥ 14), else an
 * embedded one under var/test-postgres. Builds a fresh, migrated and seeded template database on it.
 */
export async function prepareTestDatabaseServer(root: string) {
  let adminUrl = process.env.TEST_DATABASE_URL
  let release = async (): Promise<void> => {}
  let description: string
  if (adminUrl) {
    description = `TEST_DATABASE_URL (${new URL(adminUrl).host})`
  } else {
    const embedded = await acquireEmbeddedPostgres(path.join(root, 'var', 'test-postgres'), () => undefined)
    adminUrl = embedded.url
    release = embedded.release
    description = `embedded PostgreSQL ${embedded.version}`
  }
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  const version = (await admin.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v
  await dropTestDatabases(admin)
  await admin.query(`create database ${TEMPLATE}`)
  await admin.end()

  const templateUrl = withDatabase(adminUrl, TEMPLATE)
  const db = createDb(templateUrl, { max: 2 })
  await migrateToLatest(db, templateUrl)
  await runSeeds(db, loadConfig({ NODE_ENV: 'test', DATABASE_URL: templateUrl }))
  await db.destroy()
  return { adminUrl, template: TEMPLATE, description: `${description}, server ${version}`, release }
}

/** Leftovers of an earlier run that was stopped half way. */
async function dropTestDatabases(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname = $1 or datname like 'cmsuk_test_%'`,
    [TEMPLATE],
  )
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`)
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
