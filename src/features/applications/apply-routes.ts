import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../app.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { requireUser } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { startSession } from '../../platform/http/sessions.ts'
import { emptyForm } from '../../platform/views/context.ts'
import { createAccount } from '../accounts/create-account.ts'
import { emailField } from '../accounts/forms.ts'
import { passwordProblem } from '../accounts/passwords.ts'
import { listGrades } from '../membership/service.ts'
import { editableApplication, eligibilityFor, withRedirects } from './applicant.ts'
import { saveHome, setGrade, startApplication } from './commands.ts'
import { refereeProblems } from './eligibility.ts'
import { HomeForm, RefereeForm } from './forms.ts'
import { findOpenApplication, listExpertiseAreas, loadApplication } from './queries.ts'
import { replaceReferee } from './references.ts'
import { submissionProblems, submitApplication } from './submission.ts'
import { startUpgrade } from './upgrade.ts'
import { CheckAnswersPage } from './views/check.tsx'
import { CreateAccountPage, GradePage, StartPage } from './views/start.tsx'
import { ReplaceRefereePage, StatusPage, SubmittedPage } from './views/status.tsx'
import { isUuid } from '../../platform/http/ids.ts'

const AccountForm = z.object({
  name: z.string().min(1, 'Enter your full name').max(100, 'Full name must be 100 characters or fewer'),
  email: emailField(),
  password: z.string(),
})

type GradeQuery = { Querystring: { grade?: string } }

