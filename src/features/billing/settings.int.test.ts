import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { browserSession, html, textOf } from '../../../test/support/app.ts'
import { approvedMember, errorsOf } from '../../../test/support/applications.ts'
import { createUser, currentCode } from '../../../test/support/factories.ts'
import { membershipYearEnd, proRataFirstFee, toDateOnly } from './rules.ts'
import { recordLedgerEntry } from './service.ts'
import { useTestApp } from '../../../test/support/suite.ts'

const t = useTestApp()

async function adminSession(roles: ('office' | 'admin')[] = ['admin']) {
  const user = await createUser(t.db, t.config, { roles })
  const s = browserSession(t.app)
  await s.signIn(user, () => currentCode(user))
  return s
}

/** The settings form as it stands, with some answers changed. */
async function postSettings(s: Awaited<ReturnType<typeof adminSession>>, change: Record<string, string>) {
  const doc = html((await s.get('/admin/settings/payments')).body)
  const form: Record<string, string> = {}
  for (const input of doc.querySelectorAll('form input[name]:not([type=hidden]):not([type=radio]), form select[name], form textarea[name]')) {
    const name = input.getAttribute('name')!
    form[name] = input.tagName === 'SELECT' ? (input.querySelector('option[selected]')?.getAttribute('value') ?? '') : input.tagName === 'TEXTAREA' ? input.textContent : (input.getAttribute('value') ?? '')
  }
  for (const radio of doc.querySelectorAll('form input[type=radio][checked]')) form[radio.getAttribute('name')!] = radio.getAttribute('value')!
  return s.post('/admin/settings/payments', { ...form, ...change })
}

describe('fees and payment settings in the back office', () => {
  it('is for administrators only', async () => {
    const office = await adminSession(['office'])
    assert.equal((await office.get('/admin/settings/payments')).statusCode, 403)
  })

  it('answers wrong input with a message for each field and keeps what was typed', async () => {
    const s = await adminSession()
    const res = await postSettings(s, { 'fee-case-manager': 'seventy', sortCode: '12-34', accountNumber: '123', graceDays: '400', accountName: '' })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(errorsOf(res.body).sort(), [
      'Enter a sort code of 6 numbers, like 30-99-50',
      'Enter an account number of 8 numbers',
      'Enter the Case Manager fee in pounds and pence, like 75.00',
      'Enter the bank account name',
      'The grace period must be between 0 and 90 days',
    ].sort())
    assert.equal(html(res.body).querySelector('input[name=fee-case-manager]')?.getAttribute('value'), 'seventy')
    assert.equal((await t.db.selectFrom('grades').select('fee_pence').where('code', '=', 'case-manager').executeTakeFirstOrThrow()).fee_pence, 7500)
  })

  it('a new fee and new bank details apply to invoices issued afterwards, not to those already issued', async () => {
    const before = await approvedMember(t)
    const s = await adminSession()
    const res = await postSettings(s, { 'fee-case-manager': '80.00', sortCode: '30 99 50', accountNumber: '1234 5678', accountName: 'CMSUK Subscriptions' })
    assert.equal(res.headers.location, '/admin/settings/payments?saved=1')
    assert.match(textOf(html((await s.get(res.headers.location!)).body).querySelector('.banner')), /saved/)
    const after = await approvedMember(t)
    const totals = await t.db.selectFrom('invoices').select(['id', 'total_pence']).where('id', 'in', [before.invoice.id, after.invoice.id]).execute()
    assert.equal(totals.find((i) => i.id === before.invoice.id)?.total_pence, 7500)
    assert.equal(totals.find((i) => i.id === after.invoice.id)?.total_pence, 8000)
    const page = textOf(html((await after.member.get(`/account/invoices/${after.invoice.id}`)).body).querySelector('main'))
    assert.match(page, /CMSUK Subscriptions/)
    assert.match(page, /30-99-50/)
    assert.match(page, /12345678/)
    assert.match(textOf(html((await t.app.inject('/membership')).body).querySelector('main')), /£80/)
    const audit = await t.db.selectFrom('audit_log').select('detail').where('action', '=', 'settings_changed').executeTakeFirstOrThrow()
    assert.match(JSON.stringify(audit.detail), /75\.00 → 80\.00/)
    await postSettings(s, { 'fee-case-manager': '75.00' })
  })

  it('with a fixed membership year, the first invoice is pro rata and the term ends with the year', async () => {
    const s = await adminSession()
    const month = new Date().getUTCMonth() + 1
    const startMonth = (month % 12) + 1 // next month: the year has one month left to run
    await postSettings(s, { termMode: 'fixed', yearStartMonth: String(startMonth) })
    const { invoice } = await approvedMember(t)
    const today = toDateOnly(new Date())
    const expected = proRataFirstFee(7500, today, startMonth)
    assert.equal(expected.months, 1)
    const row = await t.db.selectFrom('invoices').select('total_pence').where('id', '=', invoice.id).executeTakeFirstOrThrow()
    assert.equal(row.total_pence, 625)
    const line = await t.db.selectFrom('invoice_lines').select('description').where('invoice_id', '=', invoice.id).executeTakeFirstOrThrow()
    assert.match(line.description, /1 of 12 months of the membership year/)
    await recordLedgerEntry(t.db, t.config, { invoiceId: invoice.id, kind: 'payment', method: 'bacs', amountPence: 625, receivedOn: today, externalRef: 'FIXED-1', payer: '', note: '', actorId: null })
    const term = await t.db.selectFrom('membership_terms').select(['starts_on', 'ends_on']).where('invoice_id', '=', invoice.id).executeTakeFirstOrThrow()
    assert.equal(toDateOnly(term.ends_on), membershipYearEnd(today, startMonth))
    await postSettings(s, { termMode: 'anniversary' })
  })
})
