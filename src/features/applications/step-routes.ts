import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import type { FormState } from '../../platform/views/context.ts'
import { editableApplication, eligibilityFor, withRedirects } from './applicant.ts'
import {
  addAssociation,
  addQualification,
  addReferee,
  addRegistration,
  addWork,
  completeStep,
  isListStep,
  type ListStep,
  removeItem,
  saveDeclarations,
  saveExpertise,
  saveHome,
  saveInsurance,
  saveRecordCheck,
} from './commands.ts'
import { expertiseProblems, qualificationLevels, refereeProblems } from './eligibility.ts'
import { evidenceOf } from './evidence.ts'
import { AssociationForm, DeclarationsForm, HomeForm, InsuranceForm, MARKETING_WORDING, QualificationForm, RecordCheckForm, RefereeForm, RegistrationForm, WorkForm } from './forms.ts'
import { type LoadedApplication, listExpertiseAreas } from './queries.ts'
import { registeredBodies } from './registration-numbers.ts'
import { nextStep, previousStep, type StepSlug, stepsFor, ukRegions } from './steps.ts'
import { QuestionPage } from './views/question-page.tsx'
import { HomeFields } from './views/start.tsx'
import {
  AssociationFields,
  DeclarationsPage,
  ExpertisePage,
  InsurancePage,
  type Item,
  ListStepPage,
  QualificationFields,
  RecordCheckPage,
  RefereeFields,
  RegistrationFields,
  WorkFields,
} from './views/steps.tsx'
import { isUuid } from '../../platform/http/ids.ts'

const month = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
const iso = (d: Date | null) => (d ? { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) } : { day: '', month: '', year: '' })

type Lists = {
  [K in ListStep]: {
    title: string
    lead: string
    addTitle: string
    fields: (props: { form: FormState }) => ReturnType<typeof QualificationFields>
    items: (l: LoadedApplication) => Item[]
    /** At least this many before Continue means done. */
    minimum: number
    add: (deps: AppDeps, l: LoadedApplication, body: Record<string, unknown>) => Promise<FormState | null>
  }
}

const lists: Lists = {
  qualifications: {
    title: 'Your qualifications',
    lead: 'Add each qualification related to case management, including your clinical qualification if you have one.',
    addTitle: 'a qualification',
    fields: QualificationFields,
    items: (l) => l.qualifications.map((q) => ({ id: q.id, summary: `${q.title}, ${qualificationLevels.find((x) => x.value === q.level)?.label}, ${q.awarding_body}, ${q.year}${q.clinical ? ' (clinical)' : ''}` })),
    minimum: 1,
    add: async ({ db }, l, body) => {
      const form = parseForm(QualificationForm, body)
      if (!form.ok) return form
      await addQualification(db, l.application.id, form.data)
      return null
    },
  },
  registrations: {
    title: 'Registered bodies',
    lead: 'Add your registration with the body that endorses each clinical qualification. Vocational case managers without a clinical qualification can skip this.',
    addTitle: 'a registration',
    fields: RegistrationFields,
    items: (l) => l.registrations.map((r) => ({ id: r.id, summary: `${registeredBodies.find((b) => b.value === r.body)?.label}: ${r.profession}, ${r.number}` })),
    minimum: 0,
    add: async ({ db }, l, body) => {
      const values = { ...body } as Record<string, unknown>
      if (values.body !== 'hcpc') values.profession = String(values.professionText ?? '').trim()
      const form = parseForm(RegistrationForm, values)
      if (!form.ok) {
        const errors = { ...form.errors }
        if (values.body !== 'hcpc' && errors.profession) {
          errors.professionText = errors.profession
          delete errors.profession
        }
        return { values: normaliseValues(body), errors }
      }
      await addRegistration(db, l.application.id, form.data)
      return null
    },
  },
  associations: {
    title: 'Professional associations',
    lead: 'Add the professional associations you belong to. Skip this if you belong to none.',
    addTitle: 'an association',
    fields: AssociationFields,
    items: (l) => l.associations.map((a) => ({ id: a.id, summary: a.name })),
    minimum: 0,
    add: async ({ db }, l, body) => {
      const form = parseForm(AssociationForm, body)
      if (!form.ok) return form
      await addAssociation(db, l.application.id, form.data.name)
      return null
    },
  },
  'work-history': {
    title: 'Your work history',
    lead: 'Add each role, most recent first, with how much of it was case management: in months or in hours.',
    addTitle: 'a role',
    fields: WorkFields,
    items: (l) =>
      l.work.map((w) => ({ id: w.id, summary: `${w.role}, ${w.employer}, ${month.format(w.started_on)} to ${w.ended_on ? month.format(w.ended_on) : 'now'}: ${w.cm_months} months or ${w.cm_hours.toLocaleString('en-GB')} hours` })),
    minimum: 1,
    add: async ({ db }, l, body) => {
      const form = parseForm(WorkForm, body)
      if (!form.ok) return form
      await addWork(db, l.application.id, form.data)
      return null
    },
  },
  referees: {
    title: 'Your referees',
    lead: 'Give two referees: both professional, or one professional and one personal. We email them a private link when you submit.',
    addTitle: 'a referee',
    fields: RefereeFields,
    items: (l) => l.referees.map((r) => ({ id: r.id, summary: `${r.name} (${r.kind}), ${r.email}` })),
    minimum: 2,
    add: async ({ db }, l, body) => {
      const form = parseForm(RefereeForm, body)
      if (!form.ok) return form
      const problems = refereeProblems([...l.referees, form.data], l.user.email).filter((p) => !p.startsWith('Give exactly two'))
      if (l.referees.length >= 2) problems.unshift('You already have two referees. Remove one to add another.')
      if (problems.length > 0) return { values: form.values, errors: { email: problems[0]! } }
      await addReferee(db, l.application.id, form.data)
      return null
    },
  },
}

