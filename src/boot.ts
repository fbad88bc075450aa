import type { Logger } from 'pino'
import { type Config, ConfigError, loadConfig } from './config.ts'
import { type DatabaseServer, openDatabaseServer } from './platform/db/connect.ts'
import { createDb, type Db } from './platform/db/database.ts'
import { MigrationError, migrateToLatest } from './platform/db/migrate.ts'
import { createLogger } from './platform/log.ts'

/** Reads the configuration or exits with one line per problem, naming the variable and the fix. */
export function configOrExit(): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    for (const problem of error.problems) process.stderr.write(`${problem}\n`)
    process.exit(1)
  }
}

export type Booted = { config: Config; log: Logger; server: DatabaseServer; db: Db; close: () => Promise<void> }

/** Shared by the web server and every command-line task: config → database server → migrations. */
export async function boot(options: { migrate: boolean }): Promise<Booted> {
  const config = configOrExit()
  const log = createLogger(config)
  let server: DatabaseServer
  try {
    server = await openDatabaseServer(config, (message) => log.info(message))
  } catch (error) {
    log.fatal((error as Error).message)
    await flushAndExit(log, 1)
  }
  const db = createDb(server!.url)
  const close = async () => {
    await db.destroy().catch(() => undefined)
    await server.release()
  }
  if (options.migrate) {
    try {
      const applied = await migrateToLatest(db, server!.url)
      if (applied.length > 0) log.info(`Applied migrations: ${applied.join(', ')}`)
    } catch (error) {
      log.fatal(error instanceof MigrationError ? error.message : `Migrations failed: ${(error as Error).message}`)
      await close()
      await flushAndExit(log, 1)
    }
  }
  return { config, log, server: server!, db, close }
}

export async function flushAndExit(log: Logger, code: number): Promise<never> {
  await new Promise<void>((resolve) => log.flush(() => resolve()))
  // pino-pretty writes from a worker thread: give it a moment to reach the terminal.
  await new Promise((resolve) => setTimeout(resolve, 100))
  process.exit(code)
}
