import assert from 'node:assert/strict'
import { beforeEach, describe, it } from 'node:test'
import { browserSession, createTestApp, html, textOf } from '../../../test/support/app.ts'
import { districtNorthOf, listedMember, memberWithRecord } from '../../../test/support/directory.ts'
import { createUser, currentCode } from '../../../test/support/factories.ts'
import { toDateOnly } from '../billing/rules.ts'
import { recordLedgerEntry } from '../billing/service.ts'
import { ukRegions } from './areas.ts'
import { useTestApp } from '../../../test/support/suite.ts'

const t = useTestApp()
beforeEach(async () => {
  await t.db.deleteFrom('directory_listings').execute()
})

const namesFound = async (query: string) => {
  const doc = html((await browserSession(t.app).get(`/find-a-case-manager?${query}`)).body)
  return doc.querySelectorAll('.result-name a').map((a) => textOf(a))
}
const heading = async (query: string) => textOf(html((await browserSession(t.app).get(`/find-a-case-manager?${query}`)).body).querySelector('#results-title'))

describe('Find a Case Manager: who is listed (rules 24 and 27)', () => {
  it('lists an active Case Manager who opts in through Your account, with a profile showing what they chose', async () => {
    const member = await memberWithRecord(t, { name: 'Nina Listed' })
    const s = browserSession(t.app)
    await s.signIn(member.user)
    assert.match(textOf(html((await s.get('/account')).body).querySelector('main')), /Directory listing/)
    const form = html((await s.get('/account/directory')).body)
    // Only the expertise on the member's record is offered (rule 5).
    const offered = form.querySelectorAll('input[name=expertise]').map((i) => i.getAttribute('value'))
    assert.deepEqual(offered.sort(), ['brain-injury', 'paediatrics', 'vocational'])
    const res = await s.post('/account/directory', {
      optedIn: 'yes',
      title: 'Senior Case Manager',
      profession: 'nurse',
      expertise: ['brain-injury', 'paediatrics'],
      regions: ['London'],
      counties: ['Kent'],
      basePostcode: 'sw1a 1aa',
      travelMiles: '25',
      bio: 'Twenty years in brain injury rehabilitation.',
      languages: 'English, Welsh',
      takingReferrals: 'yes',
      phone: '01632 960 123',
      website: 'https://example.org/nina',
    })
    assert.equal(res.statusCode, 303)
    assert.deepEqual(await namesFound('region=London'), ['Nina Listed'])
    const slug = (await t.db.selectFrom('directory_listings').select('slug').executeTakeFirstOrThrow()).slug
    const profile = textOf(html((await browserSession(t.app).get(`/find-a-case-manager/${slug}`)).body).querySelector('main'))
    for (const shown of ['Senior Case Manager', 'Nurse', 'Brain injury', 'Paediatrics', 'London, Kent', 'Based in SW1A, travels up to 25 miles', 'English, Welsh', '01632 960 123', 'example.org/nina', 'Twenty years'])
      assert.ok(profile.includes(shown), shown)
    assert.ok(!profile.includes('Vocational'), 'expertise not chosen is not shown')
    assert.ok(!profile.includes('1AA'), 'only the district of the base postcode is published')
    // The preview is the same listing.
    const preview = textOf(html((await s.get('/account/directory/preview')).body).querySelector('.profile'))
    assert.equal(preview, textOf(html((await browserSession(t.app).get(`/find-a-case-manager/${slug}`)).body).querySelector('.profile')))
  })

  it('refuses expertise the record does not allow, and an opt-in without expertise, keeping what was typed', async () => {
    const member = await memberWithRecord(t, { record: ['vocational'] })
    const s = browserSession(t.app)
    await s.signIn(member.user)
    await s.get('/account/directory')
    let res = await s.post('/account/directory', { optedIn: 'yes', title: 'My title', expertise: ['brain-injury'], regions: ['Wales'], takingReferrals: 'yes', profession: '', basePostcode: '', travelMiles: '', bio: '', languages: '', phone: '', website: '' })
    assert.equal(res.statusCode, 400)
    let doc = html(res.body)
    assert.match(textOf(doc.querySelector('.error-summary')), /only publish the areas of expertise your membership record shows/)
    assert.equal(doc.querySelector('input[name=title]')?.getAttribute('value'), 'My title')
    res = await s.post('/account/directory', { optedIn: 'yes', title: '', regions: ['Wales'], takingReferrals: 'yes', profession: '', basePostcode: '', travelMiles: '', bio: '', languages: '', phone: '', website: '' })
    doc = html(res.body)
    assert.match(textOf(doc.querySelector('.error-summary')), /Select at least one area of expertise/)
    res = await s.post('/account/directory', { optedIn: 'yes', expertise: ['vocational'], takingReferrals: 'yes', title: '', profession: '', basePostcode: 'ZZ99 9ZZ', travelMiles: '', bio: 'x'.repeat(1501), languages: '', phone: '12', website: 'javascript:alert(1)' })
    const errors = textOf(html(res.body).querySelector('.error-summary'))
    for (const message of ['biography must be 1,500 characters or fewer', 'work phone number', 'starting with https://']) assert.ok(errors.includes(message), message)
    assert.equal(await t.db.selectFrom('directory_listings').select('id').executeTakeFirst(), undefined)
  })

  it('does not offer a listing to Associates, Supporters or approved members who have not paid', async () => {
    for (const [options, expected] of [
      [{ grade: 'associate' }, /Only Case Manager members can be listed/],
      [{ grade: 'supporter' }, /Only Case Manager members can be listed/],
      [{ paidDaysAgo: null }, /not active/],
    ] as const) {
      const member = await memberWithRecord(t, options)
      const s = browserSession(t.app)
      await s.signIn(member.user)
      assert.match(textOf(html((await s.get('/account/directory')).body).querySelector('main')), expected)
      const res = await s.post('/account/directory', { optedIn: 'yes', expertise: ['brain-injury'], regions: ['London'], takingReferrals: 'yes' })
      assert.equal(res.statusCode, 403)
    }
    assert.equal(await t.db.selectFrom('directory_listings').select('id').executeTakeFirst(), undefined)
  })

  it('nobody is listed without opting in, and opting out removes the listing at once', async () => {
    const never = await listedMember(t, { optedIn: 'no', regions: ['Wales'] }, { name: 'Never Opted' })
    assert.deepEqual(await namesFound('region=Wales'), [])
    assert.equal((await browserSession(t.app).get(`/find-a-case-manager/${never.slug}`)).statusCode, 404)
    const member = await listedMember(t, { regions: ['Wales'] }, { name: 'Olly Optout' })
    assert.deepEqual(await namesFound('region=Wales'), ['Olly Optout'])
    const s = browserSession(t.app)
    await s.signIn(member.user)
    await s.get('/account/directory')
    const res = await s.post('/account/directory', { optedIn: 'no', expertise: ['brain-injury'], regions: ['Wales'], takingReferrals: 'yes' })
    assert.equal(res.statusCode, 303)
    assert.match(textOf(html((await s.get(res.headers.location!)).body).querySelector('.banner')), /You are not listed/)
    assert.deepEqual(await namesFound('region=Wales'), [])
    assert.equal((await browserSession(t.app).get(`/find-a-case-manager/${member.slug}`)).statusCode, 404)
  })

  it('a member in the grace period stays listed; one who lapses, or whose payment is refunded, vanishes at once', async () => {
    const inGrace = await listedMember(t, { regions: ['Scotland'] }, { name: 'Grace Period', paidDaysAgo: 380 })
    await listedMember(t, { regions: ['Scotland'] }, { name: 'Still Paid', paidDaysAgo: 100 })
    assert.deepEqual(await namesFound('region=Scotland'), ['Grace Period', 'Still Paid'])
    // Thirty days of grace after a 365-day term: paid 396 days ago is lapsed today.
    await t.db.updateTable('membership_terms').set({ starts_on: '2000-01-01', ends_on: '2000-12-31' }).where('membership_id', '=', inGrace.membershipId).execute()
    assert.deepEqual(await namesFound('region=Scotland'), ['Still Paid'])
    assert.equal((await browserSession(t.app).get(`/find-a-case-manager/${inGrace.slug}`)).statusCode, 404)
    const stillPaid = await t.db.selectFrom('invoices as i').innerJoin('users as u', 'u.id', 'i.user_id').select(['i.id', 'i.total_pence']).where('u.name', '=', 'Still Paid').executeTakeFirstOrThrow()
    await recordLedgerEntry(t.db, t.config, { invoiceId: stillPaid.id, kind: 'reversal', method: 'cheque', amountPence: stillPaid.total_pence, receivedOn: toDateOnly(new Date()), externalRef: null, payer: '', note: 'Bounced', actorId: null })
    assert.deepEqual(await namesFound('region=Scotland'), [])
  })

  it('staff hide a listing with a reason the member is told, and can show it again', async () => {
    const member = await listedMember(t, { regions: ['North East'] }, { name: 'Hidden Soon' })
    const staffUser = await createUser(t.db, t.config, { roles: ['office'] })
    const staff = browserSession(t.app)
    await staff.signIn(staffUser, () => currentCode(staffUser))
    const list = html((await staff.get('/admin/directory')).body)
    assert.match(textOf(list.querySelector('main')), /1 members listed/)
    assert.ok(html((await staff.get('/admin/directory?q=hidden%20so')).body).querySelector('a[href^="/admin/directory/"]'), 'found by name')
    const listingLinks = async (url: string) => html((await staff.get(url)).body).querySelectorAll('main a[href^="/admin/directory/"]').length
    assert.equal(await listingLinks('/admin/directory?q=nobody'), 0)
    assert.equal(await listingLinks('/admin/directory?state=opted-out'), 0)
    assert.equal(await listingLinks('/admin/directory?state=listed'), 1)
    const id = (await t.db.selectFrom('directory_listings').select('id').executeTakeFirstOrThrow()).id
    let res = await staff.post(`/admin/directory/${id}/hide`, { reason: '' })
    assert.equal(res.statusCode, 400)
    assert.match(textOf(html(res.body).querySelector('.error-summary')), /Give the reason/)
    res = await staff.post(`/admin/directory/${id}/hide`, { reason: 'Your indemnity insurance has expired.' })
    assert.equal(res.statusCode, 303)
    assert.deepEqual(await namesFound('region=North%20East'), [])
    const told = await t.db.selectFrom('email_messages').select('text_body').where('to_address', '=', member.user.email).where('template', '=', 'directory-listing-hidden').executeTakeFirstOrThrow()
    assert.match(told.text_body, /indemnity insurance has expired/)
    await staff.post(`/admin/directory/${id}/show`, {})
    assert.deepEqual(await namesFound('region=North%20East'), ['Hidden Soon'])
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'directory_listing_%').execute()
    assert.deepEqual(audit.map((a) => a.action).sort(), ['directory_listing_hidden', 'directory_listing_shown'])
  })
})

