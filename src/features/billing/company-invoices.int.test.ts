import assert from 'node:assert/strict'
import { beforeEach, describe, it } from 'node:test'
import { browserSession, html, textOf } from '../../../test/support/app.ts'
import { errorsOf, todayParts } from '../../../test/support/applications.ts'
import { memberWithRecord } from '../../../test/support/directory.ts'
import { createUser, currentCode, type TestUser } from '../../../test/support/factories.ts'
import { confirmLink, nameEmployer } from './companies.ts'
import { statusOfMembership } from './service.ts'
import { useTestApp } from '../../../test/support/suite.ts'

const t = useTestApp()

let n = 0
type Company = { id: string; members: Awaited<ReturnType<typeof memberWithRecord>>[]; contact: TestUser; contactSession: ReturnType<typeof browserSession>; staff: ReturnType<typeof browserSession> }
let company: Company

/** A company with three confirmed members who each owe the joining fee, and a contact named by staff. */
beforeEach(async () => {
  const name = `Acme Case Management ${++n}`
  const members = []
  for (let i = 0; i < 3; i++) {
    const member = await memberWithRecord(t, { paidDaysAgo: null, name: `Acme Member ${n}-${i}` })
    await nameEmployer(t.db, member.user.id, name)
    await confirmLink(t.db, member.user.id, member.user.id)
    members.push(member)
  }
  const { id } = await t.db.selectFrom('companies').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  const staffUser = await createUser(t.db, t.config, { roles: ['office'] })
  const staff = browserSession(t.app)
  await staff.signIn(staffUser, () => currentCode(staffUser))
  const contact = await createUser(t.db, t.config, { name: `Carol Contact ${n}` })
  await staff.get('/admin/companies')
  const unknown = await staff.post(`/admin/companies/${id}/contact`, { [`email-${id}`]: 'nobody@example.org' })
  assert.equal(unknown.statusCode, 400)
  assert.deepEqual(errorsOf(unknown.body), ['There is no account with that email address. Ask the contact to create one, or check the address.'])
  assert.equal((await staff.post(`/admin/companies/${id}/contact`, { [`email-${id}`]: contact.email.toUpperCase() })).statusCode, 303)
  const contactSession = browserSession(t.app)
  await contactSession.signIn(contact)
  company = { id, members, contact, contactSession, staff }
})

