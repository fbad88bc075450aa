import assert from 'node:assert/strict'
import { beforeEach, describe, it } from 'node:test'
import { browserSession, createTestApp, html, textOf } from '../../../test/support/app.ts'
import { useTestAppAndSmtp } from '../../../test/support/suite.ts'

const { t, smtp } = useTestAppAndSmtp({ OFFICE_EMAIL: 'office@example.org' })
beforeEach(async () => {
  await t.db.deleteFrom('callback_requests').execute()
  await t.db.deleteFrom('email_messages').execute()
  smtp.received.length = 0
})

const answers = {
  name: 'Ann Smith',
  phone: '01632 960 001',
  email: 'ann@example.com',
  bestTime: 'afternoon',
  about: 'I would like to join as an Associate',
}

/** Each test comes from its own address, so the per-IP limit of one test does not touch another. */
let ip = 1
const visitor = () => {
  const session = browserSession(t.app)
  const address = `192.0.2.${ip++}`
  return {
    get: (url: string) => session.get(url),
    post: (url: string, form: Record<string, string>, options?: { csrf?: string | null }) =>
      session.postFrom(address, url, form, options),
  }
}

describe('Request a Callback', () => {
  it('shows the form with every field labelled and a sentence on how the details are used', async () => {
    const doc = html((await visitor().get('/request-a-callback')).body)
    for (const id of ['name', 'phone', 'email', 'about']) assert.ok(doc.querySelector(`label[for=${id}]`), id)
    assert.equal(textOf(doc.querySelector('fieldset legend')), 'When is the best time to call you?')
    assert.match(textOf(doc.querySelector('.privacy-note')), /We use these details only to call you back/)
    assert.equal(doc.querySelector('form')?.getAttribute('novalidate'), '')
  })

  it('stores a valid request, confirms what happens next and emails the office', async () => {
    const v = visitor()
    await v.get('/request-a-callback')
    const res = await v.post('/request-a-callback', answers)
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/request-a-callback/thank-you')

    const thanks = html((await v.get('/request-a-callback/thank-you')).body)
    assert.equal(textOf(thanks.querySelector('h1')), 'Callback requested')
    assert.match(textOf(thanks.querySelector('main')), /What happens next/)

    const rows = await t.db.selectFrom('callback_requests').selectAll().execute()
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.name, 'Ann Smith')
    assert.equal(rows[0]!.best_time, 'afternoon')
    assert.equal(rows[0]!.status, 'new')

    await t.runJobs()
    assert.equal(smtp.received.length, 1)
    const mail = smtp.received[0]!
    assert.deepEqual(mail.to, ['office@example.org'])
    assert.equal(mail.subject, 'Callback request from Ann Smith')
    assert.equal(mail.replyTo, 'ann@example.com')
    assert.match(mail.text, /Phone: 01632 960 001/)
    assert.match(mail.text, /Best time to call: Afternoon \(12pm to 5pm\)/)
    assert.match(mail.html, /Callback request from Ann Smith/)
    const stored = await t.db.selectFrom('email_messages').select(['status', 'attempts']).executeTakeFirstOrThrow()
    assert.deepEqual(stored, { status: 'sent', attempts: 1 })
  })

  it('answers wrong input with status 400, an error summary linking to each field, and every answer kept', async () => {
    const v = visitor()
    await v.get('/request-a-callback')
    const res = await v.post('/request-a-callback', { name: 'Ann Smith', phone: 'abc', email: 'ann@', about: '' })
    assert.equal(res.statusCode, 400)
    const doc = html(res.body)
    assert.match(textOf(doc.querySelector('title')), /^Error: /)
    const summary = doc.querySelectorAll('.error-summary a').map((a) => [a.getAttribute('href'), textOf(a)])
    assert.deepEqual(summary, [
      ['#phone', 'Enter a phone number using only numbers, spaces, brackets, dashes and a leading +'],
      ['#email', 'Enter an email address in the correct format, like name@example.com'],
      ['#bestTime', 'Select the best time to call you'],
      ['#about', 'Tell us what you would like to talk about'],
    ])
    for (const [href] of summary) assert.ok(doc.querySelector(href!), `${href} exists`)
    assert.equal(textOf(doc.querySelector('#phone-error')), 'Error: Enter a phone number using only numbers, spaces, brackets, dashes and a leading +')
    assert.match(doc.querySelector('#phone')!.getAttribute('aria-describedby')!, /phone-error/)
    assert.equal(doc.querySelector('#name')?.getAttribute('value'), 'Ann Smith')
    assert.equal(doc.querySelector('#phone')?.getAttribute('value'), 'abc')
    assert.equal(doc.querySelector('#email')?.getAttribute('value'), 'ann@')
    assert.equal(await t.db.selectFrom('callback_requests').select('id').execute().then((r) => r.length), 0)
  })

  it('keeps a chosen radio and a long message when another field is wrong', async () => {
    const v = visitor()
    await v.get('/request-a-callback')
    const res = await v.post('/request-a-callback', { ...answers, name: '', about: 'Line one\nLine <two>' })
    const doc = html(res.body)
    assert.equal(doc.querySelector('input[value=afternoon]')?.getAttribute('checked'), '')
    assert.equal(doc.querySelector('#about')?.textContent, 'Line one\nLine <two>')
  })

  it('gives a bot that fills the hidden field the same confirmation, and keeps nothing', async () => {
    const v = visitor()
    await v.get('/request-a-callback')
    const res = await v.post('/request-a-callback', { ...answers, website: 'http://spam.example' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/request-a-callback/thank-you')
    assert.equal((await t.db.selectFrom('callback_requests').select('id').execute()).length, 0)
    assert.equal((await t.db.selectFrom('email_messages').select('id').execute()).length, 0)
  })

  it('limits each address to 5 requests in 15 minutes', async () => {
    const v = visitor()
    await v.get('/request-a-callback')
    for (let i = 0; i < 5; i++) assert.equal((await v.post('/request-a-callback', answers)).statusCode, 303)
    const res = await v.post('/request-a-callback', answers)
    assert.equal(res.statusCode, 429)
    assert.equal(textOf(html(res.body).querySelector('h1')), 'Too many attempts')
    assert.equal((await t.db.selectFrom('callback_requests').select('id').execute()).length, 5)
    // Another visitor is not affected.
    const other = visitor()
    await other.get('/request-a-callback')
    assert.equal((await other.post('/request-a-callback', answers)).statusCode, 303)
  })

  it('refuses a post without the CSRF token, or with a wrong one, with a 403 page and changes nothing', async () => {
    const v = visitor()
    await v.get('/request-a-callback')
    for (const csrf of [null, 'forged-token']) {
      const res = await v.post('/request-a-callback', answers, { csrf })
      assert.equal(res.statusCode, 403)
      assert.equal(textOf(html(res.body).querySelector('h1')), 'You cannot do that')
      assert.match(textOf(html(res.body).querySelector('main')), /This form has expired/)
    }
    // A post from a visitor who never loaded the form (no cookie at all).
    const res = await t.app.inject({
      method: 'POST',
      url: '/request-a-callback',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(answers).toString(),
    })
    assert.equal(res.statusCode, 403)
    assert.equal((await t.db.selectFrom('callback_requests').select('id').execute()).length, 0)
  })

  it('keeps the email and retries when SMTP is down, and sends it when SMTP is back', async () => {
    const v = visitor()
    await v.get('/request-a-callback')
    smtp.setFailing(true)
    assert.equal((await v.post('/request-a-callback', answers)).statusCode, 303)
    await t.runJobs()
    assert.equal(smtp.received.length, 0)
    const queued = await t.db.selectFrom('email_messages').select(['status', 'attempts', 'last_error']).executeTakeFirstOrThrow()
    assert.equal(queued.status, 'queued')
    assert.equal(queued.attempts, 1)
    assert.doesNotMatch(queued.last_error ?? '', /@/)

    smtp.setFailing(false)
    // The queue retries with backoff; make the retry due now.
    await t.retryJobsNow(() => smtp.received.length > 0)
    assert.equal(smtp.received.length, 1)
    assert.equal((await t.db.selectFrom('email_messages').select('status').executeTakeFirstOrThrow()).status, 'sent')
  })
})

describe('offline mail', () => {
  it('keeps the office email at /dev/mail when no SMTP server is set', async () => {
    const offline = await createTestApp()
    try {
      const session = browserSession(offline.app)
      await session.get('/request-a-callback')
      await session.post('/request-a-callback', answers)
      await offline.runJobs()
      const list = html((await offline.app.inject('/dev/mail')).body)
      const link = list.querySelector('main table a')
      assert.equal(textOf(link), 'Callback request from Ann Smith')
      assert.match(textOf(list.querySelector('main table')), /info@cmsuk\.org.*captured/)
      const message = html((await offline.app.inject(link!.getAttribute('href')!)).body)
      assert.match(textOf(message.querySelector('.mail-body')), /I would like to join as an Associate/)
    } finally {
      await offline.close()
    }
  })

  it('does not exist in production', async () => {
    const production = await createTestApp({
      NODE_ENV: 'production',
      SESSION_SECRET: 'p'.repeat(40),
      SMTP_URL: 'smtp://127.0.0.1:1',
      PAYPAL_CLIENT_ID: 'x',
      PAYPAL_CLIENT_SECRET: 'y',
      PAYPAL_API_BASE: 'https://api-m.paypal.com',
      PAYPAL_WEBHOOK_ID: 'WH-1',
      PUBLIC_BASE_URL: 'https://members.example.org',
    })
    try {
      assert.equal((await production.app.inject('/dev/mail')).statusCode, 404)
    } finally {
      await production.close()
    }
  })
})
