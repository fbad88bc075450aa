import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { browserSession, html, textOf } from '../../../test/support/app.ts'
import { errorsOf, fillPractisingAnswers, startApplicant } from '../../../test/support/applications.ts'
import { linkIn, } from '../../../test/support/smtp-sink.ts'
import { useTestAppAndSmtp } from '../../../test/support/suite.ts'

const { t, smtp } = useTestAppAndSmtp()

const applicant = (grade?: string, email?: string) => startApplicant(t, grade, email)

describe('the online application', () => {
  it('starts from Apply for Membership with what to have ready and the grades', async () => {
    const home = html((await t.app.inject('/')).body)
    assert.equal(home.querySelectorAll('a').find((a) => textOf(a) === 'Apply for Membership')?.getAttribute('href'), '/apply')
    const start = html((await t.app.inject('/apply')).body)
    const text = textOf(start.querySelector('main'))
    for (const item of ['qualifications', 'professional associations', 'two references', 'work history', 'indemnity insurance', 'DBS', 'CRB'])
      assert.ok(text.includes(item), item)
    assert.match(text, /Case Manager \(£75 per annum\)/)
    assert.equal(start.querySelector('a.button--start')?.getAttribute('href'), '/apply/grade')
  })

  it('creates the account with the Home details, refusing bad input and a second account', async () => {
    const { email } = await applicant()
    const s = browserSession(t.app)
    await s.get('/apply/account?grade=associate')
    const res = await s.post('/apply/account?grade=associate', { name: 'Again', email, password: 'password', addressLine1: '', town: '', postcode: 'XYZ', country: 'United Kingdom', phone: 'abc' })
    assert.equal(res.statusCode, 400)
    const errors = errorsOf(res.body)
    assert.ok(errors.some((e) => /harder to guess|10 characters/.test(e)))
    assert.ok(errors.includes('Enter the first line of your home address'))
    assert.ok(errors.some((e) => /real UK postcode/.test(e)))
    assert.equal(html(res.body).querySelector('#name')?.getAttribute('value'), 'Again')

    const taken = await s.post('/apply/account?grade=associate', { name: 'Again', email, password: 'juniper castle harvest', addressLine1: '2 Road', town: 'Leeds', postcode: 'LS1 1AA', country: 'United Kingdom', phone: '01632 960 009' })
    assert.match(errorsOf(taken.body)[0]!, /already an account with this email address. Sign in/)
  })

  it('explains eligibility all along: 23 months is not yet a Case Manager', async () => {
    const { s } = await applicant()
    await fillPractisingAnswers(s, '23')
    const check = html((await s.get('/apply/check')).body)
    assert.match(textOf(check.querySelector('.eligibility')), /Case Manager needs 24 months or 2,500 hours of case management experience; you have 23 months or 0 hours. You could apply as an Associate now/)
    assert.equal(check.querySelector('form[action="/apply/submit"]'), null, 'no submit until the grade fits')
  })

  it('validates each question with messages a person can act on', async () => {
    const { s } = await applicant()
    await s.get('/apply/registrations')
    const nmc = await s.post('/apply/registrations', { body: 'nmc', professionText: 'Nurse', number: '1234' })
    assert.deepEqual(errorsOf(nmc.body), ['An NMC PIN is 2 numbers, a letter, 4 numbers and a letter, like 12A3456E'])
    const work = await s.post('/apply/work-history', { employer: 'X', role: 'Y', 'from-month': '5', 'from-year': '2024', 'to-month': '1', 'to-year': '2024', cmMonths: '3' })
    assert.deepEqual(errorsOf(work.body), ['The end date must be after the start date'])
    const future = await s.post('/apply/record-check', { type: 'dbs', level: 'basic', number: '123', 'issued-day': '31', 'issued-month': '2', 'issued-year': '2024', updateService: 'no' })
    assert.ok(errorsOf(future.body).includes('A DBS certificate number is 12 numbers, like 001234567890'))
    assert.ok(errorsOf(future.body).includes('Enter the date of issue as a real date, like 14 6 2024'))
    await s.post('/apply/referees', { name: 'Me Myself', email: (await t.db.selectFrom('users').select('email').orderBy('created_at', 'desc').executeTakeFirstOrThrow()).email, phone: '01632 960 004', relationship: 'Self', kind: 'professional' }).then((r) =>
      assert.match(errorsOf(r.body)[0]!, /cannot be you/),
    )
    const clinical = await s.post('/apply/expertise', { expertise: ['burns'], regions: ['Wales'] })
    assert.match(errorsOf(clinical.body)[0]!, /Clinical areas of expertise need a clinical qualification and a registration/)
  })

  it('submits, emails the applicant and both referees, and a referee answers through the private link', async () => {
    const { s, email } = await applicant()
    await fillPractisingAnswers(s, '30')
    const check = await s.get('/apply/check')
    assert.equal(check.statusCode, 200)
    const doc = html(check.body)
    assert.match(textOf(doc.querySelector('.eligibility')), /meet the Case Manager criteria/)
    assert.ok(doc.querySelectorAll('.summary-list a').length >= 10, 'a Change link for every answer')
    // The email is not yet verified.
    assert.match(textOf(doc.querySelector('.error-summary')), /Confirm your email address/)

    await t.runJobs()
    await s.get(linkIn(smtp.received.find((m) => m.to.includes(email) && m.subject === 'Confirm your email address'), '/verify-email?token='))
    await s.get('/apply/check')
    const submitted = await s.post('/apply/submit', {})
    assert.equal(submitted.headers.location, '/apply/submitted')
    assert.match(textOf(html((await s.get('/apply/submitted')).body).querySelector('main')), /You do not pay anything until your application is approved/)

    await t.runJobs()
    const confirmation = smtp.received.find((m) => m.to.includes(email) && m.subject === 'We have your application')
    assert.match(confirmation!.text, /You do not pay anything until your application is approved/)
    const rob = smtp.received.find((m) => m.to.includes('rob@example.org'))!
    assert.equal(rob.subject, 'Reference request for Ann Applicant')
    assert.ok(smtp.received.some((m) => m.to.includes('pat@example.org')))

    const status = html((await s.get('/apply/status')).body)
    assert.match(textOf(status.querySelector('main')), /Being reviewed/)
    assert.equal(status.querySelectorAll('.tag--yellow').length, 2)
    assert.equal((await s.get('/apply/qualifications')).headers.location, '/apply/status', 'a submitted application cannot be edited')

    const link = linkIn(rob, '/reference?token=')
    const referee = browserSession(t.app)
    const form = html((await referee.get(link)).body)
    assert.equal(textOf(form.querySelector('h1')), 'Reference for Ann Applicant')
    const bad = await referee.post(link, { knownHow: '', duration: '3 years', comments: '' })
    assert.equal(bad.statusCode, 400)
    const good = await referee.post(link, { knownHow: 'I managed her at Acme', capacity: 'manager', duration: '4 years', comments: 'Excellent case manager.' })
    assert.equal(good.headers.location, '/reference/thank-you')
    assert.match(textOf(html((await referee.get(link)).body).querySelector('main')), /already sent/)
    assert.equal(html((await s.get('/apply/status')).body).querySelectorAll('.tag--green').length, 1)
  })
})
