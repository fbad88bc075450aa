import type { Config } from '../../config.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { accountEmails } from './emails.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { checkToken, consumeToken, issueToken } from './tokens.ts'

const passwordHashOf = async (db: Db, userId: string) =>
  (await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow()).password_hash

export async function checkCurrentPassword(db: Db, userId: string, password: string) {
  return verifyPassword(await passwordHashOf(db, userId), password)
}

/** Changes the password and signs out every other session of the person. */
export async function changePassword(db: Db, config: Config, user: { id: string; sessionId: string }, password: string) {
  const passwordHash = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: new Date() })
      .where('id', '=', user.id)
      .returning(['email', 'name'])
      .executeTakeFirstOrThrow()
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '<>', user.sessionId).execute()
    await audit(trx, { action: 'password_changed', actorId: user.id, subjectId: user.id })
    await accountEmails(trx, config).passwordChanged(row.email, row.name)
  })
}

export const emailTaken = async (db: Db, email: string) =>
  (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined

/** Sends a confirmation link to the new address and a notice to the old; nothing changes until it is followed. */
export async function requestEmailChange(db: Db, config: Config, user: { id: string; email: string; name: string }, newEmail: string) {
  await db.transaction().execute(async (trx) => {
    const token = await issueToken(trx, user.id, 'email_change', newEmail)
    const emails = accountEmails(trx, config)
    await emails.confirmNewEmail(newEmail, user.name, token)
    await emails.emailChangeNotice(user.email, user.name, newEmail)
    await audit(trx, { action: 'email_change_requested', actorId: user.id, subjectId: user.id })
  })
}

export type LinkOutcome = { ok: true } | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'taken' }

export async function confirmEmailChange(db: Db, token: string): Promise<LinkOutcome> {
  const check = await checkToken(db, token, 'email_change')
  if (!check.ok) return check
  const newEmail = check.newEmail!
  if (await emailTaken(db, newEmail)) return { ok: false, reason: 'taken' }
  return db.transaction().execute(async (trx) => {
    if (!(await consumeToken(trx, check.tokenId))) return { ok: false as const, reason: 'used' as const }
    const before = await trx.selectFrom('users').select('email').where('id', '=', check.userId).executeTakeFirstOrThrow()
    await trx
      .updateTable('users')
      .set({ email: newEmail, email_verified_at: new Date(), updated_at: new Date() })
      .where('id', '=', check.userId)
      .execute()
    await audit(trx, { action: 'email_changed', actorId: check.userId, subjectId: check.userId, detail: { domainBefore: before.email.split('@')[1], domainAfter: newEmail.split('@')[1] } })
    return { ok: true as const }
  })
}

export async function verifyEmail(db: Db, token: string): Promise<LinkOutcome> {
  const check = await checkToken(db, token, 'email_verification')
  if (!check.ok) return check
  return db.transaction().execute(async (trx) => {
    if (!(await consumeToken(trx, check.tokenId))) return { ok: false as const, reason: 'used' as const }
    await trx.updateTable('users').set({ email_verified_at: new Date() }).where('id', '=', check.userId).execute()
    await audit(trx, { action: 'email_verified', actorId: check.userId, subjectId: check.userId })
    return { ok: true as const }
  })
}

export async function sendVerificationEmail(db: Db, config: Config, user: { id: string; email: string; name: string }) {
  await db.transaction().execute(async (trx) => {
    const token = await issueToken(trx, user.id, 'email_verification')
    await accountEmails(trx, config).verifyEmail(user.email, user.name, token)
  })
}

export type SessionSummary = { id: string; userAgent: string; createdAt: Date; lastSeenAt: Date; current: boolean }

export async function listSessions(db: Db, user: { id: string; sessionId: string }): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'created_at', 'last_seen_at'])
    .where('user_id', '=', user.id)
    .where('stage', '=', 'full')
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .execute()
  return rows.map((r) => ({ id: r.id, userAgent: r.user_agent, createdAt: r.created_at, lastSeenAt: r.last_seen_at, current: r.id === user.sessionId }))
}

export async function signOutOtherSessions(db: Db, user: { id: string; sessionId: string }) {
  const result = await db.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '<>', user.sessionId).executeTakeFirst()
  await audit(db, { action: 'sessions_revoked', actorId: user.id, subjectId: user.id, detail: { count: Number(result.numDeletedRows) } })
}