function normaliseValues(body: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(body).filter(([k, v]) => k !== '_csrf' && typeof v === 'string').map(([k, v]) => [k, String(v).trim()]))
}

type StepParams = { Params: { step: string } }

export async function stepRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, viewContext } = deps

  const listPage = async (req: FastifyRequest, reply: FastifyReply, l: LoadedApplication, step: ListStep, form: FormState, status = 200) => {
    const def = lists[step]
    const items = def.items(l)
    const eligibility = step === 'work-history' || step === 'qualifications' ? await eligibilityFor(db, l) : undefined
    return render(
      reply,
      ListStepPage({
        ctx: await viewContext(req),
        step,
        title: def.title,
        lead: def.lead,
        back: previousStep(l.application.grade, step),
        items,
        form,
        addTitle: def.addTitle,
        canContinue: items.length >= def.minimum,
        continueHint: items.length < def.minimum ? `Add at least ${def.minimum === 1 ? 'one' : 'two'} to complete this part. You can skip it for now and come back.` : undefined,
        eligibility: eligibility && { result: eligibility.result, gradeName: eligibility.gradeName },
        children: def.fields({ form }),
      }),
      status,
    )
  }

  const editable = (step: string, l: LoadedApplication) => {
    if (!stepsFor(l.application.grade).some((s) => s.slug === step)) throw new NotFound()
  }

  app.get<StepParams>(
    '/apply/:step',
    withRedirects<FastifyRequest<StepParams>>(async (req, reply) => {
      const step = req.params.step
      const l = await editableApplication(db, req)
      editable(step, l)
      if (isListStep(step)) return listPage(req, reply, l, step, { values: {}, errors: {} })
      return singlePage(req, reply, l, step as StepSlug, { values: savedValues(l, step as StepSlug), errors: {} })
    }),
  )

  app.post<StepParams>(
    '/apply/:step',
    withRedirects<FastifyRequest<StepParams>>(async (req, reply) => {
      const step = req.params.step
      const l = await editableApplication(db, req)
      editable(step, l)
      const body = (req.body ?? {}) as Record<string, unknown>
      if (isListStep(step)) {
        const failed = await lists[step].add(deps, l, body)
        if (failed) return listPage(req, reply, l, step, failed, 400)
        return seeOther(reply, `/apply/${step}`)
      }
      const failed = await saveSingle(l, step as StepSlug, body)
      if (failed) return singlePage(req, reply, l, step as StepSlug, failed, 400)
      return seeOther(reply, nextStep(l.application.grade, step as StepSlug))
    }),
  )

  app.post<{ Params: { step: string; id: string } }>(
    '/apply/:step/:id/remove',
    withRedirects<FastifyRequest<{ Params: { step: string; id: string } }>>(async (req, reply) => {
      const { step, id } = req.params
      const l = await editableApplication(db, req)
      if (!isListStep(step) || !isUuid(id)) throw new NotFound()
      await removeItem(db, l.application.id, step, id)
      return seeOther(reply, `/apply/${step}`)
    }),
  )

  app.post<StepParams>(
    '/apply/:step/continue',
    withRedirects<FastifyRequest<StepParams>>(async (req, reply) => {
      const step = req.params.step
      const l = await editableApplication(db, req)
      editable(step, l)
      if (isListStep(step) && lists[step].items(l).length >= lists[step].minimum) await completeStep(db, l.application.id, step)
      if (step === 'evidence') await completeStep(db, l.application.id, 'evidence')
      return seeOther(reply, nextStep(l.application.grade, step as StepSlug))
    }),
  )

  function savedValues(l: LoadedApplication, step: StepSlug): Record<string, string> {
    const a = l.application
    switch (step) {
      case 'home':
        return { addressLine1: a.address_line1, addressLine2: a.address_line2, town: a.town, postcode: a.postcode, country: a.country, phone: a.phone }
      case 'expertise':
        return { expertise: a.expertise.join(','), regions: a.regions.join(',') }
      case 'insurance': {
        const d = iso(a.insurance_renewal)
        return { provider: a.insurance_provider ?? '', 'renewal-day': d.day, 'renewal-month': d.month, 'renewal-year': d.year, confirmed: a.insurance_confirmed ? 'yes' : '' }
      }
      case 'record-check': {
        const d = iso(a.check_issued)
        return {
          type: a.check_type ?? '',
          level: a.check_level ?? '',
          number: a.check_number ?? '',
          'issued-day': d.day,
          'issued-month': d.month,
          'issued-year': d.year,
          updateService: a.check_update_service === null ? '' : a.check_update_service ? 'yes' : 'no',
        }
      }
      case 'declarations':
        return { truthful: a.declared_true ? 'yes' : '', dataUse: a.consented_data_use ? 'yes' : '', marketing: a.marketing_opt_in ? 'yes' : '' }
      default:
        return {}
    }
  }

  async function saveSingle(l: LoadedApplication, step: StepSlug, body: Record<string, unknown>): Promise<FormState | null> {
    const id = l.application.id
    switch (step) {
      case 'home': {
        const form = parseForm(HomeForm, body)
        if (!form.ok) return form
        await saveHome(db, id, form.data)
        return null
      }
      case 'expertise': {
        const areas = await listExpertiseAreas(db)
        const values = normaliseValues(body)
        const list = (v: unknown) => [v].flat().filter((x): x is string => typeof x === 'string' && x !== '')
        const expertise = list(body.expertise).filter((c) => areas.some((a) => a.code === c))
        const regions = list(body.regions).filter((r) => (ukRegions as readonly string[]).includes(r))
        const form = { values: { ...values, expertise: expertise.join(','), regions: regions.join(',') }, errors: {} as Record<string, string> }
        if (expertise.length === 0) form.errors.expertise = 'Select at least one area of expertise'
        const problems = expertiseProblems({ ...evidenceOf(l), expertise }, false)
        if (problems.length > 0) form.errors.expertise = problems[0]!
        if (regions.length === 0) form.errors.regions = 'Select at least one region where you work'
        if (Object.keys(form.errors).length > 0) return form
        await saveExpertise(db, id, expertise, regions)
        return null
      }
      case 'insurance': {
        const form = parseForm(InsuranceForm, body)
        if (!form.ok) return form
        await saveInsurance(db, id, form.data)
        return null
      }
      case 'record-check': {
        const form = parseForm(RecordCheckForm, body)
        if (!form.ok) return form
        await saveRecordCheck(db, id, form.data)
        return null
      }
      case 'declarations': {
        const form = parseForm(DeclarationsForm, body)
        if (!form.ok) return form
        await saveDeclarations(db, id, form.data)
        return null
      }
      default:
        throw new NotFound()
    }
  }

  async function singlePage(req: FastifyRequest, reply: FastifyReply, l: LoadedApplication, step: StepSlug, form: FormState, status = 200) {
    const ctx = await viewContext(req)
    const back = previousStep(l.application.grade, step)
    switch (step) {
      case 'home':
        return render(
          reply,
          QuestionPage({ ctx, title: 'Your home details', lead: 'Where we can write to you and the number we can call you on.', back, form, action: '/apply/home', children: HomeFields({ form }) }),
          status,
        )
      case 'expertise': {
        const allowed = evidenceOf(l)
        const note = expertiseProblems({ ...allowed, expertise: ['clinical'] }, false).length > 0 ? 'Your answers so far have no clinical qualification with a registration, so only Vocational can be chosen.' : undefined
        return render(reply, ExpertisePage({ ctx, form, back, areas: await listExpertiseAreas(db), note }), status)
      }
      case 'insurance':
        return render(reply, InsurancePage({ ctx, form, back }), status)
      case 'record-check':
        return render(reply, RecordCheckPage({ ctx, form, back }), status)
      case 'declarations':
        return render(reply, DeclarationsPage({ ctx, form, back, marketingWording: MARKETING_WORDING }), status)
      default:
        throw new NotFound()
    }
  }
}
