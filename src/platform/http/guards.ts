import type { FastifyRequest } from 'fastify'
import { Forbidden, HttpError } from './errors.ts'
import { isStaff, type Permission } from './permissions.ts'
import type { CurrentUser } from './sessions.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What a back-office route needs: a named permission, or 'staff' for pages every staff member may
     * see. A back-office route without it refuses everybody.
     */
    permission?: Permission | 'staff'
  }
}

/** Not signed in: the error handler sends the person to sign in, and back here afterwards. */
export class SignInRequired extends HttpError {
  constructor(readonly returnTo: string) {
    super(401, 'sign_in_required', 'Sign in to continue')
  }
}

/** Staff must turn on two-factor before the back office opens. */
export class TwoFactorRequired extends HttpError {
  constructor() {
    super(403, 'two_factor_required', 'Turn on two-factor authentication to use the back office')
  }
}

export function requireUser(req: FastifyRequest): CurrentUser {
  if (!req.user) throw new SignInRequired(req.method === 'GET' ? req.url : '/')
  return req.user
}

export function requirePermission(req: FastifyRequest, permission: Permission | 'staff'): CurrentUser {
  const user = requireUser(req)
  if (!isStaff(user.roles)) throw new Forbidden()
  if (!user.twoFactorEnabled) throw new TwoFactorRequired()
  if (permission !== 'staff' && !user.permissions.has(permission)) throw new Forbidden('forbidden', 'Your role does not include this part of the back office.')
  return user
}

/**
 * For the back-office plugin: runs before the body is read, on every route inside it, and refuses a
 * route that forgot to declare what it needs.
 */
export async function backOfficeGuard(req: FastifyRequest) {
  const permission = req.routeOptions.config.permission
  if (!permission) throw new Forbidden('undeclared_permission', 'This page is not open to anyone.')
  requirePermission(req, permission)
}
