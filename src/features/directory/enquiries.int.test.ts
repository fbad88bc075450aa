import assert from 'node:assert/strict'
import { beforeEach, describe, it } from 'node:test'
import { browserSession, html, textOf } from '../../../test/support/app.ts'
import { listedMember } from '../../../test/support/directory.ts'
import { ENQUIRIES_PER_PROFILE_PER_DAY } from './enquiries.ts'
import { useTestAppAndSmtp } from '../../../test/support/suite.ts'

const { t, smtp } = useTestAppAndSmtp()
beforeEach(async () => {
  await t.db.deleteFrom('directory_listings').execute()
  await t.db.deleteFrom('email_messages').execute()
  smtp.received.length = 0
})

const enquiry = {
  name: 'Sam Solicitor',
  organisation: 'Example Law LLP',
  email: 'Sam@Example-Law.test',
  phone: '01632 960 555',
  message: 'We act for a client with a brain injury after a road accident in Kent. Are you able to take an assessment next month?',
  consent: 'yes',
}

/** Each purchaser comes from their own address, so one test's per-IP limit does not touch another. */
let ip = 1
const purchaser = () => {
  const session = browserSession(t.app)
  const address = `203.0.113.${ip++}`
  return { get: (url: string) => session.get(url), post: (url: string, form: Record<string, string>) => session.postFrom(address, url, form) }
}

describe('Find a Case Manager: contact through the site (rule 26)', () => {
  it('relays the message to the member with reply-to the purchaser, acknowledges it, and counts a referral', async () => {
    const member = await listedMember(t, { regions: ['South East'] }, { name: 'Rita Relay' })
    const p = purchaser()
    const profilePage = await p.get(`/find-a-case-manager/${member.slug}`)
    const res = await p.post(`/find-a-case-manager/${member.slug}/contact`, enquiry)
    assert.equal(res.statusCode, 303)
    const sent = await p.get(res.headers.location!)
    assert.match(textOf(html(sent.body).querySelector('main')), /We have passed your message to Rita Relay/)
    await t.runJobs()

    const toMember = smtp.received.find((m) => m.to.includes(member.user.email) && m.subject.includes('Find a Case Manager enquiry'))!
    assert.ok(toMember, 'the member gets the message')
    assert.equal(toMember.replyTo, 'sam@example-law.test')
    assert.match(toMember.text, /road accident in Kent/)
    assert.match(toMember.text, /Example Law LLP/)
    const receipt = smtp.received.find((m) => m.to.includes('sam@example-law.test'))!
    assert.match(receipt.subject, /Your message to Rita Relay has been sent/)
    assert.ok(!receipt.text.includes(member.user.email) && !receipt.html.includes(member.user.email), 'the acknowledgement does not give the member’s address')

    // The member's address is in no page a purchaser can see.
    const search = await p.get('/find-a-case-manager?region=South+East')
    for (const page of [profilePage, sent, search]) assert.ok(!page.body.includes(member.user.email), 'member address absent from HTML')

    const stored = await t.db.selectFrom('directory_enquiries').selectAll().execute()
    assert.equal(stored.length, 1)
    assert.equal(stored[0]!.organisation, 'Example Law LLP')

    const s = browserSession(t.app)
    await s.signIn(member.user)
    const page = textOf(html((await s.get('/account/directory/enquiries')).body).querySelector('main'))
    assert.match(page, /Referrals in the last 12 months: 1/)
    assert.match(page, /Sam Solicitor, Example Law LLP/)
    assert.match(page, /road accident in Kent/)
  })

  it('answers wrong input with messages and keeps what was typed', async () => {
    const member = await listedMember(t)
    const p = purchaser()
    await p.get(`/find-a-case-manager/${member.slug}`)
    const res = await p.post(`/find-a-case-manager/${member.slug}/contact`, { ...enquiry, email: 'not-an-email', message: '', consent: '' })
    assert.equal(res.statusCode, 400)
    const doc = html(res.body)
    const errors = textOf(doc.querySelector('.error-summary'))
    for (const message of ['correct format', 'Enter your message', 'Confirm that we may pass your details']) assert.ok(errors.includes(message), message)
    assert.equal(doc.querySelector('input[name=email]')?.getAttribute('value'), 'not-an-email')
    assert.equal(doc.querySelector('input[name=organisation]')?.getAttribute('value'), 'Example Law LLP')
    assert.equal(await t.db.selectFrom('directory_enquiries').select('id').executeTakeFirst(), undefined)
  })

  it('shows a bot that fills the hidden field the usual confirmation, and keeps and sends nothing', async () => {
    const member = await listedMember(t)
    const p = purchaser()
    await p.get(`/find-a-case-manager/${member.slug}`)
    const res = await p.post(`/find-a-case-manager/${member.slug}/contact`, { ...enquiry, website_url: 'http://spam.test' })
    assert.equal(res.statusCode, 303)
    assert.equal(await t.db.selectFrom('directory_enquiries').select('id').executeTakeFirst(), undefined)
    assert.equal(await t.db.selectFrom('email_messages').select('id').where('template', 'like', 'directory-%').executeTakeFirst(), undefined)
  })

  it('limits enquiries per address, and per profile per day with the message kept', async () => {
    const member = await listedMember(t)
    const p = purchaser()
    await p.get(`/find-a-case-manager/${member.slug}`)
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await p.post(`/find-a-case-manager/${member.slug}/contact`, { ...enquiry, email: '' })).statusCode)
    assert.deepEqual(statuses, [...Array(10).fill(400), 429])

    const listing = await t.db.selectFrom('directory_listings').select('id').where('slug', '=', member.slug).executeTakeFirstOrThrow()
    await t.db
      .insertInto('directory_enquiries')
      .values(Array.from({ length: ENQUIRIES_PER_PROFILE_PER_DAY }, (_, i) => ({ listing_id: listing.id, name: `Person ${i}`, email: `p${i}@example.test`, message: 'Hello' })))
      .execute()
    const other = purchaser()
    await other.get(`/find-a-case-manager/${member.slug}`)
    const res = await other.post(`/find-a-case-manager/${member.slug}/contact`, enquiry)
    assert.equal(res.statusCode, 429)
    const doc = html(res.body)
    assert.match(textOf(doc.querySelector('.notice')), /cannot pass on more until tomorrow/)
    assert.match(textOf(doc.querySelector('textarea[name=message]')), /road accident in Kent/)
    assert.equal((await t.db.selectFrom('directory_enquiries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n, ENQUIRIES_PER_PROFILE_PER_DAY)
  })

  it('refuses an enquiry without a CSRF token, and to a member who is no longer listed', async () => {
    const member = await listedMember(t)
    const session = browserSession(t.app)
    const noToken = await session.post(`/find-a-case-manager/${member.slug}/contact`, enquiry, { csrf: null })
    assert.equal(noToken.statusCode, 403)
    await t.db.updateTable('directory_listings').set({ opted_in: false }).execute()
    const p = purchaser()
    await p.get('/request-a-callback')
    assert.equal((await p.post(`/find-a-case-manager/${member.slug}/contact`, enquiry)).statusCode, 404)
  })
})
