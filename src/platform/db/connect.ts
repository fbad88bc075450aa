import pg from 'pg'
import type { Config } from '../../config.ts'
import { acquireEmbeddedPostgres } from './embedded-postgres.ts'

export type DatabaseServer = {
  url: string
  description: string
  release: () => Promise<void>
}

const MINIMUM_VERSION = 14

/** The embedded PostgreSQL under DATA_DIR, or the server named by DATABASE_URL (never both). */
export async function openDatabaseServer(config: Config, log: (message: string) => void): Promise<DatabaseServer> {
  if (config.database.kind === 'embedded') {
    const embedded = await acquireEmbeddedPostgres(config.dataDir, log)
    return {
      url: embedded.url,
      description: `embedded PostgreSQL ${embedded.version}, data in ${config.dataDir}`,
      release: embedded.release,
    }
  }
  const url = config.database.url
  const version = await serverVersion(url)
  if (version < MINIMUM_VERSION)
    throw new Error(`DATABASE_URL points to PostgreSQL ${version}; this site needs PostgreSQL ${MINIMUM_VERSION} or newer`)
  const where = new URL(url)
  return { url, description: `PostgreSQL ${version} at ${where.hostname}:${where.port || 5432}${where.pathname}`, release: async () => undefined }
}

async function serverVersion(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 8000 })
  try {
    await client.connect()
    const { rows } = await client.query<{ v: string }>(`select current_setting('server_version_num') as v`)
    return Math.floor(Number(rows[0]!.v) / 10000)
  } catch (error) {
    const where = new URL(url)
    throw new Error(
      `Cannot connect to the database in DATABASE_URL (${where.hostname}:${where.port || 5432}): ${(error as Error).message}. Check the server is running and the URL is right, or unset DATABASE_URL to use the embedded database.`,
    )
  } finally {
    await client.end().catch(() => undefined)
  }
}
