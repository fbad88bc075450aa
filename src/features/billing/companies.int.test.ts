import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { browserSession, html, textOf } from '../../../test/support/app.ts'
import { createUser, currentCode } from '../../../test/support/factories.ts'
import { confirmLink, nameEmployer } from './companies.ts'
import { addDays, toDateOnly } from './rules.ts'
import { issueJoiningInvoice, recordLedgerEntry } from './service.ts'
import { useTestApp } from '../../../test/support/suite.ts'

const t = useTestApp()

let n = 0
/** A member linked (and confirmed) to `company`; active when `paid`. */
async function linkedMember(company: string, paid: boolean) {
  const user = await createUser(t.db, t.config)
  await nameEmployer(t.db, user.id, company)
  await confirmLink(t.db, user.id, user.id)
  const m = await t.db.insertInto('memberships').values({ user_id: user.id, number: `CM8${String(++n).padStart(5, '0')}`, grade: 'associate', application_id: null }).returning('id').executeTakeFirstOrThrow()
  const invoice = await issueJoiningInvoice(t.db, { id: m.id, userId: user.id, grade: 'associate' })
  if (paid)
    await recordLedgerEntry(t.db, t.config, { invoiceId: invoice.id, kind: 'payment', method: 'bacs', amountPence: invoice.total_pence, receivedOn: addDays(toDateOnly(new Date()), -10), externalRef: `C-${m.id}`, payer: '', note: '', actorId: null })
  return { user, invoice }
}

describe('company discount (rule 2)', () => {
  it('applies from the fourth active or invoiced member: £60 → £48.00; not at three', async () => {
    const company = `Acme Case Management ${Date.now()}`
    await linkedMember(company, true)
    await linkedMember(company, true)
    const third = await linkedMember(company, false)
    assert.equal(third.invoice.total_pence, 6000, 'three members: no discount')
    const fourth = await linkedMember(company, false)
    assert.equal(fourth.invoice.total_pence, 4800, 'four members: 20% off')
    const lines = await t.db.selectFrom('invoice_lines').select(['description', 'amount_pence']).where('invoice_id', '=', fourth.invoice.id).orderBy('position').execute()
    assert.deepEqual(lines, [
      { description: 'Associate membership, one year from payment', amount_pence: 6000 },
      { description: `Company discount: 20% for ${company}`, amount_pence: -1200 },
    ])
  })

  it('counts only links that staff have confirmed', async () => {
    const company = `Unconfirmed Ltd ${Date.now()}`
    for (let i = 0; i < 3; i++) await linkedMember(company, true)
    const user = await createUser(t.db, t.config)
    await nameEmployer(t.db, user.id, company)
    const m = await t.db.insertInto('memberships').values({ user_id: user.id, number: `CM8${String(++n).padStart(5, '0')}`, grade: 'case-manager', application_id: null }).returning('id').executeTakeFirstOrThrow()
    assert.equal((await issueJoiningInvoice(t.db, { id: m.id, userId: user.id, grade: 'case-manager' })).total_pence, 7500)
  })

  it('lets a member name their employer and staff confirm it, with the company shown as qualifying or not', async () => {
    const company = `Named Co ${Date.now()}`
    const member = await createUser(t.db, t.config)
    const s = browserSession(t.app)
    await s.signIn(member)
    await s.get('/account/employer')
    const bad = await s.post('/account/employer', { company: '' })
    assert.equal(bad.statusCode, 400)
    await s.post('/account/employer', { company })
    assert.match(textOf(html((await s.get('/account/employer')).body).querySelector('main')), /waiting for the office to confirm/)

    const staff = await createUser(t.db, t.config, { roles: ['office'] })
    const o = browserSession(t.app)
    await o.signIn(staff, () => currentCode(staff))
    const page = html((await o.get('/admin/companies')).body)
    const section = page.querySelectorAll('section').find((sec) => textOf(sec.querySelector('h2')).startsWith(company))!
    assert.match(textOf(section), /No discount yet/)
    await o.post(section.querySelector('form')!.getAttribute('action')!, {})
    assert.match(textOf(html((await s.get('/account/employer')).body).querySelector('main')), /confirmed by the office/)
  })
})
