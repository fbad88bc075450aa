import { createHash } from 'node:crypto'
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely'
import pg from 'pg'
import type { Database } from '../../database.ts'

// Dates come back as JS Dates (timestamptz); bigint counts as numbers, which are far below 2^53 here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

export type Db = Kysely<Database>

/**
 * Begins the text of a statement that runs often and costs more to plan than it should: each connection
 * prepares it once, by name, and PostgreSQL can keep its plan. Only for statements whose text takes few shapes.
 */
export const PREPARED = '/* prepared */'

const statementName = (text: string) => `p_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`

/** A pool whose clients prepare the statements marked with PREPARED; every other query goes through unchanged. */
function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect()
      const wrapped = {
        query(sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>) {
          if (typeof sqlOrCursor === 'string' && sqlOrCursor.startsWith(PREPARED))
            return client.query({ name: statementName(sqlOrCursor), text: sqlOrCursor, values: [...(parameters ?? [])] })
          return typeof sqlOrCursor === 'string' ? client.query(sqlOrCursor, [...(parameters ?? [])]) : client.query(sqlOrCursor as pg.Submittable)
        },
        release: (destroy?: boolean) => client.release(destroy),
      }
      return wrapped as unknown as PostgresPoolClient
    },
  }
}

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 10_000 })
  // An idle client that loses its server (a restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined)
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) })
}
