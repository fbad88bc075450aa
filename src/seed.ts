import type { Config } from './config.ts'
import { seedExpertiseAreas } from './features/applications/seed.ts'
import { seedContent } from './features/content/seed.ts'
import { seedPostcodeDistricts } from './features/directory/seed.ts'
import { seedGrades } from './features/membership/service.ts'
import type { Db } from './platform/db/database.ts'
import { seedSettings } from './platform/settings.ts'

type Seed = { name: string; run: (db: Db, config: Config) => Promise<void> }

/** Reference data every deployment needs, applied once each, in order. Demo data comes later, offline only. */
const seeds: Seed[] = [
  { name: 'settings-v1', run: (db) => seedSettings(db) },
  { name: 'grades-v1', run: (db) => seedGrades(db) },
  { name: 'content-v1', run: (db, config) => seedContent(db, config.officeEmail) },
  { name: 'settings-v2', run: (db) => seedSettings(db) },
  { name: 'expertise-v1', run: (db) => seedExpertiseAreas(db) },
  { name: 'postcode-districts-v1', run: (db) => seedPostcodeDistricts(db) },
]

export async function runSeeds(db: Db, config: Config): Promise<string[]> {
  const applied: string[] = []
  for (const seed of seeds) {
    const done = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('seed_runs')
        .values({ name: seed.name })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('name')
        .executeTakeFirst()
      if (!claimed) return false
      await seed.run(trx, config)
      return true
    })
    if (done) applied.push(seed.name)
  }
  return applied
}