describe('Find a Case Manager: searching (rule 25)', () => {
  it('finds members by distance: inside and on the radius are found, nearest first; outside is not', async () => {
    await districtNorthOf(t, 'ZZ1', 0)
    await districtNorthOf(t, 'ZZ2', 25)
    await districtNorthOf(t, 'ZZ3', 24.9)
    await districtNorthOf(t, 'ZZ4', 25.1)
    await districtNorthOf(t, 'ZZ5', 3)
    await listedMember(t, { basePostcode: 'ZZ2' }, { name: 'On The Radius' })
    await listedMember(t, { basePostcode: 'ZZ3' }, { name: 'Just Inside' })
    await listedMember(t, { basePostcode: 'ZZ4' }, { name: 'Just Outside' })
    await listedMember(t, { basePostcode: 'ZZ5 1AB' }, { name: 'Very Near' })
    await listedMember(t, { regions: ['London'] }, { name: 'No Base Postcode' })
    assert.deepEqual(await namesFound('postcode=ZZ1+1AA&miles=25'), ['Very Near', 'Just Inside', 'On The Radius'])
    assert.deepEqual(await namesFound('postcode=ZZ1&miles=5'), ['Very Near'])
    assert.deepEqual(await namesFound('postcode=ZZ1&miles=50'), ['Very Near', 'Just Inside', 'On The Radius', 'Just Outside'])
    const doc = html((await browserSession(t.app).get('/find-a-case-manager?postcode=ZZ1&miles=25')).body)
    assert.match(textOf(doc.querySelector('.result')), /3\.0 miles away/)
  })

  it('with real districts: Manchester is found within 100 miles of Leeds but not within 25', async () => {
    await listedMember(t, { basePostcode: 'M1' }, { name: 'Manchester Based' })
    assert.deepEqual(await namesFound('postcode=LS1+4AP&miles=25'), [])
    assert.deepEqual(await namesFound('postcode=LS1+4AP&miles=100'), ['Manchester Based'])
  })

  it('filters by expertise (any of those chosen), region, county, profession, taking referrals and words, with counts', async () => {
    await listedMember(t, { expertise: ['brain-injury'], regions: ['South East'], bio: 'Catastrophic injury claims.' }, { name: 'Alex Brain' })
    await listedMember(t, { expertise: ['paediatrics'], counties: ['Kent'], takingReferrals: 'no' }, { name: 'Bea Kent' })
    await listedMember(t, { expertise: ['brain-injury', 'paediatrics'], regions: ['Wales'], profession: '' }, { name: 'Cai Wales' })
    await listedMember(t, { expertise: ['vocational'], counties: ['Surrey'], profession: 'vocational-rehabilitation' }, { name: 'Dee Surrey' })
    assert.deepEqual(await namesFound('expertise=brain-injury'), ['Alex Brain', 'Cai Wales'])
    assert.deepEqual(await namesFound('expertise=brain-injury&expertise=paediatrics'), ['Alex Brain', 'Bea Kent', 'Cai Wales'])
    assert.deepEqual(await namesFound('region=South+East'), ['Alex Brain', 'Bea Kent', 'Dee Surrey'])
    // A county search finds those who chose the county and those who cover its whole region.
    assert.deepEqual(await namesFound('county=Kent'), ['Alex Brain', 'Bea Kent'])
    assert.deepEqual(await namesFound('profession=vocational-rehabilitation'), ['Dee Surrey'])
    assert.deepEqual(await namesFound('profession=nurse&taking=yes'), ['Alex Brain'])
    assert.deepEqual(await namesFound('q=catastroph'), ['Alex Brain'])
    assert.deepEqual(await namesFound('q=cai'), ['Cai Wales'])
    const doc = html((await browserSession(t.app).get('/find-a-case-manager?region=South+East')).body)
    const facets = doc.querySelectorAll('.facet-list li').map((li) => textOf(li))
    for (const count of ['Brain injury (1)', 'Paediatrics (1)', 'Vocational (1)', 'South East (3)']) assert.ok(facets.includes(count), count)
    // An unknown value in the URL is dropped, not an error.
    assert.deepEqual(await namesFound('region=Atlantis&expertise=nonsense&page=-3'), ['Alex Brain', 'Bea Kent', 'Cai Wales', 'Dee Surrey'])
  })

  it('pages results 20 at a time, and every search is a GET URL with its answers kept in the form', async () => {
    for (let i = 0; i < 23; i++) await listedMember(t, { regions: ['East Midlands'] }, { name: `Member ${String(i).padStart(2, '0')}` })
    const first = html((await browserSession(t.app).get('/find-a-case-manager?region=East+Midlands')).body)
    assert.equal(first.querySelectorAll('.result').length, 20)
    assert.match(textOf(first.querySelector('.pagination')), /Page 1 of 2/)
    assert.equal(first.querySelector('select[name=region] option[selected]')?.getAttribute('value'), 'East Midlands')
    const next = first.querySelector('a[rel=next]')!.getAttribute('href')!
    assert.equal(next, '/find-a-case-manager?region=East+Midlands&page=2')
    assert.equal(html((await browserSession(t.app).get(next)).body).querySelectorAll('.result').length, 3)
    assert.match(await heading('region=East+Midlands'), /^23 case managers found/)
  })

  it('explains a bad or unknown postcode and still searches on the rest; BT postcodes search Northern Ireland', async () => {
    await listedMember(t, { counties: ['County Antrim'], basePostcode: 'BT1 1AA' }, { name: 'Belfast Based' })
    await listedMember(t, { regions: ['London'] }, { name: 'London Based' })
    let doc = html((await browserSession(t.app).get('/find-a-case-manager?postcode=NOT+A+CODE&miles=25')).body)
    assert.match(textOf(doc.querySelector('.notice')), /‘NOT A CODE’ is not a UK postcode/)
    assert.equal(doc.querySelectorAll('.result').length, 2)
    assert.equal(doc.querySelector('input[name=postcode]')?.getAttribute('value'), 'NOT A CODE')
    doc = html((await browserSession(t.app).get('/find-a-case-manager?postcode=ZZ98+1AA')).body)
    assert.match(textOf(doc.querySelector('.notice')), /do not know where the postcode district ZZ98 is/)
    assert.equal(doc.querySelectorAll('.result').length, 2)
    doc = html((await browserSession(t.app).get('/find-a-case-manager?postcode=BT7+1NN')).body)
    assert.match(textOf(doc.querySelector('.notice')), /not available for Northern Ireland/)
    assert.deepEqual(doc.querySelectorAll('.result-name a').map((a) => textOf(a)), ['Belfast Based'])
  })

  it('keeps the bits for the counts in step with the lists of regions and areas of expertise', async () => {
    const areas = await t.db.selectFrom('expertise_areas').select(['code', 'position']).execute()
    for (const [i, region] of ukRegions.entries()) {
      const area = areas[i % areas.length]!
      const member = await listedMember(t, { regions: [region], expertise: [area.code] }, { record: [area.code] })
      const row = await t.db.selectFrom('directory_search').select(['region_bits', 'expertise_bits']).where('listing_id', '=', (await t.db.selectFrom('directory_listings').select('id').where('membership_id', '=', member.membershipId).executeTakeFirstOrThrow()).id).executeTakeFirstOrThrow()
      assert.equal(row.region_bits, 1 << i, region)
      assert.equal(row.expertise_bits, 1 << area.position, area.code)
    }
    const facets = html((await browserSession(t.app).get('/find-a-case-manager')).body).querySelectorAll('.facet-list li').map((li) => textOf(li))
    for (const region of ukRegions) assert.ok(facets.includes(`${region} (1)`), region)
  })

  it('shows the postcode data attribution on the search page', async () => {
    const text = textOf(html((await browserSession(t.app).get('/find-a-case-manager')).body).querySelector('.attribution'))
    assert.match(text, /Contains OS data © Crown copyright and database right 2025/)
    assert.match(text, /Open Government Licence v3\.0/)
  })
})

describe('Find a Case Manager: abuse', () => {
  it('limits the searches one address makes in a minute', async () => {
    const limited = await createTestApp({ DIRECTORY_SEARCHES_PER_MINUTE: '3' })
    try {
      const s = browserSession(limited.app)
      const statuses = []
      for (let i = 0; i < 4; i++) statuses.push((await s.get(`/find-a-case-manager?q=${i}`)).statusCode)
      assert.deepEqual(statuses, [200, 200, 200, 429])
      assert.equal((await browserSession(limited.app).get('/find-a-case-manager')).statusCode, 200, 'another address is not limited')
    } finally {
      await limited.close()
    }
  })
})
