import type { Config } from '../../config.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { accountEmails } from './emails.ts'
import { decoyPasswordHash, verifyPassword } from './passwords.ts'

export const LOCKOUT_FAILURES = 5
export const LOCKOUT_MINUTES = 15

export type SignInResult =
  | { outcome: 'ok'; userId: string; needsTwoFactor: boolean }
  | { outcome: 'invalid' }
  | { outcome: 'locked' }

/**
 * Checks an email and password. Failures are counted per email address (known or not, so a lockout
 * reveals nothing); after 5 in 15 minutes further attempts wait, and the owner is told once.
 */
export async function signIn(db: Db, config: Config, email: string, password: string): Promise<SignInResult> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'password_hash', 'totp_enabled_at', 'lockout_notified_at'])
    .where('email', '=', email)
    .where('disabled_at', 'is', null)
    .executeTakeFirst()
  const since = new Date(Date.now() - LOCKOUT_MINUTES * 60_000)
  const { failures } = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.countAll<number>().as('failures'))
    .where('email', '=', email)
    .where('at', '>', since)
    .executeTakeFirstOrThrow()

  // Always verify a hash, so a missing account takes as long as a wrong password.
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password)
  if (failures >= LOCKOUT_FAILURES) return { outcome: 'locked' }

  if (!user?.password_hash || !passwordOk) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('sign_in_failures').values({ email }).execute()
      if (!user) return
      await audit(trx, { action: 'sign_in_failed', subjectId: user.id })
      if (failures + 1 >= LOCKOUT_FAILURES && !(user.lockout_notified_at && user.lockout_notified_at > since)) {
        await audit(trx, { action: 'lockout', subjectId: user.id, detail: { minutes: LOCKOUT_MINUTES } })
        await trx.updateTable('users').set({ lockout_notified_at: new Date() }).where('id', '=', user.id).execute()
        await accountEmails(trx, config).lockout(user.email, user.name)
      }
    })
    return { outcome: 'invalid' }
  }

  await db.deleteFrom('sign_in_failures').where('email', '=', email).execute()
  await audit(db, { action: 'sign_in', actorId: user.id, subjectId: user.id, detail: { stage: user.totp_enabled_at ? 'password' : 'complete' } })
  return { outcome: 'ok', userId: user.id, needsTwoFactor: user.totp_enabled_at !== null }
}
