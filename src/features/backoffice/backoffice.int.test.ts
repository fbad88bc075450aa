import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { browserSession, createTestApp, html, type TestApp, textOf } from '../../../test/support/app.ts'
import { createUser, currentCode, type TestUser } from '../../../test/support/factories.ts'
import { linkIn, startSmtpSink } from '../../../test/support/smtp-sink.ts'

let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
let admin: TestUser
before(async () => {
  smtp = await startSmtpSink()
  t = await createTestApp({ SMTP_URL: smtp.url })
  admin = await createUser(t.db, t.config, { name: 'Ada Admin', roles: ['office', 'admin'] })
})
after(async () => {
  await t.close()
  await smtp.close()
})

/** A fresh administrator each time: a two-factor code works once, so one person cannot sign in twice in 30 seconds. */
const signedInAdmin = async () => {
  const person = await createUser(t.db, t.config, { name: 'Ada Admin', roles: ['office', 'admin'] })
  const s = browserSession(t.app)
  await s.signIn(person, () => currentCode(person))
  return Object.assign(s, { person })
}

describe('back office', () => {
  it('sends staff to the dashboard after sign-in, with a count of new callbacks', async () => {
    await t.db.insertInto('callback_requests').values({ name: 'Cal Back', phone: '01632 960 001', email: null, best_time: 'any', about: 'Fees' }).execute()
    const s = browserSession(t.app)
    const res = await s.signIn(admin, () => currentCode(admin))
    assert.equal(res.headers.location, '/admin')
    const doc = html((await s.get('/admin')).body)
    assert.match(textOf(doc.querySelector('main')), /1 new request to call back/)
    assert.ok(doc.querySelector('header a[href="/admin"]'), 'the header links to the back office')
  })

  it('lists callback requests by status and lets staff mark them with a note', async () => {
    const { id } = await t.db
      .insertInto('callback_requests')
      .values({ name: 'Nina Note', phone: '07700 900 982', email: 'nina@example.org', best_time: 'morning', about: 'Renewal' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const s = await signedInAdmin()
    const list = html((await s.get('/admin/callbacks')).body)
    assert.match(textOf(list.querySelector('main')), /Nina Note/)
    assert.match(textOf(list.querySelector('nav[aria-label="Callback status"]')), /New \(\d+\)/)
    const res = await s.post(`/admin/callbacks/${id}`, { [`status-${id}`]: 'called', [`note-${id}`]: 'Left a voicemail' })
    assert.equal(res.headers.location, '/admin/callbacks?status=called&updated=1')
    const called = html((await s.get(res.headers.location!)).body)
    assert.match(textOf(called.querySelector('main')), /Nina Note/)
    assert.equal(called.querySelector(`#note-${id}`)?.textContent, 'Left a voicemail')
    const row = await t.db.selectFrom('callback_requests').select(['status', 'staff_note']).where('id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual(row, { status: 'called', staff_note: 'Left a voicemail' })
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'callback_updated').execute()
    assert.deepEqual(audit, [{ action: 'callback_updated', actor_id: s.person.id }])
  })

  it('invites staff by email; they choose a password and must set up two-factor', async () => {
    const s = await signedInAdmin()
    await s.get('/admin/staff')
    const bad = await s.post('/admin/staff', { name: '', email: 'x', roles: [] })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(html(bad.body).querySelectorAll('.error-summary a').map((a) => a.getAttribute('href')), ['#name', '#email', '#roles'])

    const email = `new-staff-${Date.now()}@example.org`
    const res = await s.post('/admin/staff', { name: 'Sam Staff', email, roles: ['office'] })
    assert.equal(res.headers.location, '/admin/staff?notice=invited')
    assert.match(textOf(html((await s.get('/admin/staff')).body).querySelector('main')), /Sam Staff Invited/)
    await t.runJobs()
    const invite = smtp.received.find((m) => m.to.includes(email))
    assert.equal(invite?.subject, 'You have been invited to the back office')
    const link = linkIn(invite, '/set-password?token=')

    const newcomer = browserSession(t.app)
    assert.equal(textOf(html((await newcomer.get(link)).body).querySelector('h1')), 'Choose your password')
    const set = await newcomer.post(link, { password: 'copper meadow violin', confirm: 'copper meadow violin' })
    assert.equal(set.headers.location, '/account/two-factor?required=staff')
    const blocked = await newcomer.get('/admin')
    assert.equal(blocked.headers.location, '/account/two-factor?required=staff')
    const setup = html((await newcomer.get('/account/two-factor?required=staff')).body)
    assert.match(textOf(setup.querySelector('main')), /Staff must turn on two-factor authentication/)
  })

  it('changes roles, audits it, and never removes the last administrator', async () => {
    const office = await createUser(t.db, t.config, { roles: ['office'] })
    const s = await signedInAdmin()
    await s.get('/admin/staff')
    assert.equal((await s.post(`/admin/staff/${office.id}/roles`, { roles: ['office', 'admin'] })).headers.location, '/admin/staff?notice=roles')
    const after = await t.db.selectFrom('users').select('roles').where('id', '=', office.id).executeTakeFirstOrThrow()
    assert.deepEqual(after.roles, ['office', 'admin'])
    const page = html((await s.get('/admin/staff')).body)
    assert.ok(page.querySelector(`#roles-${office.id}-admin`)?.hasAttribute('checked'), 'the page shows the new role ticked')
    await s.post(`/admin/staff/${office.id}/roles`, { roles: ['office'] })

    const others = await t.db.selectFrom('users').select('id').where(sql<boolean>`'admin' = any(roles)`).where('id', '<>', s.person.id).execute()
    for (const o of others) await t.db.updateTable('users').set({ roles: ['office'] }).where('id', '=', o.id).execute()
    assert.equal((await s.post(`/admin/staff/${s.person.id}/roles`, { roles: ['office'] })).headers.location, '/admin/staff?notice=last-admin')
    const audit = await t.db.selectFrom('audit_log').select('detail').where('action', '=', 'roles_changed').where('subject_id', '=', office.id).execute()
    assert.equal(audit.length, 2)
  })

  it('shows failed emails with a retry button that queues them again', async () => {
    smtp.setFailing(true)
    const { id } = await t.db
      .insertInto('email_messages')
      .values({ to_address: 'someone@example.org', subject: 'Stuck', text_body: 'x', html_body: 'x', template: 'test', status: 'failed', attempts: 10, last_error: '421 Service unavailable', reply_to: null, sent_at: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    const s = await signedInAdmin()
    const page = html((await s.get('/admin/emails')).body)
    assert.match(textOf(page.querySelector('main')), /Stuck/)
    assert.match(textOf(page.querySelector('main')), /421 Service unavailable/)
    smtp.setFailing(false)
    const res = await s.post(`/admin/emails/${id}/retry`, {})
    assert.equal(res.headers.location, '/admin/emails?status=queued&retried=1')
    await t.runJobs()
    assert.ok(smtp.received.some((m) => m.subject === 'Stuck'))
    assert.equal((await t.db.selectFrom('email_messages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'sent')
  })

  it('shows the audit log to administrators, without secrets', async () => {
    const s = await signedInAdmin()
    const doc = html((await s.get('/admin/audit')).body)
    const text = textOf(doc.querySelector('table'))
    assert.match(text, /sign in/)
    assert.doesNotMatch(text, new RegExp(s.person.password))
  })
})
