import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { browserSession, html, textOf } from '../../../test/support/app.ts'
import { createUser, currentCode } from '../../../test/support/factories.ts'
import { secretBox } from '../../platform/crypto.ts'
import { totpAt } from './totp.ts'
import { useTestApp } from '../../../test/support/suite.ts'

const t = useTestApp()

describe('two-factor authentication', () => {
  it('enrols with a QR code and a first code, then shows 10 recovery codes once', async () => {
    const member = await createUser(t.db, t.config)
    const s = browserSession(t.app)
    await s.signIn(member)
    const setup = html((await s.get('/account/two-factor')).body)
    assert.equal(textOf(setup.querySelector('h1')), 'Set up two-factor authentication')
    assert.match(setup.querySelector('img.qr')!.getAttribute('src')!, /^data:image\/svg\+xml;base64,/)
    const shownKey = textOf(setup.querySelector('.secret')).replace(/\s/g, '')
    const stored = await t.db.selectFrom('users').select('totp_secret').where('id', '=', member.id).executeTakeFirstOrThrow()
    assert.notEqual(stored.totp_secret, shownKey, 'the secret is stored sealed, not as shown')
    assert.equal(secretBox(t.config.sessionSecret).open(stored.totp_secret!), shownKey)

    const wrong = await s.post('/account/two-factor', { code: '000000' })
    assert.equal(wrong.statusCode, 400)
    assert.match(textOf(html(wrong.body).querySelector('.error-summary')), /That code is not right/)
    const badFormat = await s.post('/account/two-factor', { code: '12ab' })
    assert.match(textOf(html(badFormat.body).querySelector('.error-summary')), /6-digit code/)

    const ok = await s.post('/account/two-factor', { code: totpAt(shownKey, Date.now() / 1000) })
    assert.equal(ok.statusCode, 200)
    const codes = html(ok.body).querySelectorAll('.code-list li').map(textOf)
    assert.equal(codes.length, 10)
    const status = html((await s.get('/account/two-factor')).body)
    assert.match(textOf(status.querySelector('main')), /You have 10 unused recovery codes/)
    assert.equal(html((await s.get('/account/two-factor')).body).querySelectorAll('.code-list li').length, 0, 'not shown again')
    const audit = await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', member.id).execute()
    assert.ok(audit.some((a) => a.action === 'two_factor_enabled'))
  })

  it('asks for a code at sign-in; a used code cannot be replayed', async () => {
    const member = await createUser(t.db, t.config, { twoFactor: true })
    const s = browserSession(t.app)
    await s.get('/login')
    const first = await s.post('/login', { email: member.email, password: member.password })
    assert.equal(first.headers.location, '/login/two-factor')
    assert.equal((await s.get('/account')).statusCode, 303, 'not signed in until the code is given')
    const page = html((await s.get('/login/two-factor')).body)
    assert.equal(textOf(page.querySelector('h1')), 'Enter your security code')
    const wrong = await s.post('/login/two-factor', { code: '123456' })
    assert.equal(wrong.statusCode, 400)
    const code = currentCode(member)
    const ok = await s.post('/login/two-factor', { code })
    assert.equal(ok.statusCode, 303)
    assert.equal((await s.get('/account')).statusCode, 200)

    const replay = browserSession(t.app)
    await replay.get('/login')
    await replay.post('/login', { email: member.email, password: member.password })
    await replay.get('/login/two-factor')
    assert.equal((await replay.post('/login/two-factor', { code })).statusCode, 400)
  })

  it('accepts each recovery code once', async () => {
    const member = await createUser(t.db, t.config, { twoFactor: true })
    const recovery = member.recoveryCodes![0]!
    const s = browserSession(t.app)
    await s.signIn(member, () => recovery.toUpperCase())
    assert.equal((await s.get('/account')).statusCode, 200)
    const again = browserSession(t.app)
    await again.get('/login')
    await again.post('/login', { email: member.email, password: member.password })
    await again.get('/login/two-factor')
    assert.equal((await again.post('/login/two-factor', { code: recovery })).statusCode, 400)
    assert.match(textOf(html((await s.get('/account/two-factor')).body).querySelector('main')), /You have 9 unused recovery codes/)
  })

  it('ends the half-signed-in session after 5 wrong codes', async () => {
    const member = await createUser(t.db, t.config, { twoFactor: true })
    const s = browserSession(t.app)
    await s.get('/login')
    await s.post('/login', { email: member.email, password: member.password })
    await s.get('/login/two-factor')
    for (let i = 0; i < 4; i++) assert.equal((await s.post('/login/two-factor', { code: '000000' })).statusCode, 400)
    const last = await s.post('/login/two-factor', { code: '000000' })
    assert.equal(last.headers.location, '/login?notice=two-factor-failed')
    assert.equal((await s.get('/login/two-factor')).headers.location, '/login')
  })

  it('a member can turn it off with their password; staff cannot', async () => {
    const member = await createUser(t.db, t.config, { twoFactor: true })
    const s = browserSession(t.app)
    await s.signIn(member, () => currentCode(member))
    await s.get('/account/two-factor')
    assert.equal((await s.post('/account/two-factor/disable', { password: 'wrong' })).statusCode, 400)
    assert.equal((await s.post('/account/two-factor/disable', { password: member.password })).headers.location, '/account?notice=two-factor-off')

    const staff = await createUser(t.db, t.config, { roles: ['office'] })
    const o = browserSession(t.app)
    await o.signIn(staff, () => currentCode(staff))
    const page = html((await o.get('/account/two-factor')).body)
    assert.match(textOf(page.querySelector('main')), /required for staff accounts/)
    assert.equal((await o.post('/account/two-factor/disable', { password: staff.password })).statusCode, 400)
  })
})
