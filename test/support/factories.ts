import type { Config } from '../../src/config.ts'
import { hashPassword } from '../../src/features/accounts/passwords.ts'
import { totpAt } from '../../src/features/accounts/totp.ts'
import { enableTwoFactor, pendingTotpSecret } from '../../src/features/accounts/two-factor.ts'
import type { Db } from '../../src/platform/db/database.ts'
import type { Role } from '../../src/platform/http/permissions.ts'

export const PASSWORD = 'tangerine marble kettle'
let n = 0

export type TestUser = { id: string; email: string; name: string; password: string; totpSecret?: string; recoveryCodes?: string[] }

/** A user as the app would have made them: verified, with a password, optionally staff and with two-factor on. */
export async function createUser(
  db: Db,
  config: Config,
  options: { email?: string; name?: string; roles?: Role[]; twoFactor?: boolean; verified?: boolean } = {},
): Promise<TestUser> {
  n++
  const email = options.email ?? `person${n}-${Date.now()}@example.org`
  const name = options.name ?? `Person ${n}`
  const { id } = await db
    .insertInto('users')
    .values({
      email,
      name,
      roles: options.roles ?? [],
      password_hash: await hashPassword(PASSWORD),
      email_verified_at: options.verified === false ? null : new Date(),
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      lockout_notified_at: null,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const user: TestUser = { id, email, name, password: PASSWORD }
  if (options.twoFactor ?? (options.roles?.length ?? 0) > 0) {
    const secret = await pendingTotpSecret(db, config, id)
    // Enrol with the code of 30 seconds ago, so the code of "now" is still unused for the test.
    const codes = await enableTwoFactor(db, config, id, totpAt(secret, Date.now() / 1000 - 30))
    user.totpSecret = secret
    user.recoveryCodes = codes ?? []
  }
  return user
}

export const currentCode = (user: TestUser, offsetSeconds = 0) => totpAt(user.totpSecret!, Date.now() / 1000 + offsetSeconds)
