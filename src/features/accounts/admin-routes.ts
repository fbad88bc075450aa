import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { Conflict } from '../../platform/http/errors.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { requirePermission } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { emptyForm } from '../../platform/views/context.ts'
import { InviteStaffForm, RolesForm } from './forms.ts'
import { inviteStaff, listStaff, setRoles } from './staff.ts'
import { AuditPage, StaffPage } from './views/staff-admin.tsx'
import { isUuid } from '../../platform/http/ids.ts'

/** Registered inside the back office, so every route here has passed backOfficeGuard. */
export async function accountsAdminRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  app.get<{ Querystring: { notice?: string } }>('/staff', { config: { permission: 'staff:manage' } }, async (req, reply) => {
    const user = requirePermission(req, 'staff:manage')
    return render(reply, StaffPage({ ctx: await viewContext(req), staff: await listStaff(db), form: emptyForm, notice: req.query.notice, currentUserId: user.id }))
  })

  app.post('/staff', { config: { permission: 'staff:manage' } }, async (req, reply) => {
    const user = requirePermission(req, 'staff:manage')
    const form = parseForm(InviteStaffForm, req.body as Record<string, unknown>)
    if (!form.ok)
      return render(reply, StaffPage({ ctx: await viewContext(req), staff: await listStaff(db), form, currentUserId: user.id }), 400)
    await inviteStaff(db, config, user, form.data)
    return seeOther(reply, '/admin/staff?notice=invited')
  })

  app.post<{ Params: { id: string } }>('/staff/:id/roles', { config: { permission: 'staff:manage' } }, async (req, reply) => {
    const user = requirePermission(req, 'staff:manage')
    const form = parseForm(RolesForm, req.body as Record<string, unknown>)
    if (!form.ok || !isUuid(req.params.id)) return seeOther(reply, '/admin/staff')
    try {
      await setRoles(db, user, req.params.id, form.data.roles)
    } catch (error) {
      if (error instanceof Conflict) return seeOther(reply, '/admin/staff?notice=last-admin')
      throw error
    }
    return seeOther(reply, '/admin/staff?notice=roles')
  })

  app.get('/audit', { config: { permission: 'staff:manage' } }, async (req, reply) => {
    const rows = await db
      .selectFrom('audit_log as a')
      .leftJoin('users as actor', 'actor.id', 'a.actor_id')
      .leftJoin('users as subject', 'subject.id', 'a.subject_id')
      .select(['a.id', 'a.at', 'a.action', 'a.detail', 'actor.name as actor', 'subject.email as subject'])
      .orderBy('a.id', 'desc')
      .limit(500)
      .execute()
    return render(reply, AuditPage({ ctx: await viewContext(req), rows }))
  })
}
