import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { requirePermission } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { callbackStatuses, countCallbacks, listCallbacks, updateCallback } from './callback-admin.ts'
import type { CallbackStatus } from './tables.ts'
import { CallbacksPage } from './views/callback-admin.tsx'

const Update = z.object({ status: z.enum(['new', 'called', 'closed']), note: z.string().max(2000) })

/** Registered inside the back office, so every route here has passed backOfficeGuard. */
export async function contentAdminRoutes(app: FastifyInstance, { db, viewContext }: AppDeps) {
  app.get<{ Querystring: { status?: string; updated?: string } }>(
    '/callbacks',
    { config: { permission: 'callbacks:manage' } },
    async (req, reply) => {
      const status = (callbackStatuses as string[]).includes(req.query.status ?? '') ? (req.query.status as CallbackStatus) : 'new'
      const [counts, callbacks] = await Promise.all([countCallbacks(db), listCallbacks(db, status)])
      return render(reply, CallbacksPage({ ctx: await viewContext(req), status, counts, callbacks, updated: req.query.updated === '1' }))
    },
  )

  app.post<{ Params: { id: string } }>('/callbacks/:id', { config: { permission: 'callbacks:manage' } }, async (req, reply) => {
    const user = requirePermission(req, 'callbacks:manage')
    const id = Number(req.params.id)
    if (!Number.isInteger(id) || id <= 0) throw new NotFound()
    const body = req.body as Record<string, unknown>
    const parsed = Update.safeParse({ status: body[`status-${id}`], note: String(body[`note-${id}`] ?? '').trim() })
    if (!parsed.success) return seeOther(reply, '/admin/callbacks')
    if (!(await updateCallback(db, user.id, id, parsed.data.status, parsed.data.note))) throw new NotFound()
    return seeOther(reply, `/admin/callbacks?status=${parsed.data.status}&updated=1`)
  })
}
