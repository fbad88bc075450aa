import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { browserSession, createTestApp, html, type TestApp, textOf } from '../../../test/support/app.ts'
import { createUser, type TestUser } from '../../../test/support/factories.ts'
import { linkIn, startSmtpSink } from '../../../test/support/smtp-sink.ts'

let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
let member: TestUser
before(async () => {
  smtp = await startSmtpSink()
  t = await createTestApp({ SMTP_URL: smtp.url })
})
after(async () => {
  await t.close()
  await smtp.close()
})
beforeEach(async () => {
  member = await createUser(t.db, t.config, { name: 'Rita Reset' })
  smtp.received.length = 0
  smtp.setFailing(false)
})

const resetMails = () => smtp.received.filter((m) => m.subject === 'Choose a new password')

async function requestReset(email: string) {
  const s = browserSession(t.app)
  await s.get('/forgot-password')
  const res = await s.post('/forgot-password', { email })
  const page = await s.get(res.headers.location!)
  return { res, page }
}

describe('forgotten password', () => {
  it('answers known and unknown addresses in exactly the same way', async () => {
    const known = await requestReset(member.email)
    const unknown = await requestReset('nobody-here@example.org')
    assert.equal(known.res.statusCode, 303)
    assert.equal(known.res.headers.location, unknown.res.headers.location)
    const text = (body: string) => textOf(html(body).querySelector('main'))
    assert.equal(text(known.page.body), text(unknown.page.body))
    assert.match(text(known.page.body), /If an account exists for that address, we have sent a link/)
    assert.match(text(known.page.body), /Choose a new password/)

    await t.runJobs()
    assert.deepEqual(smtp.received.map((m) => m.to), [[member.email]])
  })

  it('sends a single-use 60-minute link that sets a new password, ends every other session and confirms', async () => {
    const elsewhere = browserSession(t.app)
    await elsewhere.signIn(member)

    await requestReset(member.email)
    await t.runJobs()
    const mail = resetMails()[0]!
    assert.match(mail.text, /works once, for 60 minutes/)
    const link = linkIn(mail, '/reset-password?token=')

    const s = browserSession(t.app)
    const form = await s.get(link)
    assert.equal(textOf(html(form.body).querySelector('h1')), 'Choose a new password')

    const weak = await s.post(link, { password: 'password123', confirm: 'password123' })
    assert.equal(weak.statusCode, 400)
    assert.match(textOf(html(weak.body).querySelector('.error-summary')), /harder to guess/)
    const mismatch = await s.post(link, { password: 'violet harbour lantern', confirm: 'violet harbour lanterns' })
    assert.match(textOf(html(mismatch.body).querySelector('.error-summary')), /The passwords do not match/)

    const done = await s.post(link, { password: 'violet harbour lantern', confirm: 'violet harbour lantern' })
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, '/account?notice=password-changed')
    const account = await s.get(done.headers.location!)
    assert.equal(account.statusCode, 200)
    assert.match(textOf(html(account.body).querySelector('main')), /Your password has been changed/)

    assert.equal((await elsewhere.get('/account')).statusCode, 303, 'the other session has ended')

    await t.runJobs()
    assert.ok(smtp.received.some((m) => m.subject === 'Your password has been changed'))

    const again = await browserSession(t.app).get(link)
    assert.equal(again.statusCode, 410)
    assert.match(textOf(html(again.body).querySelector('main')), /already been used/)
    assert.equal(html(again.body).querySelector('main a[href="/forgot-password"]')?.textContent, 'Ask for a new link')

    const signIn = browserSession(t.app)
    await signIn.signIn({ email: member.email, password: 'violet harbour lantern' })
  })

  it('explains an expired link and offers a new one', async () => {
    await requestReset(member.email)
    await t.runJobs()
    const link = linkIn(resetMails()[0], '/reset-password?token=')
    await t.db.updateTable('auth_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', member.id).execute()
    const res = await browserSession(t.app).get(link)
    assert.equal(res.statusCode, 410)
    assert.match(textOf(html(res.body).querySelector('main')), /This link has expired/)
    const bogus = await browserSession(t.app).get('/reset-password?token=not-a-token')
    assert.match(textOf(html(bogus.body).querySelector('main')), /not valid/)
  })

  it('gives the normal answer while SMTP is down, and the email arrives when it is back', async () => {
    smtp.setFailing(true)
    const { page } = await requestReset(member.email)
    assert.match(textOf(html(page.body).querySelector('main')), /If an account exists/)
    await t.runJobs()
    assert.equal(resetMails().length, 0)
    smtp.setFailing(false)
    await t.retryJobsNow(() => resetMails().length > 0)
    assert.equal(resetMails().length, 1)
  })

  it('a newer link replaces an older one', async () => {
    await requestReset(member.email)
    await t.runJobs()
    const first = linkIn(resetMails()[0], '/reset-password?token=')
    await requestReset(member.email)
    await t.runJobs()
    assert.equal((await browserSession(t.app).get(first)).statusCode, 410)
    assert.equal((await browserSession(t.app).get(linkIn(resetMails()[1], '/reset-password?token='))).statusCode, 200)
  })
})
