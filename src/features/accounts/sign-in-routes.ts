import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { audit } from '../../platform/audit/audit.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { isStaff } from '../../platform/http/permissions.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { completeTwoFactor, endSession, startSession } from '../../platform/http/sessions.ts'
import { emptyForm } from '../../platform/views/context.ts'
import { SignInForm, safeReturnPath, TwoFactorForm } from './forms.ts'
import { LOCKOUT_FAILURES, LOCKOUT_MINUTES, signIn } from './sign-in.ts'
import { checkSecondFactor } from './two-factor.ts'
import { SignInPage, TwoFactorSignInPage } from './views/sign-in.tsx'

type Query = { Querystring: { next?: string; notice?: string } }

const WRONG = 'Enter the email address and password you sign in with: one of them is not right'

export async function signInRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  /** A fresh CSRF secret for the new session: the next page gets a new token. */
  const rotateCsrf = (reply: FastifyReply) => reply.clearCookie('csrf', { path: '/' })

  const landing = async (userId: string, next: string | undefined) => {
    const user = await db.selectFrom('users').select(['roles', 'totp_enabled_at']).where('id', '=', userId).executeTakeFirstOrThrow()
    if (isStaff(user.roles) && !user.totp_enabled_at) return '/account/two-factor?required=staff'
    return next ?? (isStaff(user.roles) ? '/admin' : '/account?notice=welcome')
  }

  app.get<Query>('/login', async (req, reply) => {
    if (req.user) return seeOther(reply, safeReturnPath(req.query.next) ?? '/account')
    return render(reply, SignInPage({ ctx: await viewContext(req), form: emptyForm, next: safeReturnPath(req.query.next), notice: req.query.notice }))
  })

  app.post<Query>('/login', { config: { rateLimit: { max: 20, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const next = safeReturnPath(req.query.next)
    const form = parseForm(SignInForm, req.body as Record<string, unknown>)
    const page = async (errors: Record<string, string>, status: number) =>
      render(reply, SignInPage({ ctx: await viewContext(req), form: { values: { email: form.values.email ?? '' }, errors }, next }), status)
    if (!form.ok) return page(form.errors, 400)

    const result = await signIn(db, config, form.data.email, form.data.password)
    if (result.outcome === 'locked')
      return page(
        { email: `There have been ${LOCKOUT_FAILURES} unsuccessful attempts to sign in with this email address. Wait ${LOCKOUT_MINUTES} minutes and try again, or reset your password` },
        429,
      )
    if (result.outcome === 'invalid') return page({ email: WRONG }, 400)

    rotateCsrf(reply)
    if (result.needsTwoFactor) {
      await startSession(db, config, req, reply, result.userId, 'two_factor')
      return seeOther(reply, next ? `/login/two-factor?next=${encodeURIComponent(next)}` : '/login/two-factor')
    }
    await startSession(db, config, req, reply, result.userId, 'full')
    return seeOther(reply, await landing(result.userId, next))
  })

  app.get<Query>('/login/two-factor', async (req, reply) => {
    if (!req.pendingTwoFactorUserId) return seeOther(reply, '/login')
    return render(reply, TwoFactorSignInPage({ ctx: await viewContext(req), form: emptyForm }))
  })

  app.post<Query>('/login/two-factor', { config: { rateLimit: { max: 20, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const userId = req.pendingTwoFactorUserId
    if (!userId) return seeOther(reply, '/login')
    const form = parseForm(TwoFactorForm, req.body as Record<string, unknown>)
    if (!form.ok) return render(reply, TwoFactorSignInPage({ ctx: await viewContext(req), form }), 400)

    const factor = await checkSecondFactor(db, config, userId, form.data.code)
    if (!factor) {
      const key = `two-factor:${userId}`
      await db.insertInto('sign_in_failures').values({ email: key }).execute()
      await audit(db, { action: 'sign_in_failed', subjectId: userId, detail: { step: 'two-factor' } })
      const { n } = await db
        .selectFrom('sign_in_failures')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email', '=', key)
        .where('at', '>', new Date(Date.now() - LOCKOUT_MINUTES * 60_000))
        .executeTakeFirstOrThrow()
      if (n >= LOCKOUT_FAILURES) {
        await endSession(db, req, reply)
        return seeOther(reply, '/login?notice=two-factor-failed')
      }
      const errors = { code: 'That code is not right. Enter the code your app shows now, or an unused recovery code' }
      return render(reply, TwoFactorSignInPage({ ctx: await viewContext(req), form: { values: {}, errors } }), 400)
    }
    await db.deleteFrom('sign_in_failures').where('email', '=', `two-factor:${userId}`).execute()
    rotateCsrf(reply)
    await completeTwoFactor(db, config, req, reply, userId)
    return seeOther(reply, await landing(userId, safeReturnPath(req.query.next)))
  })

  app.post('/logout', async (req, reply) => {
    if (req.user) await audit(db, { action: 'sign_out', actorId: req.user.id, subjectId: req.user.id })
    await endSession(db, req, reply)
    rotateCsrf(reply)
    return seeOther(reply, '/login?notice=signed-out')
  })
}
