import type { FastifyInstance } from 'fastify'
import QRCode from 'qrcode'
import type { AppDeps } from '../../app.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { requireUser } from '../../platform/http/guards.ts'
import { isStaff } from '../../platform/http/permissions.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { getSetting } from '../../platform/settings.ts'
import { emptyForm } from '../../platform/views/context.ts'
import { latestApplicationSummary } from '../applications/service.ts'
import { membershipBilling } from '../billing/account.ts'
import { companiesContactedBy } from '../billing/company-invoices.ts'
import { findMembership, listGrades } from '../membership/service.ts'
import {
  changePassword,
  checkCurrentPassword,
  emailTaken,
  listSessions,
  requestEmailChange,
  sendVerificationEmail,
  signOutOtherSessions,
} from './account-settings.ts'
import { ChangeEmailForm, ChangePasswordForm, DisableTwoFactorForm, EnableTwoFactorForm } from './forms.ts'
import { passwordProblem } from './passwords.ts'
import { otpauthUri } from './totp.ts'
import { disableTwoFactor, enableTwoFactor, pendingTotpSecret, remainingRecoveryCodes } from './two-factor.ts'
import { AccountPage, ChangeEmailPage, ChangePasswordPage, SessionsPage } from './views/account.tsx'
import { RecoveryCodesPage, TwoFactorSetupPage, TwoFactorStatusPage } from './views/two-factor.tsx'

type Notice = { Querystring: { notice?: string; required?: string } }

