import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { startSession } from '../../platform/http/sessions.ts'
import { emptyForm } from '../../platform/views/context.ts'
import { confirmEmailChange, verifyEmail } from './account-settings.ts'
import { ForgotPasswordForm, NewPasswordForm } from './forms.ts'
import { requestPasswordReset, resetPassword } from './password-reset.ts'
import { passwordProblem } from './passwords.ts'
import { checkToken } from './tokens.ts'
import { ForgotPasswordPage, LinkProblemPage, NewPasswordPage, ResetLinkSentPage } from './views/password.tsx'
import { EmailLinkDonePage } from './views/two-factor.tsx'

type TokenQuery = { Querystring: { token?: string } }

export async function passwordRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  app.get('/forgot-password', async (req, reply) => render(reply, ForgotPasswordPage({ ctx: await viewContext(req), form: emptyForm })))

  app.post('/forgot-password', { config: { rateLimit: { max: 5, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const form = parseForm(ForgotPasswordForm, req.body as Record<string, unknown>)
    if (!form.ok) return render(reply, ForgotPasswordPage({ ctx: await viewContext(req), form }), 400)
    await requestPasswordReset(db, form.data.email)
    return seeOther(reply, '/forgot-password/sent')
  })

  app.get('/forgot-password/sent', async (req, reply) => render(reply, ResetLinkSentPage({ ctx: await viewContext(req) })))

  for (const purpose of ['reset', 'set'] as const) {
    const path = purpose === 'reset' ? '/reset-password' : '/set-password'
    const tokenPurpose = purpose === 'reset' ? 'password_reset' : 'set_password'
    const retry =
      purpose === 'reset'
        ? { href: '/forgot-password', label: 'Ask for a new link' }
        : { href: '/forgot-password', label: 'Ask for a new link to choose your password' }

    app.get<TokenQuery>(path, async (req, reply) => {
      const check = await checkToken(db, req.query.token, tokenPurpose)
      const ctx = await viewContext(req)
      if (!check.ok) return render(reply, LinkProblemPage({ ctx, reason: check.reason, retry }), 410)
      return render(reply, NewPasswordPage({ ctx, form: emptyForm, token: req.query.token!, purpose }))
    })

    app.post<TokenQuery>(path, { config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } }, async (req, reply) => {
      const token = req.query.token ?? ''
      const check = await checkToken(db, token, tokenPurpose)
      const ctx = await viewContext(req)
      if (!check.ok) return render(reply, LinkProblemPage({ ctx, reason: check.reason, retry }), 410)
      const form = parseForm(NewPasswordForm, req.body as Record<string, unknown>)
      const user = await db.selectFrom('users').select(['email', 'name', 'totp_enabled_at']).where('id', '=', check.userId).executeTakeFirstOrThrow()
      const weak = passwordProblem(form.values.password ?? '', [user.name, user.email])
      const errors = { ...(weak ? { password: weak } : {}), ...form.errors }
      if (!form.ok || weak) return render(reply, NewPasswordPage({ ctx, form: { values: {}, errors }, token, purpose }), 400)

      const outcome = await resetPassword(db, config, token, form.data.password, tokenPurpose)
      if (!outcome.ok) return render(reply, LinkProblemPage({ ctx, reason: outcome.reason, retry }), 410)
      reply.clearCookie('csrf', { path: '/' })
      if (user.totp_enabled_at) {
        await startSession(db, config, req, reply, outcome.userId, 'two_factor')
        return seeOther(reply, '/login/two-factor')
      }
      await startSession(db, config, req, reply, outcome.userId, 'full')
      return seeOther(reply, purpose === 'reset' ? '/account?notice=password-changed' : '/account/two-factor?required=staff')
    })
  }

  app.get<TokenQuery>('/verify-email', async (req, reply) => {
    const outcome = await verifyEmail(db, req.query.token ?? '')
    const ctx = await viewContext(req)
    if (!outcome.ok) return render(reply, LinkProblemPage({ ctx, reason: outcome.reason, retry: { href: '/account', label: 'Sign in to get a new link' } }), 410)
    return render(reply, EmailLinkDonePage({ ctx, title: 'Email address confirmed', text: 'Thank you: your email address is confirmed.' }))
  })

  app.get<TokenQuery>('/confirm-email', async (req, reply) => {
    const outcome = await confirmEmailChange(db, req.query.token ?? '')
    const ctx = await viewContext(req)
    if (!outcome.ok) return render(reply, LinkProblemPage({ ctx, reason: outcome.reason, retry: { href: '/account/email', label: 'Change your email address again' } }), 410)
    return render(reply, EmailLinkDonePage({ ctx, title: 'Email address changed', text: 'Your new email address is confirmed. Use it to sign in from now on.' }))
  })
}
