import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { browserSession, createTestApp, html, type TestApp, textOf } from '../../../test/support/app.ts'
import { createUser, type TestUser } from '../../../test/support/factories.ts'
import { startSmtpSink } from '../../../test/support/smtp-sink.ts'
import { hashToken } from '../../platform/crypto.ts'

let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
let member: TestUser
before(async () => {
  smtp = await startSmtpSink()
  t = await createTestApp({ SMTP_URL: smtp.url })
  member = await createUser(t.db, t.config, { name: 'Mary Member' })
})
after(async () => {
  await t.close()
  await smtp.close()
})
beforeEach(async () => {
  await t.db.deleteFrom('sign_in_failures').execute()
  smtp.received.length = 0
})

describe('sign in', () => {
  it('the Login link leads to a sign-in form with a Forgotten your password link', async () => {
    const doc = html((await t.app.inject('/login')).body)
    assert.equal(textOf(doc.querySelector('h1')), 'Sign in')
    assert.equal(doc.querySelector('#email')?.getAttribute('autocomplete'), 'email')
    assert.equal(doc.querySelector('#password')?.getAttribute('type'), 'password')
    assert.equal(doc.querySelector('a[href="/forgot-password"]')?.textContent, 'Forgotten your password?')
  })

  it('signs in, then the header shows the name, Your account and Sign out', async () => {
    const s = browserSession(t.app)
    const res = await s.signIn(member)
    assert.equal(res.headers.location, '/account?notice=welcome')
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('session='))!
    assert.match(cookie, /HttpOnly/)
    assert.match(cookie, /SameSite=Lax/)
    assert.doesNotMatch(cookie, /Secure/)
    const doc = html((await s.get('/account')).body)
    const header = doc.querySelector('header .header-account')!
    assert.match(textOf(header), /Mary Member/)
    assert.equal(header.querySelector('a[href="/account"]')?.textContent, 'Your account')
    assert.equal(textOf(header.querySelector('form[action="/logout"] button')), 'Sign out')
    assert.equal(header.querySelector('a[href="/login"]'), null)
  })

  it('stores only a hash of the session token', async () => {
    const s = browserSession(t.app)
    await s.signIn(member)
    const token = s.cookies.get('session')!
    const rows = await t.db.selectFrom('sessions').select('token_hash').where('user_id', '=', member.id).execute()
    assert.ok(rows.some((r) => r.token_hash === hashToken(token)))
    assert.ok(rows.every((r) => r.token_hash !== token))
  })

  it('answers a wrong password and an unknown email with the same message', async () => {
    const s = browserSession(t.app)
    await s.get('/login')
    const wrongPassword = await s.post('/login', { email: member.email, password: 'not the password' })
    const unknownEmail = await s.post('/login', { email: 'nobody@example.org', password: 'not the password' })
    assert.equal(wrongPassword.statusCode, 400)
    assert.equal(unknownEmail.statusCode, 400)
    const message = (body: string) => textOf(html(body).querySelector('.error-summary'))
    assert.equal(message(wrongPassword.body), message(unknownEmail.body))
    assert.match(message(wrongPassword.body), /one of them is not right/)
    assert.equal(html(wrongPassword.body).querySelector('#email')?.getAttribute('value'), member.email)
    assert.equal(html(wrongPassword.body).querySelector('#password')?.getAttribute('value'), '')
  })

  it('validates the form before checking anything', async () => {
    const s = browserSession(t.app)
    await s.get('/login')
    const res = await s.post('/login', { email: 'not-an-email', password: '' })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(html(res.body).querySelectorAll('.error-summary a').map(textOf), [
      'Enter an email address in the correct format, like name@example.com',
      'Enter your password',
    ])
  })

  it('issues a new session token at sign-in, so a planted cookie is worthless', async () => {
    const s = browserSession(t.app)
    s.cookies.set('session', 'planted-by-an-attacker')
    await s.signIn(member)
    assert.notEqual(s.cookies.get('session'), 'planted-by-an-attacker')
    const first = s.cookies.get('session')
    await s.signIn(member)
    assert.notEqual(s.cookies.get('session'), first)
    const stale = await t.app.inject({ url: '/account', headers: { cookie: `session=${first}` } })
    assert.equal(stale.statusCode, 303, 'the earlier token of this browser no longer works')
  })

  it('signing out ends the session on the server', async () => {
    const s = browserSession(t.app)
    await s.signIn(member)
    const token = s.cookies.get('session')!
    await s.get('/account')
    const res = await s.post('/logout', {})
    assert.equal(res.headers.location, '/login?notice=signed-out')
    const reuse = await t.app.inject({ url: '/account', headers: { cookie: `session=${token}` } })
    assert.equal(reuse.statusCode, 303)
    assert.equal(reuse.headers.location, '/login?next=%2Faccount')
  })

  it('refuses a sign-in post without a CSRF token', async () => {
    const s = browserSession(t.app)
    await s.get('/login')
    const res = await s.post('/login', { email: member.email, password: member.password }, { csrf: null })
    assert.equal(res.statusCode, 403)
    assert.equal(s.cookies.get('session'), undefined)
  })

  it('returns to the page that asked for sign-in, but never to another site', async () => {
    const asked = await t.app.inject('/account/sessions')
    assert.equal(asked.headers.location, '/login?next=%2Faccount%2Fsessions')
    const s = browserSession(t.app)
    await s.get('/login?next=%2Faccount%2Fsessions')
    const res = await s.post('/login?next=%2Faccount%2Fsessions', { email: member.email, password: member.password })
    assert.equal(res.headers.location, '/account/sessions')
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const other = browserSession(t.app)
      await other.get('/login')
      const r = await other.post(`/login?next=${encodeURIComponent(next)}`, { email: member.email, password: member.password })
      assert.equal(r.headers.location, '/account?notice=welcome', next)
    }
  })

  it('locks an account for 15 minutes after 5 failures, and tells the owner once', async () => {
    const victim = await createUser(t.db, t.config, { name: 'Victor Victim' })
    const s = browserSession(t.app)
    await s.get('/login')
    for (let i = 0; i < 5; i++) assert.equal((await s.post('/login', { email: victim.email, password: `guess ${i}` })).statusCode, 400)
    const locked = await s.post('/login', { email: victim.email, password: victim.password })
    assert.equal(locked.statusCode, 429)
    assert.match(textOf(html(locked.body).querySelector('.error-summary')), /Wait 15 minutes/)
    await s.post('/login', { email: victim.email, password: 'another guess' })

    await t.runJobs()
    const notices = smtp.received.filter((m) => m.to.includes(victim.email))
    assert.equal(notices.length, 1)
    assert.equal(notices[0]!.subject, 'Several failed attempts to sign in to your account')
    const actions = await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', victim.id).execute()
    assert.equal(actions.filter((a) => a.action === 'sign_in_failed').length, 5)
    assert.equal(actions.filter((a) => a.action === 'lockout').length, 1)

    // After the window the right password works again.
    await t.db.updateTable('sign_in_failures').set({ at: new Date(Date.now() - 16 * 60_000) }).execute()
    assert.equal((await s.post('/login', { email: victim.email, password: victim.password })).statusCode, 303)
  })

  it('locks unknown addresses the same way, so a lockout reveals nothing', async () => {
    const s = browserSession(t.app)
    await s.get('/login')
    for (let i = 0; i < 5; i++) await s.post('/login', { email: 'ghost@example.org', password: `guess ${i}` })
    assert.equal((await s.post('/login', { email: 'ghost@example.org', password: 'x' })).statusCode, 429)
  })

  it('ends a session after 2 hours without use, and 30 days after sign-in', async () => {
    const s = browserSession(t.app)
    await s.signIn(member)
    assert.equal((await s.get('/account')).statusCode, 200)
    const hash = hashToken(s.cookies.get('session')!)
    await t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 121 * 60_000) }).where('token_hash', '=', hash).execute()
    assert.equal((await s.get('/account')).statusCode, 303)

    await s.signIn(member)
    const second = hashToken(s.cookies.get('session')!)
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', second).execute()
    assert.equal((await s.get('/account')).statusCode, 303)
  })

  it('writes sign-ins to the audit log without passwords', async () => {
    const s = browserSession(t.app)
    await s.signIn(member)
    const rows = await t.db.selectFrom('audit_log').select(['action', 'detail']).where('subject_id', '=', member.id).execute()
    assert.ok(rows.some((r) => r.action === 'sign_in'))
    assert.doesNotMatch(JSON.stringify(rows), new RegExp(member.password))
  })
})
