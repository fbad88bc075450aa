import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { Forbidden } from './errors.ts'

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string
  }
  interface FastifyContextConfig {
    /** Set false only for machine-to-machine endpoints that verify their callers another way (webhooks). */
    csrf?: boolean
  }
}

const COOKIE = 'csrf'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Signed double-submit CSRF protection: a random secret in an HttpOnly cookie, and in every form a
 * token that is the HMAC of that secret. A POST whose token does not match gets 403 before any handler.
 */
export const csrfPlugin = fp<{ secret: string; secureCookie: boolean }>(async (app: FastifyInstance, opts) => {
  const sign = (value: string) => createHmac('sha256', opts.secret).update(`csrf:${value}`).digest('base64url')

  app.decorateRequest('csrfToken', '')
  app.addHook('preHandler', async (req, reply) => {
    let secret = req.cookies[COOKIE]
    if (!secret || !/^[A-Za-z0-9_-]{32,64}$/.test(secret)) {
      secret = randomBytes(32).toString('base64url')
      reply.setCookie(COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure: opts.secureCookie, path: '/' })
      if (UNSAFE.has(req.method) && req.routeOptions.config.csrf !== false) throw new Forbidden('csrf', csrfMessage)
    }
    req.csrfToken = sign(secret)
    if (UNSAFE.has(req.method) && req.routeOptions.config.csrf !== false && !matches(submittedToken(req), req.csrfToken))
      throw new Forbidden('csrf', csrfMessage)
  })
})

const csrfMessage = 'This form has expired or was sent from another site. Go back, refresh the page and try again.'

function submittedToken(req: FastifyRequest) {
  const body = req.body as Record<string, unknown> | undefined
  const fromBody = body && typeof body === 'object' ? body._csrf : undefined
  if (typeof fromBody === 'string') return fromBody
  // A file upload's body is streamed to its handler, so its form carries the token in the action URL.
  if (req.isMultipart()) return (req.query as Record<string, unknown>)._csrf
  return req.headers['x-csrf-token']
}

function matches(given: unknown, expected: string) {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
