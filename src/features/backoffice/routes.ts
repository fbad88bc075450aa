import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { backOfficeGuard, requirePermission } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import type { EmailStatus } from '../../platform/mail/tables.ts'
import { accountsAdminRoutes } from '../accounts/admin-routes.ts'
import { applicationAdminRoutes } from '../applications/admin-routes.ts'
import { billingAdminRoutes } from '../billing/admin-routes.ts'
import { paymentSettingsRoutes } from '../billing/settings-routes.ts'
import { companyAdminRoutes } from '../billing/company-admin-routes.ts'
import { contentAdminRoutes } from '../content/admin-routes.ts'
import { directoryAdminRoutes } from '../directory/admin-routes.ts'
import { countEmails, emailStatuses, listEmails, retryEmail } from './emails.ts'
import { DashboardPage } from './views/dashboard.tsx'
import { EmailsPage } from './views/emails.tsx'
import { isUuid } from '../../platform/http/ids.ts'

/**
 * The back office under /admin. The guard runs on every route registered in here, before the body is
 * read: anonymous people are sent to sign in, members get 403, staff need two-factor and the route's permission.
 */
export async function backOffice(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onRequest', backOfficeGuard)
  await app.register(backOfficeRoutes, deps)
  await app.register(contentAdminRoutes, deps)
  await app.register(applicationAdminRoutes, deps)
  await app.register(billingAdminRoutes, deps)
  await app.register(paymentSettingsRoutes, deps)
  await app.register(companyAdminRoutes, deps)
  await app.register(accountsAdminRoutes, deps)
  await app.register(directoryAdminRoutes, deps)
}

async function backOfficeRoutes(app: FastifyInstance, { db, viewContext }: AppDeps) {
  app.get('/', { config: { permission: 'staff' } }, async (req, reply) => {
    const user = requirePermission(req, 'staff')
    const newCallbacks = user.permissions.has('callbacks:manage')
      ? (await db.selectFrom('callback_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'new').executeTakeFirstOrThrow()).n
      : null
    const failedEmails = user.permissions.has('members:view') ? (await countEmails(db)).failed : null
    const paymentsToLookAt = user.permissions.has('payments:record')
      ? (await db.selectFrom('payment_attempts').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'needs_review').executeTakeFirstOrThrow()).n
      : null
    return render(reply, DashboardPage({ ctx: await viewContext(req), newCallbacks, failedEmails, paymentsToLookAt }))
  })

  app.get<{ Querystring: { status?: string; retried?: string } }>('/emails', { config: { permission: 'members:view' } }, async (req, reply) => {
    const status = (emailStatuses as string[]).includes(req.query.status ?? '') ? (req.query.status as EmailStatus) : 'failed'
    const [counts, emails] = await Promise.all([countEmails(db), listEmails(db, status)])
    return render(reply, EmailsPage({ ctx: await viewContext(req), status, counts, emails, retried: req.query.retried === '1' }))
  })

  app.post<{ Params: { id: string } }>('/emails/:id/retry', { config: { permission: 'members:view' } }, async (req, reply) => {
    const user = requirePermission(req, 'members:view')
    if (!isUuid(req.params.id)) throw new NotFound()
    await retryEmail(db, user.id, req.params.id)
    return seeOther(reply, '/admin/emails?status=queued&retried=1')
  })
}
