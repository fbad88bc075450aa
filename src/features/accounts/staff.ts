import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { Conflict, NotFound } from '../../platform/http/errors.ts'
import type { Role } from '../../platform/http/permissions.ts'
import { accountEmails } from './emails.ts'
import { issueToken } from './tokens.ts'

const blankUser = { password_hash: null, email_verified_at: null, totp_secret: null, totp_enabled_at: null, totp_last_step: null, lockout_notified_at: null, disabled_at: null }

/**
 * Gives someone staff roles. A new address gets an account and an email with a link to choose a
 * password; an existing account gets the roles and a notice.
 */
export async function inviteStaff(db: Db, config: Config, actor: { id: string; name: string }, input: { email: string; name: string; roles: Role[] }) {
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select(['id', 'name', 'roles']).where('email', '=', input.email).executeTakeFirst()
    const emails = accountEmails(trx, config)
    if (existing) {
      const roles = [...new Set([...existing.roles, ...input.roles])]
      await trx.updateTable('users').set({ roles, updated_at: new Date() }).where('id', '=', existing.id).execute()
      await audit(trx, { action: 'roles_changed', actorId: actor.id, subjectId: existing.id, detail: { before: existing.roles, after: roles } })
      await emails.staffAccess(input.email, existing.name, actor.name)
      return
    }
    const { id } = await trx
      .insertInto('users')
      .values({ ...blankUser, email: input.email, name: input.name, roles: input.roles })
      .returning('id')
      .executeTakeFirstOrThrow()
    const token = await issueToken(trx, id, 'set_password')
    await audit(trx, { action: 'staff_invited', actorId: actor.id, subjectId: id, detail: { roles: input.roles } })
    await emails.staffInvite(input.email, input.name, token, actor.name)
  })
}

/** Replaces someone's staff roles; the last administrator cannot be removed. */
export async function setRoles(db: Db, actor: { id: string }, userId: string, roles: Role[]) {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['roles']).where('id', '=', userId).forUpdate().executeTakeFirst()
    if (!user) throw new NotFound()
    if (user.roles.includes('admin') && !roles.includes('admin')) {
      const { admins } = await trx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('admins'))
        .where(sql<boolean>`'admin' = any(roles)`)
        .where('disabled_at', 'is', null)
        .executeTakeFirstOrThrow()
      if (admins <= 1) throw new Conflict('last_admin', 'There must always be at least one administrator.')
    }
    await trx.updateTable('users').set({ roles, updated_at: new Date() }).where('id', '=', userId).execute()
    await audit(trx, { action: 'roles_changed', actorId: actor.id, subjectId: userId, detail: { before: user.roles, after: roles } })
  })
}

/** For `npm run staff:create`: an administrator and a one-time link to choose a password, printed, not emailed. */
export async function createAdministrator(db: Db, input: { email: string; name: string }) {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select(['id', 'roles']).where('email', '=', input.email).executeTakeFirst()
    let id: string
    if (existing) {
      id = existing.id
      const roles: Role[] = [...new Set<Role>([...existing.roles, 'office', 'admin'])]
      await trx.updateTable('users').set({ roles }).where('id', '=', id).execute()
    } else {
      id = (
        await trx
          .insertInto('users')
          .values({ ...blankUser, email: input.email, name: input.name, roles: ['office', 'admin'] })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    }
    await audit(trx, { action: 'staff_created', subjectId: id, detail: { via: 'command line' } })
    return issueToken(trx, id, 'set_password')
  })
}

export type StaffMember = { id: string; name: string; email: string; roles: Role[]; twoFactor: boolean; invited: boolean }

export async function listStaff(db: Db): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'roles', 'totp_enabled_at', 'password_hash'])
    .where((eb) => eb(eb.fn('cardinality', ['roles']), '>', 0))
    .orderBy('name')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, roles: r.roles, twoFactor: r.totp_enabled_at !== null, invited: r.password_hash === null }))
}
