import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { browserSession, html, textOf } from '../../../test/support/app.ts'
import { errorsOf, submittedApplication } from '../../../test/support/applications.ts'
import { createUser, currentCode } from '../../../test/support/factories.ts'
import { recordLedgerEntry } from '../billing/service.ts'
import { useTestAppAndSmtp } from '../../../test/support/suite.ts'

const { t, smtp } = useTestAppAndSmtp()

async function reviewer() {
  const staff = await createUser(t.db, t.config, { name: 'Rae Reviewer', roles: ['office'] })
  const s = browserSession(t.app)
  await s.signIn(staff, () => currentCode(staff))
  return Object.assign(s, { staff })
}

const today = () => {
  const d = new Date()
  return { day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()) }
}

describe('staff review of applications', () => {
  it('queues submitted applications with counts, and shows every answer, the eligibility and the references', async () => {
    const { id } = await submittedApplication(t)
    const s = await reviewer()
    const queue = html((await s.get('/admin/applications?queue=awaiting-references')).body)
    assert.match(textOf(queue.querySelector('nav[aria-label="Application queues"]')), /Awaiting references \(\d+\)/)
    assert.ok(queue.querySelector(`a[href="/admin/applications/${id}"]`))
    const page = html((await s.get(`/admin/applications/${id}`)).body)
    const text = textOf(page.querySelector('main'))
    for (const answer of ['BSc (Hons) Adult Nursing', '12A3456E', 'Royal College of Nursing', 'Acme Case Management', 'Brain injury', 'Rob Referee', '001234567890'])
      assert.ok(text.includes(answer), answer)
    assert.match(text, /Not verified/)
    assert.match(textOf(page.querySelector('.eligibility')), /registration has not yet been verified/)
  })

  it('records a registration check, then approves: a membership number and the fee due by email', async () => {
    const { id, email } = await submittedApplication(t)
    const s = await reviewer()
    const page = html((await s.get(`/admin/applications/${id}`)).body)
    const regId = page.querySelector('form[action*="/registrations/"]')!.getAttribute('action')!.split('/')[5]!

    const early = await s.post(`/admin/applications/${id}/decision`, { decision: 'approve:case-manager', reason: '' })
    assert.equal(early.statusCode, 400)
    assert.match(errorsOf(early.body)[0]!, /not yet been verified/)

    const bad = await s.post(`/admin/applications/${id}/registrations/${regId}/verify`, { [`register-${regId}`]: 'NMC register', [`checked-${regId}-day`]: '40' })
    assert.equal(bad.statusCode, 400)
    const d = today()
    const verified = await s.post(`/admin/applications/${id}/registrations/${regId}/verify`, {
      [`register-${regId}`]: 'NMC online register',
      [`status-${regId}`]: 'Registered',
      [`checked-${regId}-day`]: d.day,
      [`checked-${regId}-month`]: d.month,
      [`checked-${regId}-year`]: d.year,
    })
    assert.equal(verified.headers.location, `/admin/applications/${id}?notice=verified`)
    const row = await t.db.selectFrom('application_registrations').select(['verified_status', 'verified_by', 'verified_register']).where('id', '=', regId).executeTakeFirstOrThrow()
    assert.deepEqual(row, { verified_status: 'Registered', verified_by: s.staff.id, verified_register: 'NMC online register' })

    smtp.received.length = 0
    const approved = await s.post(`/admin/applications/${id}/decision`, { decision: 'approve:case-manager', reason: '' })
    assert.equal(approved.headers.location, `/admin/applications/${id}?notice=approved`)
    const membership = await t.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['number', 'grade']).where('users.email', '=', email).executeTakeFirstOrThrow()
    assert.match(membership.number, /^CM\d{6}$/)
    assert.equal(membership.grade, 'case-manager')
    await t.runJobs()
    const mail = smtp.received.find((m) => m.to.includes(email) && m.subject === 'Your CMSUK membership application has been approved')!
    assert.match(mail.text, /The fee due to activate your membership is £75\.00 \(invoice INV-\d{6}\)/)
    assert.match(mail.text, new RegExp(`Your membership number is ${membership.number}`))
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'application_%').execute()
    assert.ok(audit.some((a) => a.action === 'application_approved'))
    const history = textOf(html((await s.get(`/admin/applications/${id}`)).body).querySelector('main'))
    assert.match(history, /approved by Rae Reviewer/)
  })

  it('asks for changes; the applicant edits and resubmits; staff reject with a reason', async () => {
    const { id, s: applicant, email } = await submittedApplication(t)
    const s = await reviewer()
    await s.get(`/admin/applications/${id}`)
    const missing = await s.post(`/admin/applications/${id}/decision`, { decision: 'changes', reason: '' })
    assert.deepEqual(errorsOf(missing.body), ['List the changes the applicant needs to make'])
    await s.post(`/admin/applications/${id}/decision`, { decision: 'changes', reason: 'Please add your postgraduate certificate.' })
    await t.runJobs()
    assert.ok(smtp.received.some((m) => m.to.includes(email) && m.subject === 'Please update your CMSUK membership application'))

    const check = html((await applicant.get('/apply/check')).body)
    assert.match(textOf(check.querySelector('main')), /Please add your postgraduate certificate/)
    await applicant.get('/apply/qualifications')
    await applicant.post('/apply/qualifications', { title: 'PG Cert Case Management', level: 'postgraduate', awardingBody: 'University of Leeds', year: '2020', clinical: 'no' })
    await applicant.get('/apply/check')
    assert.equal((await applicant.post('/apply/submit', {})).headers.location, '/apply/submitted')
    assert.equal((await t.db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'submitted')

    await s.post(`/admin/applications/${id}/decision`, { decision: 'reject', reason: 'Your registration could not be found on the NMC register.' })
    await t.runJobs()
    const mail = smtp.received.find((m) => m.to.includes(email) && m.subject === 'Your CMSUK membership application')!
    assert.match(mail.text, /could not be found on the NMC register/)
    assert.match(textOf(html((await applicant.get('/apply/status')).body).querySelector('main')), /Not approved/)
    const again = await s.post(`/admin/applications/${id}/decision`, { decision: 'reject', reason: 'x' })
    assert.equal(again.statusCode, 400, 'a decided application cannot be decided twice')
    assert.deepEqual(errorsOf(again.body), ['Only a submitted application can be decided.'])
  })

  it('lets an approved Associate apply to upgrade with their experience, and staff approve it as Case Manager', async () => {
    const { id, s: member, email } = await submittedApplication(t, '12', 'associate')
    const s = await reviewer()
    const page = html((await s.get(`/admin/applications/${id}`)).body)
    const regId = page.querySelector('form[action*="/registrations/"]')!.getAttribute('action')!.split('/')[5]!
    const d = today()
    await s.post(`/admin/applications/${id}/registrations/${regId}/verify`, {
      [`register-${regId}`]: 'NMC online register',
      [`status-${regId}`]: 'Registered',
      [`checked-${regId}-day`]: d.day,
      [`checked-${regId}-month`]: d.month,
      [`checked-${regId}-year`]: d.year,
    })
    const asCaseManager = await s.post(`/admin/applications/${id}/decision`, { decision: 'approve:case-manager', reason: 'Promote' })
    assert.match(errorsOf(asCaseManager.body)[0]!, /Case Manager needs 24 months/)
    assert.equal((await s.post(`/admin/applications/${id}/decision`, { decision: 'approve:associate', reason: '' })).statusCode, 303)
    // The Associate pays and becomes active, so an upgrade happens mid-term.
    const joining = await t.db.selectFrom('invoices').innerJoin('users', 'users.id', 'invoices.user_id').select(['invoices.id', 'invoices.total_pence']).where('users.email', '=', email).executeTakeFirstOrThrow()
    assert.equal(joining.total_pence, 6000)
    await recordLedgerEntry(t.db, t.config, { invoiceId: joining.id, kind: 'payment', method: 'bacs', amountPence: 6000, receivedOn: new Date().toISOString().slice(0, 10), externalRef: `UP-${id}`, payer: '', note: '', actorId: null })

    const account = html((await member.get('/account')).body)
    assert.match(textOf(account.querySelector('main')), /Type of membership\s*Associate/)
    assert.equal((await member.post('/apply/upgrade', {})).headers.location, '/apply/work-history')
    await member.get('/apply/work-history')
    await member.post('/apply/work-history', { employer: 'Second Co', role: 'Case manager', 'from-month': '1', 'from-year': '2016', 'to-month': '12', 'to-year': '2017', cmMonths: '20', cmHours: '' })
    await member.get('/apply/declarations')
    await member.post('/apply/declarations', { truthful: 'yes', dataUse: 'yes' })
    const check = await member.get('/apply/check')
    assert.equal((await member.post('/apply/submit', {})).headers.location, '/apply/submitted', errorsOf(check.body).join('; '))

    const upgrade = await t.db.selectFrom('applications').select(['id', 'kind', 'grade']).where('kind', '=', 'upgrade').where('status', '=', 'submitted').executeTakeFirstOrThrow()
    assert.equal(upgrade.grade, 'case-manager')
    await s.get(`/admin/applications/${upgrade.id}`)
    const approved = await s.post(`/admin/applications/${upgrade.id}/decision`, { decision: 'approve:case-manager', reason: '' })
    assert.equal(approved.headers.location, `/admin/applications/${upgrade.id}?notice=approved`)
    const membership = await t.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['grade', 'memberships.id']).where('users.email', '=', email).executeTakeFirstOrThrow()
    assert.equal(membership.grade, 'case-manager')
    // Rule 8: the difference for the rest of the term (all of it, since the term began today): £75 − £60.
    const upgradeInvoice = await t.db.selectFrom('invoices').select(['id', 'total_pence']).where('membership_id', '=', membership.id).where('kind', '=', 'upgrade').executeTakeFirstOrThrow()
    assert.equal(upgradeInvoice.total_pence, 1500)
    await recordLedgerEntry(t.db, t.config, { invoiceId: upgradeInvoice.id, kind: 'payment', method: 'bacs', amountPence: 1500, receivedOn: new Date().toISOString().slice(0, 10), externalRef: `UP2-${id}`, payer: '', note: '', actorId: null })
    const terms = await t.db.selectFrom('membership_terms').select('id').where('membership_id', '=', membership.id).execute()
    assert.equal(terms.length, 1, 'paying the difference buys no new term')
  })

  it('gives Supporters no way to a practising grade but a full application (rule 7)', async () => {
    const supporter = await createUser(t.db, t.config)
    await t.db.insertInto('memberships').values({ user_id: supporter.id, number: 'CM999001', grade: 'supporter', application_id: null }).execute()
    const s = browserSession(t.app)
    await s.signIn(supporter)
    const account = html((await s.get('/account')).body)
    assert.equal(account.querySelector('form[action="/apply/upgrade"]'), null)
    await s.get('/account')
    assert.equal((await s.post('/apply/upgrade', {})).headers.location, '/account?notice=upgrade-refused')
  })
})
