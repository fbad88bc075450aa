import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { Conflict, NotFound } from '../../platform/http/errors.ts'
import { normaliseBody } from '../../platform/http/forms.ts'
import { requirePermission } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { getSetting } from '../../platform/settings.ts'
import type { FormState } from '../../platform/views/context.ts'
import { listGrades } from '../membership/service.ts'
import type { GradeCode } from './eligibility.ts'
import { eligibilityOf } from './evidence.ts'
import { readEvidence } from './evidence-files.ts'
import { sendFile } from './evidence-routes.ts'
import { realDate } from './forms.ts'
import { historyOf, listExpertiseAreas, loadApplication } from './queries.ts'
import { addNote, approve, listQueue, type Queue, queueCounts, queues, reject, requestChanges, verifyRegistration } from './review.ts'
import { ApplicationPage, QueuePage } from './views/admin.tsx'
import { isUuid } from '../../platform/http/ids.ts'

type Params = { Params: { id: string; registrationId?: string; fileId?: string }; Querystring: { notice?: string } }
const permission = { config: { permission: 'applications:review' as const } }

/** Registered inside the back office, so every route here has passed backOfficeGuard. */
export async function applicationAdminRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  const gradeNames = async () => new Map((await listGrades(db)).map((g) => [g.code, g.name]))

  app.get<{ Querystring: { queue?: string } }>('/applications', permission, async (req, reply) => {
    const queue = (queues.find((q) => q.value === req.query.queue)?.value ?? 'submitted') as Queue
    const [counts, rows] = await Promise.all([queueCounts(db), listQueue(db, queue)])
    return render(reply, QueuePage({ ctx: await viewContext(req), queue, counts, rows, gradeNames: await gradeNames() }))
  })

  const detail = async (req: FastifyRequest<Params>, reply: FastifyReply, form: FormState, status = 200) => {
    if (!isUuid(req.params.id)) throw new NotFound()
    const loaded = await loadApplication(db, req.params.id)
    if (!loaded || loaded.application.status === 'draft') throw new NotFound()
    const [thresholds, names, areas, history] = await Promise.all([getSetting(db, 'grade_rules'), gradeNames(), listExpertiseAreas(db), historyOf(db, loaded.application.id)])
    const grades: GradeCode[] = loaded.application.grade === 'supporter' ? ['supporter'] : ['case-manager', 'associate', 'supporter']
    return render(
      reply,
      ApplicationPage({
        ctx: await viewContext(req),
        loaded,
        gradeName: names.get(loaded.application.grade) ?? '',
        expertiseLabels: new Map(areas.map((a) => [a.code, a.label])),
        applied: eligibilityOf(loaded, thresholds, loaded.application.grade, true),
        deciding: grades.map((g) => eligibilityOf(loaded, thresholds, g, true)),
        gradeNames: names,
        history,
        form,
        notice: req.query.notice,
      }),
      status,
    )
  }

  app.get<Params>('/applications/:id', permission, async (req, reply) => detail(req, reply, { values: {}, errors: {} }))

  app.post<Params>('/applications/:id/registrations/:registrationId/verify', permission, async (req, reply) => {
    const user = requirePermission(req, 'applications:review')
    const rid = req.params.registrationId ?? ''
    if (!isUuid(req.params.id) || !isUuid(rid)) throw new NotFound()
    const values = normaliseBody(req.body as Record<string, unknown>)
    const errors: Record<string, string> = {}
    const register = values[`register-${rid}`] ?? ''
    const status = values[`status-${rid}`] ?? ''
    const checkedOn = realDate(values[`checked-${rid}-day`] ?? '', values[`checked-${rid}-month`] ?? '', values[`checked-${rid}-year`] ?? '')
    if (register === '' || register.length > 200) errors[`register-${rid}`] = 'Enter which register you checked'
    if (!['Registered', 'Not found', 'Lapsed', 'Conditions'].includes(status)) errors[`status-${rid}`] = 'Select the status you saw on the register'
    if (!checkedOn || checkedOn > new Date()) errors[`checked-${rid}`] = 'Enter the date you checked, like 3 12 2026; it cannot be in the future'
    if (Object.keys(errors).length > 0) return detail(req, reply, { values, errors }, 400)
    await verifyRegistration(db, user.id, req.params.id, rid, { register, status, checkedOn: checkedOn! })
    return seeOther(reply, `/admin/applications/${req.params.id}?notice=verified`)
  })

  app.post<Params>('/applications/:id/notes', permission, async (req, reply) => {
    const user = requirePermission(req, 'applications:review')
    if (!isUuid(req.params.id)) throw new NotFound()
    const note = normaliseBody(req.body as Record<string, unknown>).note ?? ''
    if (note === '' || note.length > 2000) return detail(req, reply, { values: { note }, errors: { note: 'Write a note of up to 2,000 characters' } }, 400)
    await addNote(db, user.id, req.params.id, note)
    return seeOther(reply, `/admin/applications/${req.params.id}?notice=note`)
  })

  app.post<Params>('/applications/:id/decision', permission, async (req, reply) => {
    const user = requirePermission(req, 'applications:review')
    if (!isUuid(req.params.id)) throw new NotFound()
    const values = normaliseBody(req.body as Record<string, unknown>)
    const decision = values.decision ?? ''
    const reason = values.reason ?? ''
    const fail = (field: string, message: string) => detail(req, reply, { values, errors: { [field]: message } }, 400)
    if (reason.length > 3000) return fail('reason', 'The reason must be 3,000 characters or fewer')
    try {
      if (decision.startsWith('approve:')) {
        await approve(db, config, user.id, req.params.id, decision.slice(8) as GradeCode, reason)
        return seeOther(reply, `/admin/applications/${req.params.id}?notice=approved`)
      }
      if (decision === 'reject' || decision === 'changes') {
        if (reason === '') return fail('reason', decision === 'reject' ? 'Give the reason for rejecting; the applicant reads it' : 'List the changes the applicant needs to make')
        if (decision === 'reject') await reject(db, config, user.id, req.params.id, reason)
        else await requestChanges(db, config, user.id, req.params.id, reason)
        return seeOther(reply, `/admin/applications/${req.params.id}?notice=${decision === 'reject' ? 'rejected' : 'changes'}`)
      }
      return fail('decision', 'Select a decision')
    } catch (error) {
      if (error instanceof Conflict) return fail(error.id === 'reason_needed' ? 'reason' : 'decision', error.message)
      throw error
    }
  })

  app.get<Params>('/applications/:id/files/:fileId', permission, async (req, reply) => {
    const fileId = req.params.fileId ?? ''
    if (!isUuid(req.params.id) || !isUuid(fileId)) throw new NotFound()
    const file = await readEvidence(db, config.dataDir, fileId)
    if (!file || file.application_id !== req.params.id) throw new NotFound()
    return sendFile(reply, file)
  })
}
