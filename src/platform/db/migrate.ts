import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Logger, runMigrations as runWorkerMigrations } from 'graphile-worker'
import { FileMigrationProvider, Migrator } from 'kysely'
import type { Db } from './database.ts'

const migrationFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations')

export class MigrationError extends Error {
  override name = 'MigrationError'
}

/** Applies our migrations, then the job queue's own schema. Throws MigrationError naming the failed step. */
export async function migrateToLatest(db: Db, connectionString: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    const detail = error instanceof Error ? error.message : String(error ?? 'unknown error')
    throw new MigrationError(
      `Migration ${failed?.migrationName ?? '(before any migration ran)'} failed: ${detail}. Nothing after it was applied.`,
    )
  }
  try {
    await runWorkerMigrations({ connectionString, logger: quietWorkerLogger })
  } catch (e) {
    throw new MigrationError(`The job queue's schema could not be installed: ${(e as Error).message}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

export const quietWorkerLogger = new Logger(() => () => undefined)