export async function applyRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  const gradeCodes = async () => (await listGrades(db)).map((g) => g.code)

  app.get('/apply', async (req, reply) => {
    const open = req.user ? await findOpenApplication(db, req.user.id) : undefined
    if (open && open.status !== 'draft' && open.status !== 'changes_requested') return seeOther(reply, '/apply/status')
    return render(reply, StartPage({ ctx: await viewContext(req), grades: await listGrades(db), resume: open !== undefined }))
  })

  app.get<GradeQuery>('/apply/grade', async (req, reply) => {
    const open = req.user ? await findOpenApplication(db, req.user.id) : undefined
    const values = { grade: open?.grade ?? req.query.grade ?? '' }
    return render(reply, GradePage({ ctx: await viewContext(req), grades: await listGrades(db), form: { values, errors: {} }, back: '/apply' }))
  })

  app.post('/apply/grade', async (req, reply) => {
    const codes = await gradeCodes()
    const form = parseForm(z.object({ grade: z.string().refine((g) => codes.includes(g), 'Select the type of membership you are applying for') }), req.body as Record<string, unknown>)
    if (!form.ok) return render(reply, GradePage({ ctx: await viewContext(req), grades: await listGrades(db), form, back: '/apply' }), 400)
    if (!req.user) return seeOther(reply, `/apply/account?grade=${encodeURIComponent(form.data.grade)}`)
    const open = await findOpenApplication(db, req.user.id)
    if (open && open.status !== 'draft' && open.status !== 'changes_requested') return seeOther(reply, '/apply/status')
    if (open) {
      await setGrade(db, open.id, form.data.grade)
      return seeOther(reply, '/apply/check')
    }
    await startApplication(db, req.user.id, form.data.grade)
    return seeOther(reply, '/apply/home')
  })

  app.get<GradeQuery>('/apply/account', async (req, reply) => {
    if (req.user) return seeOther(reply, '/apply/grade')
    const grade = req.query.grade ?? ''
    if (!(await gradeCodes()).includes(grade)) return seeOther(reply, '/apply/grade')
    return render(reply, CreateAccountPage({ ctx: await viewContext(req), form: { values: { country: 'United Kingdom' }, errors: {} }, grade }))
  })

  app.post<GradeQuery>('/apply/account', { config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const grade = req.query.grade ?? ''
    if (!(await gradeCodes()).includes(grade)) return seeOther(reply, '/apply/grade')
    const body = req.body as Record<string, unknown>
    const account = parseForm(AccountForm, body)
    const home = parseForm(HomeForm, body)
    const errors: Record<string, string> = { ...account.errors }
    const weak = passwordProblem(account.values.password ?? '', [account.values.name ?? '', account.values.email ?? ''])
    if (weak) errors.password = weak
    Object.assign(errors, home.errors)
    const values = { ...account.values, ...home.values, password: '' }
    const page = async (status: number, extra: Record<string, string> = {}) =>
      render(reply, CreateAccountPage({ ctx: await viewContext(req), form: { values, errors: { ...errors, ...extra } }, grade }), status)
    if (!account.ok || !home.ok || weak) return page(400)

    const created = await createAccount(db, config, { email: account.data.email, name: account.data.name, password: account.data.password })
    if (!created.ok)
      return page(400, { email: 'There is already an account with this email address. Sign in to continue your application, or reset your password if you have forgotten it' })
    const applicationId = (await startApplication(db, created.userId, grade))!
    await saveHome(db, applicationId, home.data)
    reply.clearCookie('csrf', { path: '/' })
    await startSession(db, config, req, reply, created.userId, 'full')
    return seeOther(reply, '/apply/qualifications')
  })

  app.get(
    '/apply/check',
    withRedirects(async (req, reply) => {
      const loaded = await editableApplication(db, req)
      const { result, gradeName, thresholds } = await eligibilityFor(db, loaded)
      const areas = await listExpertiseAreas(db)
      return render(
        reply,
        CheckAnswersPage({ ctx: await viewContext(req), loaded, gradeName, eligibility: result, problems: submissionProblems(loaded, thresholds), expertiseLabels: new Map(areas.map((a) => [a.code, a.label])) }),
      )
    }),
  )

  app.post(
    '/apply/submit',
    withRedirects(async (req, reply) => {
      const loaded = await editableApplication(db, req)
      const { thresholds } = await eligibilityFor(db, loaded)
      if (submissionProblems(loaded, thresholds).length > 0) return seeOther(reply, '/apply/check')
      await submitApplication(db, config, loaded)
      return seeOther(reply, '/apply/submitted')
    }),
  )

  app.get('/apply/submitted', async (req, reply) => {
    requireUser(req)
    return render(reply, SubmittedPage({ ctx: await viewContext(req) }))
  })

  type RefereeParams = { Params: { id: string } }
  const waitingReferee = async (userId: string, refereeId: string) => {
    if (!isUuid(refereeId)) return undefined
    const open = await findOpenApplication(db, userId)
    if (!open || (open.status !== 'submitted' && open.status !== 'changes_requested')) return undefined
    const loaded = (await loadApplication(db, open.id))!
    const referee = loaded.referees.find((r) => r.id === refereeId && !r.responded_at)
    return referee && { loaded, referee }
  }

  app.get<RefereeParams>('/apply/referees/:id/replace', async (req, reply) => {
    const user = requireUser(req)
    const found = await waitingReferee(user.id, req.params.id)
    if (!found) return seeOther(reply, '/apply/status')
    return render(reply, ReplaceRefereePage({ ctx: await viewContext(req), form: emptyForm, refereeId: found.referee.id, name: found.referee.name }))
  })

  app.post<RefereeParams>('/apply/referees/:id/replace', async (req, reply) => {
    const user = requireUser(req)
    const found = await waitingReferee(user.id, req.params.id)
    if (!found) return seeOther(reply, '/apply/status')
    const form = parseForm(RefereeForm, req.body as Record<string, unknown>)
    const others = found.loaded.referees.filter((r) => r.id !== found.referee.id)
    const problems = form.ok ? refereeProblems([...others, form.data], user.email) : []
    if (!form.ok || problems.length > 0)
      return render(
        reply,
        ReplaceRefereePage({ ctx: await viewContext(req), form: { values: form.values, errors: form.ok ? { email: problems[0]! } : form.errors }, refereeId: found.referee.id, name: found.referee.name }),
        400,
      )
    await replaceReferee(db, config, found.loaded.application.id, found.referee.id, form.data)
    return seeOther(reply, '/apply/status?notice=replaced')
  })

  app.post('/apply/upgrade', async (req, reply) => {
    const user = requireUser(req)
    const started = await startUpgrade(db, user.id)
    if (!started.ok) return seeOther(reply, '/account?notice=upgrade-refused')
    return seeOther(reply, '/apply/work-history')
  })

  app.get('/apply/status', async (req, reply) => {
    const user = requireUser(req)
    const latest = await db.selectFrom('applications').select('id').where('user_id', '=', user.id).orderBy('created_at', 'desc').executeTakeFirst()
    if (!latest) return seeOther(reply, '/apply')
    const loaded = (await loadApplication(db, latest.id))!
    const grades = await listGrades(db)
    const notice = (req.query as { notice?: string }).notice === 'replaced' ? 'We have asked your new referee for a reference.' : undefined
    return render(reply, StatusPage({ ctx: await viewContext(req), loaded, gradeName: grades.find((g) => g.code === loaded.application.grade)?.name ?? '', notice }))
  })
}
