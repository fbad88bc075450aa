import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from 'pino'
import type { Config } from './config.ts'
import { insertVerifiedUser } from './features/accounts/create-account.ts'
import { hashPassword } from './features/accounts/passwords.ts'
import { seedDemoApplications } from './features/applications/demo.ts'
import { seedDemoMembers } from './features/billing/demo.ts'
import { seedDemoDirectory } from './features/directory/demo.ts'
import type { Db } from './platform/db/database.ts'

/** Demo accounts for trying the site offline; later features add theirs to this list. */
export const demoAccounts: { email: string; name: string; roles: ('office' | 'admin')[]; note: string }[] = [
  { email: 'office@example.org', name: 'Olivia Office', roles: ['office', 'admin'], note: 'office staff and administrator; sets up two-factor at first sign-in' },
  { email: 'applicant@example.org', name: 'Alice Applicant', roles: [], note: 'a submitted Case Manager application awaiting review: one reference received, one outstanding' },
  { email: 'draft@example.org', name: 'Dan Draft', roles: [], note: 'an Associate application half filled in' },
  { email: 'approved@example.org', name: 'April Approved', roles: [], note: 'an approved Case Manager with an open invoice (with the company discount): try Pay' },
  { email: 'member@example.org', name: 'Morgan Member', roles: [], note: 'an active Case Manager member, listed in Find a Case Manager (see Your account → Directory listing)' },
  { email: 'associate@example.org', name: 'Asha Associate', roles: [], note: 'an active Associate member' },
  { email: 'lapsed@example.org', name: 'Larry Lapsed', roles: [], note: 'a lapsed member' },
  { email: 'colleague@example.org', name: 'Cole Colleague', roles: [], note: 'an active Case Manager at the demo company, which has four linked members' },
  { email: 'contact@example.org', name: 'Casey Contact', roles: [], note: 'the demo company’s contact: pays its members’ invoices with one combined invoice (Your account → Pay for your members)' },
]

/**
 * Never in production. Runs once (seed_runs): creates the demo accounts with one generated password,
 * prints it once and writes it with the list of accounts to DATA_DIR/demo-credentials.txt.
 */
export async function seedDemo(db: Db, config: Config, log: Logger) {
  if (config.isProduction) return
  await seedDemoAccounts(db, config, log)
  await seedDemoDirectoryOnce(db)
}

async function seedDemoAccounts(db: Db, config: Config, log: Logger) {
  const claimed = await db.insertInto('seed_runs').values({ name: 'demo-v1' }).onConflict((oc) => oc.column('name').doNothing()).returning('name').executeTakeFirst()
  if (!claimed) return
  const password = `demo-${randomBytes(9).toString('base64url')}`
  const passwordHash = await hashPassword(password)
  for (const account of demoAccounts) await insertVerifiedUser(db, { ...account, passwordHash })
  const ids = new Map((await db.selectFrom('users').select(['id', 'email']).where('email', 'in', demoAccounts.map((a) => a.email)).execute()).map((u) => [u.email, u.id]))
  await seedDemoApplications(db, { applicant: ids.get('applicant@example.org')!, draft: ids.get('draft@example.org')! })
  await seedDemoMembers(db, config, { approved: ids.get('approved@example.org')!, member: ids.get('member@example.org')!, associate: ids.get('associate@example.org')!, lapsed: ids.get('lapsed@example.org')!, colleague: ids.get('colleague@example.org')!, contact: ids.get('contact@example.org') })
  const file = path.join(config.dataDir, 'demo-credentials.txt')
  const lines = [
    'Demo accounts (offline demo only). Every account uses the same password.',
    `Password: ${password}`,
    '',
    ...demoAccounts.map((a) => `${a.email}  (${a.note})`),
    '',
  ]
  await fs.mkdir(config.dataDir, { recursive: true })
  await fs.writeFile(file, lines.join('\n'), { mode: 0o600 })
  log.info(`Demo sign-in: ${demoAccounts[0]!.email} with password ${password} (written to ${file}; shown only this once)`)
}

/** Its own run, so a demo database made before the directory existed gets the listed members too. */
async function seedDemoDirectoryOnce(db: Db) {
  const claimed = await db.insertInto('seed_runs').values({ name: 'demo-directory-v1' }).onConflict((oc) => oc.column('name').doNothing()).returning('name').executeTakeFirst()
  if (!claimed) return
  const member = await db.selectFrom('users').select('id').where('email', '=', 'member@example.org').executeTakeFirst()
  if (!member) return
  // The listed members never sign in: their password is random and never shown.
  await seedDemoDirectory(db, member.id, await hashPassword(randomBytes(24).toString('base64url')))
}
