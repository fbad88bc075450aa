import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { browserSession, createTestApp, html, type TestApp, textOf } from '../../../test/support/app.ts'
import { createUser, type TestUser } from '../../../test/support/factories.ts'
import { linkIn, startSmtpSink } from '../../../test/support/smtp-sink.ts'
import { createAccount } from './create-account.ts'

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
  member = await createUser(t.db, t.config, { name: 'Amy Account' })
  smtp.received.length = 0
})

describe('your account', () => {
  it('asks an anonymous visitor to sign in', async () => {
    const res = await t.app.inject('/account')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/login?next=%2Faccount')
  })

  it('changes the password only with the current one, and signs out the other sessions', async () => {
    const other = browserSession(t.app)
    await other.signIn(member)
    const s = browserSession(t.app)
    await s.signIn(member)
    await s.get('/account/password')
    const wrong = await s.post('/account/password', { current: 'nope', password: 'violet harbour lantern', confirm: 'violet harbour lantern' })
    assert.equal(wrong.statusCode, 400)
    assert.match(textOf(html(wrong.body).querySelector('.error-summary')), /Your current password is not right/)
    const ok = await s.post('/account/password', { current: member.password, password: 'violet harbour lantern', confirm: 'violet harbour lantern' })
    assert.equal(ok.headers.location, '/account?notice=password-changed')
    assert.equal((await s.get('/account')).statusCode, 200, 'this session stays')
    assert.equal((await other.get('/account')).statusCode, 303, 'the other one ends')
    await t.runJobs()
    assert.deepEqual(smtp.received.map((m) => m.subject), ['Your password has been changed'])
  })

  it('changes the email after a link to the new address, with a notice to the old one', async () => {
    const s = browserSession(t.app)
    await s.signIn(member)
    await s.get('/account/email')
    const taken = await createUser(t.db, t.config)
    const refused = await s.post('/account/email', { email: taken.email, password: member.password })
    assert.match(textOf(html(refused.body).querySelector('.error-summary')), /Another account uses that email address/)
    const newEmail = `new-${Date.now()}@example.org`
    const res = await s.post('/account/email', { email: newEmail.toUpperCase(), password: member.password })
    assert.equal(res.headers.location, '/account?notice=email-sent')
    await t.runJobs()
    const toNew = smtp.received.find((m) => m.to.includes(newEmail))
    const toOld = smtp.received.find((m) => m.to.includes(member.email))
    assert.equal(toNew?.subject, 'Confirm your new email address')
    assert.equal(toOld?.subject, 'Your email address is being changed')
    assert.equal((await t.db.selectFrom('users').select('email').where('id', '=', member.id).executeTakeFirstOrThrow()).email, member.email)

    const done = await s.get(linkIn(toNew, '/confirm-email?token='))
    assert.equal(done.statusCode, 200)
    assert.equal(textOf(html(done.body).querySelector('h1')), 'Email address changed')
    assert.equal((await t.db.selectFrom('users').select('email').where('id', '=', member.id).executeTakeFirstOrThrow()).email, newEmail)
    await browserSession(t.app).signIn({ email: newEmail, password: member.password })
  })

  it('lists signed-in sessions and signs out the others', async () => {
    const other = browserSession(t.app)
    await other.signIn(member)
    const s = browserSession(t.app)
    await s.signIn(member)
    const page = html((await s.get('/account/sessions')).body)
    assert.equal(page.querySelectorAll('tbody tr').length, 2)
    assert.match(textOf(page.querySelector('tbody')), /This browser/)
    await s.post('/account/sessions/sign-out-others', {})
    assert.equal((await other.get('/account')).statusCode, 303)
    assert.equal(html((await s.get('/account/sessions')).body).querySelectorAll('tbody tr').length, 1)
  })

  it('createAccount sends a verification link, refuses a second account for the same address', async () => {
    const email = `applicant-${Date.now()}@example.org`
    const created = await createAccount(t.db, t.config, { email, name: 'Ann Applicant', password: 'violet harbour lantern' })
    assert.ok(created.ok)
    assert.deepEqual(await createAccount(t.db, t.config, { email: email.toUpperCase(), name: 'Again', password: 'violet harbour lantern' }), { ok: false, reason: 'email_taken' })

    const s = browserSession(t.app)
    await s.signIn({ email, password: 'violet harbour lantern' })
    assert.match(textOf(html((await s.get('/account')).body).querySelector('main')), /Confirm your email address/)
    await t.runJobs()
    const mail = smtp.received.find((m) => m.to.includes(email))
    assert.equal(mail?.subject, 'Confirm your email address')
    const res = await s.get(linkIn(mail, '/verify-email?token='))
    assert.equal(textOf(html(res.body).querySelector('h1')), 'Email address confirmed')
    assert.doesNotMatch(textOf(html((await s.get('/account')).body).querySelector('main')), /Confirm your email address/)
  })
})
