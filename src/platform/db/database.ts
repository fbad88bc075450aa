import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from '../../database.ts'

// Dates come back as JS Dates (timestamptz); bigint counts as numbers, which are far below 2^53 here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

export type Db = Kysely<Database>

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 10_000 })
  // An idle client that loses its server (a restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined)
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
