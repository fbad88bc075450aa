import { hashToken, randomToken } from '../../platform/crypto.ts'
import type { Db } from '../../platform/db/database.ts'
import type { TokenPurpose } from './tables.ts'

/** How long each kind of emailed link works. */
export const tokenLifetimeMinutes: Record<TokenPurpose, number> = {
  password_reset: 60,
  email_verification: 7 * 24 * 60,
  email_change: 24 * 60,
  set_password: 7 * 24 * 60,
}

/** A new single-use link token; earlier unused ones of the same purpose stop working. Returns the raw token. */
export async function issueToken(db: Db, userId: string, purpose: TokenPurpose, newEmail: string | null = null) {
  const token = randomToken()
  await db
    .updateTable('auth_tokens')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute()
  await db
    .insertInto('auth_tokens')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      purpose,
      new_email: newEmail,
      expires_at: new Date(Date.now() + tokenLifetimeMinutes[purpose] * 60_000),
      used_at: null,
    })
    .execute()
  return token
}

export type TokenCheck =
  | { ok: true; tokenId: string; userId: string; newEmail: string | null }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' }

export async function checkToken(db: Db, token: string | undefined, purpose: TokenPurpose): Promise<TokenCheck> {
  if (!token || token.length > 100) return { ok: false, reason: 'unknown' }
  const row = await db
    .selectFrom('auth_tokens')
    .select(['id', 'user_id', 'new_email', 'expires_at', 'used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst()
  if (!row) return { ok: false, reason: 'unknown' }
  if (row.used_at) return { ok: false, reason: 'used' }
  if (row.expires_at < new Date()) return { ok: false, reason: 'expired' }
  return { ok: true, tokenId: row.id, userId: row.user_id, newEmail: row.new_email }
}

/** Marks a token used; false when another request used it first (two clicks, two tabs). */
export async function consumeToken(db: Db, tokenId: string) {
  const result = await db
    .updateTable('auth_tokens')
    .set({ used_at: new Date() })
    .where('id', '=', tokenId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
