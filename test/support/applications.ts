import assert from 'node:assert/strict'
import { browserSession, html, type TestApp, textOf } from './app.ts'
import { createUser, currentCode } from './factories.ts'

export const errorsOf = (body: string) => html(body).querySelectorAll('.error-summary a').map(textOf)

/** Creates an account through /apply/account and returns the signed-in session. */
export async function startApplicant(t: TestApp, grade = 'case-manager', email = `ann-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.org`) {
  const s = browserSession(t.app)
  await s.get('/apply/grade')
  const chosen = await s.post('/apply/grade', { grade })
  assert.equal(chosen.headers.location, `/apply/account?grade=${grade}`)
  await s.get(chosen.headers.location!)
  const res = await s.post(chosen.headers.location!, {
    name: 'Ann Applicant',
    email,
    password: 'juniper castle harvest',
    addressLine1: '1 High Street',
    addressLine2: '',
    town: 'Sutton',
    postcode: 'sm1 9bh',
    country: 'United Kingdom',
    phone: '01632 960 001',
  })
  assert.equal(res.statusCode, 303, errorsOf(res.body).join('; '))
  return { s, email }
}

export async function fillPractisingAnswers(s: ReturnType<typeof browserSession>, months: string) {
  const ok = async (url: string, form: Record<string, string | string[]>) => {
    await s.get(url.replace(/\/continue$/, ''))
    const res = await s.post(url, form)
    assert.equal(res.statusCode, 303, `${url}: ${errorsOf(res.body).join('; ')}`)
    return res
  }
  await ok('/apply/qualifications', { title: 'BSc (Hons) Adult Nursing', level: 'degree', awardingBody: 'King’s College London', year: '2012', clinical: 'yes' })
  await ok('/apply/qualifications/continue', {})
  await ok('/apply/registrations', { body: 'nmc', profession: '', professionText: 'Registered nurse (adult)', number: '12a3456e' })
  await ok('/apply/registrations/continue', {})
  await ok('/apply/associations', { name: 'Royal College of Nursing' })
  await ok('/apply/associations/continue', {})
  await ok('/apply/work-history', { employer: 'Acme Case Management', role: 'Case manager', 'from-month': '1', 'from-year': '2020', 'to-month': '', 'to-year': '', cmMonths: months, cmHours: '' })
  await ok('/apply/work-history/continue', {})
  await ok('/apply/expertise', { expertise: ['brain-injury', 'vocational'], regions: ['London', 'South East'] })
  await ok('/apply/referees', { name: 'Rob Referee', email: 'rob@example.org', phone: '01632 960 002', relationship: 'Line manager', kind: 'professional' })
  await ok('/apply/referees', { name: 'Pat Personal', email: 'pat@example.org', phone: '01632 960 003', relationship: 'Neighbour for 10 years', kind: 'personal' })
  await ok('/apply/referees/continue', {})
  await ok('/apply/insurance', { provider: 'Royal College of Nursing scheme', 'renewal-day': '31', 'renewal-month': '3', 'renewal-year': String(new Date().getFullYear() + 1), confirmed: 'yes' })
  await ok('/apply/record-check', { type: 'dbs', level: 'enhanced', number: '001234567890', 'issued-day': '14', 'issued-month': '6', 'issued-year': '2024', updateService: 'yes' })
  await ok('/apply/evidence/continue', {})
  await ok('/apply/declarations', { truthful: 'yes', dataUse: 'yes' })
}


/** A complete application (Case Manager unless told), submitted, with the applicant's email verified. */
export async function submittedApplication(t: TestApp, months = '30', grade = 'case-manager') {
  const { s, email } = await startApplicant(t, grade)
  await fillPractisingAnswers(s, months)
  await t.db.updateTable('users').set({ email_verified_at: new Date() }).where('email', '=', email).execute()
  await s.get('/apply/check')
  const res = await s.post('/apply/submit', {})
  assert.equal(res.headers.location, '/apply/submitted')
  const { id } = await t.db
    .selectFrom('applications')
    .innerJoin('users', 'users.id', 'applications.user_id')
    .select('applications.id')
    .where('users.email', '=', email)
    .executeTakeFirstOrThrow()
  return { s, email, id }
}

/** Today as the three boxes of a date input. */
export function todayParts() {
  const d = new Date()
  return { day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()) }
}

/**
 * A submitted Case Manager application whose registration staff verified and which they approved: the member
 * now owes the joining invoice. Returns the member's session, the staff session and the invoice.
 */
export async function approvedMember(t: TestApp) {
  const applicant = await submittedApplication(t)
  const staffUser = await createUser(t.db, t.config, { roles: ['office'] })
  const staff = browserSession(t.app)
  await staff.signIn(staffUser, () => currentCode(staffUser))
  const page = html((await staff.get(`/admin/applications/${applicant.id}`)).body)
  const regId = page.querySelector('form[action*="/registrations/"]')!.getAttribute('action')!.split('/')[5]!
  const d = todayParts()
  await staff.post(`/admin/applications/${applicant.id}/registrations/${regId}/verify`, {
    [`register-${regId}`]: 'NMC',
    [`status-${regId}`]: 'Registered',
    [`checked-${regId}-day`]: d.day,
    [`checked-${regId}-month`]: d.month,
    [`checked-${regId}-year`]: d.year,
  })
  await staff.post(`/admin/applications/${applicant.id}/decision`, { decision: 'approve:case-manager', reason: '' })
  const invoice = await t.db
    .selectFrom('invoices')
    .innerJoin('users', 'users.id', 'invoices.user_id')
    .innerJoin('memberships', 'memberships.id', 'invoices.membership_id')
    .select(['invoices.id', 'invoices.reference', 'invoices.number', 'memberships.number as membershipNumber'])
    .where('users.email', '=', applicant.email)
    .executeTakeFirstOrThrow()
  return { member: applicant.s, email: applicant.email, staff, invoice, invoiceId: invoice.id }
}
