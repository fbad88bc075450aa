import type { Config } from '../../config.ts'
import { audit } from '../../platform/audit/audit.ts'
import { hashToken, secretBox } from '../../platform/crypto.ts'
import type { Db } from '../../platform/db/database.ts'
import { generateRecoveryCodes, generateTotpSecret, normaliseRecoveryCode, verifyTotp } from './totp.ts'

/** The secret being enrolled: kept sealed on the user until a first code proves the app has it. */
export async function pendingTotpSecret(db: Db, config: Config, userId: string) {
  const box = secretBox(config.sessionSecret)
  const row = await db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', userId).executeTakeFirstOrThrow()
  if (row.totp_secret && !row.totp_enabled_at) return box.open(row.totp_secret)
  const secret = generateTotpSecret()
  await db.updateTable('users').set({ totp_secret: box.seal(secret), totp_enabled_at: null }).where('id', '=', userId).execute()
  return secret
}

/** Turns two-factor on when the code matches the pending secret; returns the recovery codes to show once. */
export async function enableTwoFactor(db: Db, config: Config, userId: string, code: string): Promise<string[] | null> {
  const row = await db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', userId).executeTakeFirstOrThrow()
  if (!row.totp_secret || row.totp_enabled_at) return null
  const step = verifyTotp(secretBox(config.sessionSecret).open(row.totp_secret), code)
  if (step === null) return null
  const codes = generateRecoveryCodes()
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_enabled_at: new Date(), totp_last_step: step }).where('id', '=', userId).execute()
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
    await trx
      .insertInto('recovery_codes')
      .values(codes.map((c) => ({ user_id: userId, code_hash: hashToken(normaliseRecoveryCode(c)), used_at: null })))
      .execute()
    await audit(trx, { action: 'two_factor_enabled', actorId: userId, subjectId: userId })
  })
  return codes
}

export async function disableTwoFactor(db: Db, userId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', userId).execute()
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
    await audit(trx, { action: 'two_factor_disabled', actorId: userId, subjectId: userId })
  })
}

/**
 * The second step of sign-in: a current TOTP code (each used once: a code seen before is refused)
 * or one of the recovery codes (each used once).
 */
export async function checkSecondFactor(db: Db, config: Config, userId: string, input: string): Promise<'totp' | 'recovery' | null> {
  const row = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  if (!row.totp_secret || !row.totp_enabled_at) return null
  const step = verifyTotp(secretBox(config.sessionSecret).open(row.totp_secret), input)
  if (step !== null) {
    const claimed = await db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst()
    return Number(claimed.numUpdatedRows) === 1 ? 'totp' : null
  }
  const used = await db
    .updateTable('recovery_codes')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashToken(normaliseRecoveryCode(input)))
    .where('used_at', 'is', null)
    .executeTakeFirst()
  if (Number(used.numUpdatedRows) !== 1) return null
  await audit(db, { action: 'recovery_code_used', actorId: userId, subjectId: userId })
  return 'recovery'
}

export async function remainingRecoveryCodes(db: Db, userId: string) {
  const { n } = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return n
}