async function createCombined() {
  const s = company.contactSession
  const page = html((await s.get('/account/company')).body)
  assert.match(textOf(page.querySelector('main')), /Total\s*£225\.00/)
  const res = await s.post(`/account/company/${company.id}/invoices`, {})
  assert.equal(res.statusCode, 303)
  const id = res.headers.location!.split('/').pop()!
  return { id, invoice: await t.db.selectFrom('company_invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow() }
}

const statuses = () => Promise.all(company.members.map((m) => statusOfMembership(t.db, m.membershipId)))

describe('one combined invoice paid by a company contact', () => {
  it('the contact sees their members’ invoices and makes one invoice for them all; others cannot see it', async () => {
    assert.match(textOf(html((await company.contactSession.get('/account')).body).querySelector('main')), /You are the contact for Acme Case Management \d+\. Pay for your members/)
    const { id, invoice } = await createCombined()
    assert.equal(invoice.total_pence, 22500)
    const page = textOf(html((await company.contactSession.get(`/account/company/invoices/${id}`)).body).querySelector('main'))
    for (const m of company.members) assert.ok(page.includes(m.user.name), m.user.name)
    assert.ok(page.includes(invoice.reference))
    assert.match(page, /How to pay £225\.00/)
    const pdf = await company.contactSession.get(`/account/company/invoices/${id}/pdf`)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.ok(pdf.rawPayload.subarray(0, 5).toString() === '%PDF-', 'a PDF document')
    // Every member invoice is now on it, so a second combined invoice has nothing to include.
    const again = await company.contactSession.post(`/account/company/${company.id}/invoices`, {})
    assert.match(textOf(html((await company.contactSession.get(again.headers.location!)).body).querySelector('main')), /None of your members has a membership invoice to pay/)
    // A member is told their employer is paying.
    const member = browserSession(t.app)
    await member.signIn(company.members[0]!.user)
    assert.match(textOf(html((await member.get(`/account/invoices/${company.members[0]!.invoice.id}`)).body).querySelector('main')), new RegExp(`is paying this invoice with its combined invoice ${invoice.number}`))
    // Someone else, even a member of the company, gets a 404.
    assert.equal((await member.get(`/account/company/invoices/${id}`)).statusCode, 404)
    assert.equal((await member.get(`/account/company/invoices/${id}/pdf`)).statusCode, 404)
    assert.equal((await member.get('/account/company')).statusCode, 404)
  })

  it('a card payment through PayPal pays every membership on it', async () => {
    const { id } = await createCombined()
    const res = await company.contactSession.post(`/account/company/invoices/${id}/pay`, {})
    const token = new URL(res.headers.location!).searchParams.get('token')!
    const approved = await fetch(`${t.paypal.baseUrl}/checkoutnow/approve`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' })
    const back = new URL(approved.headers.get('location')!)
    const returned = await company.contactSession.get(`${back.pathname}${back.search}`)
    assert.equal(returned.headers.location, `/account/company/invoices/${id}?notice=paid`)
    assert.match(textOf(html((await company.contactSession.get(returned.headers.location!)).body).querySelector('main')), /memberships on this invoice are paid[\s\S]*Paid/)
    assert.deepEqual(await statuses(), ['active', 'active', 'active'])
    const entries = await t.db.selectFrom('ledger_entries').select(['method', 'amount_pence', 'external_ref']).where('invoice_id', 'in', company.members.map((m) => m.invoice.id)).execute()
    assert.equal(entries.length, 3)
    assert.ok(entries.every((e) => e.method === 'paypal' && e.amount_pence === 7500 && e.external_ref?.includes('/INV-')))
  })

  it('staff record a cheque for it, shared over the members; a part payment pays the first ones in full', async () => {
    const { id, invoice } = await createCombined()
    assert.ok(html((await company.staff.get('/admin/companies')).body).querySelector(`a[href="/admin/payments/company-invoices/${id}"]`), 'the company shows its combined invoice')
    const found = html((await company.staff.get(`/admin/payments?q=${invoice.reference}`)).body)
    assert.ok(found.querySelector(`a[href="/admin/payments/company-invoices/${id}"]`))
    await company.staff.get(`/admin/payments/company-invoices/${id}`)
    const d = todayParts()
    const cheque = (amount: string, ref: string) => company.staff.post(`/admin/payments/company-invoices/${id}`, { method: 'cheque', amount, ref, payer: 'Acme', 'received-day': d.day, 'received-month': d.month, 'received-year': d.year })
    assert.equal((await cheque('100.00', '200001')).headers.location, `/admin/payments/company-invoices/${id}?notice=recorded`)
    assert.deepEqual(await statuses(), ['active', 'approved_unpaid', 'approved_unpaid'])
    assert.equal((await cheque('100.00', '200001')).headers.location, `/admin/payments/company-invoices/${id}?notice=duplicate`, 'the same cheque twice changes nothing')
    assert.match(textOf(html((await company.staff.get(`/admin/payments/company-invoices/${id}`)).body).querySelector('main')), /still to pay £125\.00/)
    await cheque('125.00', '200002')
    assert.deepEqual(await statuses(), ['active', 'active', 'active'])
    // The second cheque bounces: the memberships it paid (the rest of the second, all of the third) lose their term.
    await company.staff.get(`/admin/payments/company-invoices/${id}`)
    assert.equal((await company.staff.post(`/admin/payments/company-invoices/${id}/bounced`, { ref: '200002' })).headers.location, `/admin/payments/company-invoices/${id}?notice=reversed`)
    assert.deepEqual(await statuses(), ['active', 'approved_unpaid', 'approved_unpaid'])
    assert.match(textOf(html((await company.staff.get(`/admin/payments/company-invoices/${id}`)).body).querySelector('main')), /still to pay £125\.00[\s\S]*200002\s*£125\.00\s*Bounced/)
    const bad = await cheque('none', '')
    assert.equal(bad.statusCode, 400)
  })

  it('a bank statement line quoting its reference for the whole amount pays it', async () => {
    const { invoice } = await createCombined()
    const csv = `Date,Description,Amount\n${new Date().toISOString().slice(0, 10)},ACME LTD ${invoice.reference},225.00\n`
    const page = html((await company.staff.get('/admin/payments/bank')).body)
    const action = page.querySelector('form[enctype="multipart/form-data"]')!.getAttribute('action')!
    const boundary = 'combined-boundary'
    const res = await t.app.inject({
      method: 'POST',
      url: action,
      remoteAddress: company.staff.address,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: [...company.staff.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="statement.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    })
    assert.match(textOf(html(res.body).querySelector('.banner')), /1 matched and paid/)
    assert.deepEqual(await statuses(), ['active', 'active', 'active'])
  })

  it('cancelling it lets the members be paid one by one again', async () => {
    const { id } = await createCombined()
    await company.contactSession.get(`/account/company/invoices/${id}`)
    await company.contactSession.post(`/account/company/invoices/${id}/cancel`, {})
    assert.match(textOf(html((await company.contactSession.get('/account/company')).body).querySelector('main')), /Total\s*£225\.00/)
  })
})
