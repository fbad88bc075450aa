import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import type { Role } from '../../platform/http/permissions.ts'
import { accountEmails } from './emails.ts'
import { hashPassword } from './passwords.ts'
import { issueToken } from './tokens.ts'

export type NewAccount = { email: string; name: string; password: string }

/**
 * Creates a member's account and sends the email-verification link (the application journey calls this).
 * An address that already has an account is refused: the person should sign in instead.
 */
export async function createAccount(db: Db, config: Config, input: NewAccount): Promise<{ ok: true; userId: string } | { ok: false; reason: 'email_taken' }> {
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('users')
      .values({ email: input.email.toLowerCase(), name: input.name, password_hash: passwordHash, email_verified_at: null, totp_secret: null, totp_enabled_at: null, totp_last_step: null, lockout_notified_at: null, disabled_at: null })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return { ok: false as const, reason: 'email_taken' as const }
    const token = await issueToken(trx, inserted.id, 'email_verification')
    await accountEmails(trx, config).verifyEmail(input.email.toLowerCase(), input.name, token)
    return { ok: true as const, userId: inserted.id }
  })
}

/**
 * An account whose email is taken as verified, for seeds and tests (demo accounts, listed demo members): its id,
 * or undefined when the address already has an account.
 */
export async function insertVerifiedUser(db: Db, user: { email: string; name: string; roles?: readonly Role[]; passwordHash: string }) {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      roles: [...(user.roles ?? [])],
      password_hash: user.passwordHash,
      email_verified_at: new Date(),
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      lockout_notified_at: null,
      disabled_at: null,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}
