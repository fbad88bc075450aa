import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { accountEmails } from './emails.ts'
import { hashPassword } from './passwords.ts'
import { checkToken, consumeToken, issueToken } from './tokens.ts'

export const PASSWORD_RESET_TASK = 'password_reset_request'

/**
 * Queues the look-up rather than doing it here, so known and unknown addresses get the same answer in
 * the same time; the job sends the link only when an account exists.
 */
export async function requestPasswordReset(db: Db, email: string) {
  await sql`select graphile_worker.add_job(${PASSWORD_RESET_TASK}, json_build_object('email', ${email}::text), max_attempts => 5)`.execute(db)
}

export function passwordResetTask(db: Db, config: Config) {
  return async (payload: unknown) => {
    const email = (payload as { email?: string }).email
    if (!email) return
    await db.transaction().execute(async (trx) => {
      const user = await trx
        .selectFrom('users')
        .select(['id', 'name', 'email'])
        .where('email', '=', email)
        .where('disabled_at', 'is', null)
        .executeTakeFirst()
      if (!user) return
      const token = await issueToken(trx, user.id, 'password_reset')
      await accountEmails(trx, config).passwordReset(user.email, user.name, token)
    })
  }
}

export type ResetOutcome = { ok: true; userId: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' }

/** Sets the new password, uses up the link, ends every session, and sends a confirmation. */
export async function resetPassword(db: Db, config: Config, token: string, password: string, purpose: 'password_reset' | 'set_password' = 'password_reset'): Promise<ResetOutcome> {
  const check = await checkToken(db, token, purpose)
  if (!check.ok) return check
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    if (!(await consumeToken(trx, check.tokenId))) return { ok: false as const, reason: 'used' as const }
    const user = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: new Date(), email_verified_at: sql`coalesce(email_verified_at, now())` })
      .where('id', '=', check.userId)
      .returning(['id', 'email', 'name'])
      .executeTakeFirstOrThrow()
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute()
    await trx.deleteFrom('sign_in_failures').where('email', '=', user.email).execute()
    await audit(trx, { action: 'password_reset', actorId: user.id, subjectId: user.id, detail: { via: purpose } })
    if (purpose === 'password_reset') await accountEmails(trx, config).passwordChanged(user.email, user.name)
    return { ok: true as const, userId: user.id }
  })
}