export async function accountRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  app.get<Notice>('/account', async (req, reply) => {
    const user = requireUser(req)
    const [application, membership, grades, contactFor] = await Promise.all([latestApplicationSummary(db, user.id), findMembership(db, user.id), listGrades(db), companiesContactedBy(db, user.id)])
    const billing = membership ? await membershipBilling(db, user.id) : undefined
    const membershipView = membership && {
      number: membership.number,
      gradeName: grades.find((g) => g.code === membership.grade)?.name ?? membership.grade,
      canBeListed: membership.grade === 'case-manager',
      canUpgrade: membership.grade === 'associate' && !['draft', 'submitted', 'changes_requested'].includes(application?.status ?? ''),
      status: billing?.statusLabel ?? '',
      term: billing?.term,
      invoices: billing?.invoices ?? [],
    }
    return render(reply, AccountPage({ ctx: await viewContext(req), user, notice: req.query.notice, application, membership: membershipView, contactFor: contactFor.map((c) => c.name) }))
  })

  app.post('/account/verify-email', { config: { rateLimit: { max: 5, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const user = requireUser(req)
    if (!user.emailVerified) await sendVerificationEmail(db, config, user)
    return seeOther(reply, '/account?notice=verification-sent')
  })

  app.get('/account/password', async (req, reply) => {
    requireUser(req)
    return render(reply, ChangePasswordPage({ ctx: await viewContext(req), form: emptyForm }))
  })

  app.post('/account/password', { config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const user = requireUser(req)
    const form = parseForm(ChangePasswordForm, req.body as Record<string, unknown>)
    const errors: Record<string, string> = { ...form.errors }
    if (!errors.current && !(await checkCurrentPassword(db, user.id, form.values.current ?? '')))
      errors.current = 'Your current password is not right'
    const weak = passwordProblem(form.values.password ?? '', [user.name, user.email])
    if (weak) errors.password = weak
    if (!form.ok || Object.keys(errors).length > 0)
      return render(reply, ChangePasswordPage({ ctx: await viewContext(req), form: { values: {}, errors } }), 400)
    await changePassword(db, config, user, form.data.password)
    return seeOther(reply, '/account?notice=password-changed')
  })

  app.get('/account/email', async (req, reply) => {
    const user = requireUser(req)
    return render(reply, ChangeEmailPage({ ctx: await viewContext(req), form: emptyForm, current: user.email }))
  })

  app.post('/account/email', { config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const user = requireUser(req)
    const form = parseForm(ChangeEmailForm, req.body as Record<string, unknown>)
    const errors: Record<string, string> = { ...form.errors }
    if (form.ok) {
      if (form.data.email === user.email) errors.email = 'That is already your email address'
      else if (await emailTaken(db, form.data.email)) errors.email = 'Another account uses that email address. Enter a different one'
      if (!(await checkCurrentPassword(db, user.id, form.data.password))) errors.password = 'Your password is not right'
    }
    if (Object.keys(errors).length > 0)
      return render(reply, ChangeEmailPage({ ctx: await viewContext(req), form: { values: { email: form.values.email ?? '' }, errors }, current: user.email }), 400)
    await requestEmailChange(db, config, user, form.ok ? form.data.email : '')
    return seeOther(reply, '/account?notice=email-sent')
  })

  app.get('/account/sessions', async (req, reply) => {
    const user = requireUser(req)
    return render(reply, SessionsPage({ ctx: await viewContext(req), sessions: await listSessions(db, user) }))
  })

  app.post('/account/sessions/sign-out-others', async (req, reply) => {
    const user = requireUser(req)
    await signOutOtherSessions(db, user)
    return seeOther(reply, '/account?notice=sessions-ended')
  })

  const setupPage = async (req: Parameters<typeof requireUser>[0], userId: string, email: string) => {
    const secret = await pendingTotpSecret(db, config, userId)
    const society = await getSetting(db, 'society')
    const svg = await QRCode.toString(otpauthUri(secret, email, society.shortName), { type: 'svg', margin: 1 })
    return { qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, secret, ctx: await viewContext(req) }
  }

  app.get<Notice>('/account/two-factor', async (req, reply) => {
    const user = requireUser(req)
    if (user.twoFactorEnabled)
      return render(
        reply,
        TwoFactorStatusPage({ ctx: await viewContext(req), form: emptyForm, remainingCodes: await remainingRecoveryCodes(db, user.id), canTurnOff: !isStaff(user.roles) }),
      )
    const page = await setupPage(req, user.id, user.email)
    return render(reply, TwoFactorSetupPage({ ...page, form: emptyForm, requiredForStaff: isStaff(user.roles) }))
  })

  app.post('/account/two-factor', { config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const user = requireUser(req)
    if (user.twoFactorEnabled) return seeOther(reply, '/account/two-factor')
    const form = parseForm(EnableTwoFactorForm, req.body as Record<string, unknown>)
    const codes = form.ok ? await enableTwoFactor(db, config, user.id, form.data.code) : null
    if (!codes) {
      const errors = form.ok ? { code: 'That code is not right. Enter the code the app shows now; it changes every 30 seconds' } : form.errors
      const page = await setupPage(req, user.id, user.email)
      return render(reply, TwoFactorSetupPage({ ...page, form: { values: {}, errors }, requiredForStaff: isStaff(user.roles) }), 400)
    }
    return render(reply, RecoveryCodesPage({ ctx: await viewContext(req), codes }))
  })

  app.post('/account/two-factor/disable', async (req, reply) => {
    const user = requireUser(req)
    const form = parseForm(DisableTwoFactorForm, req.body as Record<string, unknown>)
    const errors: Record<string, string> = { ...form.errors }
    if (isStaff(user.roles)) errors.password = 'Two-factor authentication is required for staff accounts'
    else if (form.ok && !(await checkCurrentPassword(db, user.id, form.data.password))) errors.password = 'Your password is not right'
    if (Object.keys(errors).length > 0)
      return render(
        reply,
        TwoFactorStatusPage({ ctx: await viewContext(req), form: { values: {}, errors }, remainingCodes: await remainingRecoveryCodes(db, user.id), canTurnOff: !isStaff(user.roles) }),
        400,
      )
    await disableTwoFactor(db, user.id)
    return seeOther(reply, '/account?notice=two-factor-off')
  })
}
