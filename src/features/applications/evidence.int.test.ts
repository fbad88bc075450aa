import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { browserSession, html, textOf } from '../../../test/support/app.ts'
import { startApplicant, submittedApplication } from '../../../test/support/applications.ts'
import { createUser, currentCode } from '../../../test/support/factories.ts'
import { refereeRemindersTask } from './references.ts'
import { useTestAppAndSmtp } from '../../../test/support/suite.ts'

const { t, smtp } = useTestAppAndSmtp()

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 32), Buffer.from('\n%%EOF\n')])
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

async function upload(s: ReturnType<typeof browserSession>, filename: string, content: Buffer, type: string) {
  const page = html((await s.get('/apply/evidence')).body)
  const action = page.querySelector('form[enctype="multipart/form-data"]')!.getAttribute('action')!
  const boundary = '----cmsuk-test-boundary'
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return t.app.inject({
    method: 'POST',
    url: action,
    payload: body,
    remoteAddress: s.address,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  })
}

describe('evidence files', () => {
  it('accepts PDF and PNG files checked by their content, refuses a disguised or empty file', async () => {
    const { s } = await startApplicant(t)
    assert.equal((await upload(s, 'certificate.pdf', pdf, 'application/pdf')).statusCode, 303)
    assert.equal((await upload(s, 'badge.png', png, 'image/png')).statusCode, 303)
    const disguised = await upload(s, 'virus.pdf', Buffer.from('MZ this is really an executable'), 'application/pdf')
    assert.equal(disguised.statusCode, 400)
    assert.match(textOf(html(disguised.body).querySelector('.error-message')), /must be a PDF, JPEG or PNG/)
    const empty = await upload(s, 'empty.pdf', Buffer.alloc(0), 'application/pdf')
    assert.equal(empty.statusCode, 400)
    const list = html((await s.get('/apply/evidence')).body).querySelectorAll('.added-list a').map(textOf)
    assert.deepEqual(list, ['certificate.pdf', 'badge.png'])
  })

  it('refuses a file over 10 MB', async () => {
    const { s } = await startApplicant(t)
    const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024 + 10)])
    const res = await upload(s, 'huge.pdf', big, 'application/pdf')
    assert.equal(res.statusCode, 400)
    assert.match(textOf(html(res.body).querySelector('.error-message')), /smaller than 10 MB/)
  })

  it('refuses an upload without the CSRF token', async () => {
    const { s } = await startApplicant(t)
    const res = await t.app.inject({
      method: 'POST',
      url: '/apply/evidence',
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1\r\n--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b', cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    assert.equal(res.statusCode, 403)
  })

  it('lets only the applicant and staff download a file', async () => {
    const { s } = await startApplicant(t)
    await upload(s, 'certificate.pdf', pdf, 'application/pdf')
    const href = html((await s.get('/apply/evidence')).body).querySelector('.added-list a')!.getAttribute('href')!
    const own = await s.get(href)
    assert.equal(own.statusCode, 200)
    assert.equal(own.headers['content-type'], 'application/pdf')
    assert.match(String(own.headers['content-disposition']), /attachment; filename="certificate.pdf"/)
    assert.equal(own.rawPayload.subarray(0, 5).toString(), '%PDF-')

    const other = await startApplicant(t)
    assert.equal((await other.s.get(href)).statusCode, 404)
    assert.equal((await t.app.inject(href)).statusCode, 303, 'anonymous visitors are asked to sign in')
  })
})

describe('referee reminders', () => {
  it('reminds a referee once, a week after the request, and never twice', async () => {
    const { id } = await submittedApplication(t)
    await t.runJobs()
    await t.db.updateTable('application_referees').set({ invited_at: new Date(Date.now() - 8 * 86_400_000) }).where('application_id', '=', id).execute()
    smtp.received.length = 0
    const remind = refereeRemindersTask(t.db, t.config)
    await remind()
    await remind()
    await t.runJobs()
    const reminders = smtp.received.filter((m) => m.subject.startsWith('Reminder: reference request for'))
    assert.equal(reminders.length, 2, 'one for each of the two referees')
    assert.deepEqual(reminders.map((m) => m.to[0]).sort(), ['pat@example.org', 'rob@example.org'])
  })

  it('lets the applicant replace a referee who has not answered; the old link stops working', async () => {
    const { s, id } = await submittedApplication(t)
    await t.runJobs()
    const oldLink = smtp.received.filter((m) => m.to.includes('pat@example.org')).at(-1)!.text.match(/\/reference\?token=[\w-]+/)![0]
    const status = html((await s.get('/apply/status')).body)
    const replace = status.querySelectorAll('a').find((a) => /Replace/.test(textOf(a)) && /Pat/.test(textOf(a)))!.getAttribute('href')!
    await s.get(replace)
    const res = await s.post(replace, { name: 'Quinn New', email: 'quinn@example.org', phone: '01632 960 333', relationship: 'Colleague', kind: 'professional' })
    assert.equal(res.headers.location, '/apply/status?notice=replaced')
    await t.runJobs()
    assert.ok(smtp.received.some((m) => m.to.includes('quinn@example.org') && /Reference request/.test(m.subject)))
    assert.equal((await browserSession(t.app).get(oldLink)).statusCode, 410)
    const staff = await createUser(t.db, t.config, { roles: ['office'] })
    const office = browserSession(t.app)
    await office.signIn(staff, () => currentCode(staff))
    assert.match(textOf(html((await office.get(`/admin/applications/${id}`)).body).querySelector('main')), /referee replaced/)
  })
})
