import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config.ts'
import { hashToken, randomToken } from '../crypto.ts'
import type { Db } from '../db/database.ts'
import { type Permission, permissionsFor, type Role } from './permissions.ts'

export const SESSION_COOKIE = 'session'

export type CurrentUser = {
  id: string
  sessionId: string
  email: string
  name: string
  roles: Role[]
  permissions: Set<Permission>
  emailVerified: boolean
  twoFactorEnabled: boolean
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person (password and, if enabled, second factor done); null otherwise. */
    user: CurrentUser | null
    /** Someone who gave the right password and still owes the two-factor code. */
    pendingTwoFactorUserId: string | null
  }
}

/**
 * Sessions live in PostgreSQL: the cookie holds a random token, the table only its hash. A session ends
 * after `idleMinutes` without a request or `maxDays` after sign-in, whichever comes first.
 */
export const sessionPlugin = fp<{ db: Db; config: Config }>(async (app: FastifyInstance, { db, config }) => {
  app.decorateRequest('user', null)
  app.decorateRequest('pendingTwoFactorUserId', null)
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE]
    if (!token || token.length > 100) return
    const idleCutoff = new Date(Date.now() - config.session.idleMinutes * 60_000)
    const row = await db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id as sessionId',
        's.stage',
        's.last_seen_at',
        'u.id',
        'u.email',
        'u.name',
        'u.roles',
        'u.email_verified_at',
        'u.totp_enabled_at',
      ])
      .where('s.token_hash', '=', hashToken(token))
      .where('s.expires_at', '>', new Date())
      .where('s.last_seen_at', '>', idleCutoff)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst()
    if (!row) return
    if (Date.now() - row.last_seen_at.getTime() > 60_000)
      await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', row.sessionId).execute()
    if (row.stage === 'two_factor') {
      req.pendingTwoFactorUserId = row.id
      return
    }
    req.user = {
      id: row.id,
      sessionId: row.sessionId,
      email: row.email,
      name: row.name,
      roles: row.roles,
      permissions: permissionsFor(row.roles),
      emailVerified: row.email_verified_at !== null,
      twoFactorEnabled: row.totp_enabled_at !== null,
    }
  })
})

/** A new token at every sign-in (no session fixation); any session the browser had is ended. */
export async function startSession(
  db: Db,
  config: Config,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  stage: 'two_factor' | 'full',
) {
  await endSession(db, req, reply)
  const token = randomToken()
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      stage,
      user_agent: String(req.headers['user-agent'] ?? '').slice(0, 200),
      expires_at: new Date(Date.now() + config.session.maxDays * 86_400_000),
    })
    .execute()
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isProduction,
    path: '/',
    maxAge: config.session.maxDays * 86_400,
  })
}

/** Moves the session past the two-factor step, with a fresh token. */
export async function completeTwoFactor(db: Db, config: Config, req: FastifyRequest, reply: FastifyReply, userId: string) {
  await startSession(db, config, req, reply, userId, 'full')
}

export async function endSession(db: Db, req: FastifyRequest, reply: FastifyReply) {
  const token = req.cookies[SESSION_COOKIE]
  if (token) await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute()
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}
