import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { withDatabase } from './database-server.ts'

/** A database of this test file's own, cloned from the migrated, seeded template in milliseconds. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL
  const template = process.env.TEST_TEMPLATE_DATABASE
  if (!adminUrl || !template) throw new Error('Run integration tests through npm test, which prepares the database')
  const name = `cmsuk_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  // Two files cloning at once would both need the template to themselves; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`)
      break
    } catch (error) {
      if (attempt > 50 || !String((error as Error).message).includes('being accessed')) throw error
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  await admin.end()
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    },
  }
}
