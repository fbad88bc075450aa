import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { browserSession, html, textOf } from '../../../test/support/app.ts'
import { approvedMember as approvedMemberOf, errorsOf, todayParts } from '../../../test/support/applications.ts'
import { createUser, currentCode } from '../../../test/support/factories.ts'
import { useTestAppAndSmtp } from '../../../test/support/suite.ts'

const { t, smtp } = useTestAppAndSmtp()

const today = todayParts

/** An application submitted, its registration verified and approved by staff: the member owes the joining fee. */
const approvedMember = () => approvedMemberOf(t)

describe('invoices and manual payments', () => {
  it('approval issues an invoice: Your account shows it unpaid, with cheque and BACS details', async () => {
    const { member, invoice } = await approvedMember()
    const account = html((await member.get('/account')).body)
    assert.match(textOf(account.querySelector('main')), /Approved: pay the invoice to activate your membership/)
    assert.equal(account.querySelectorAll('a').find((a) => textOf(a).startsWith('Pay'))?.getAttribute('href'), `/account/invoices/${invoice.id}`)
    const page = html((await member.get(`/account/invoices/${invoice.id}`)).body)
    const text = textOf(page.querySelector('main'))
    assert.match(text, new RegExp(`Payment reference\\s*${invoice.reference}`))
    assert.match(text, /Case Manager membership, one year from payment\s*£75\.00/)
    assert.match(text, /VAT: exempt/)
    assert.match(text, /Make your cheque payable to CMSUK/)
    assert.match(text, /PO Box 293/)
    assert.match(text, new RegExp(`put your name and membership number \\(${invoice.membershipNumber}\\) on the back of the cheque`))
    assert.match(text, /Sort code/)
    const stranger = browserSession(t.app)
    await stranger.signIn(await createUser(t.db, t.config))
    assert.equal((await stranger.get(`/account/invoices/${invoice.id}`)).statusCode, 404)
  })

  it('staff find the member and record a cheque in two parts; the second activates the membership', async () => {
    const { member, email, staff, invoice } = await approvedMember()
    const found = html((await staff.get(`/admin/payments?q=${invoice.membershipNumber}`)).body)
    assert.ok(found.querySelector(`a[href="/admin/payments/invoices/${invoice.id}"]`))
    assert.ok(html((await staff.get(`/admin/payments?q=${invoice.reference.toLowerCase()}`)).body).querySelector(`a[href="/admin/payments/invoices/${invoice.id}"]`))

    await staff.get(`/admin/payments/invoices/${invoice.id}`)
    const d = today()
    const bad = await staff.post(`/admin/payments/invoices/${invoice.id}`, { method: 'cheque', amount: 'lots', ref: '', 'received-day': d.day, 'received-month': d.month, 'received-year': d.year })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(errorsOf(bad.body), ['Enter the cheque number or the bank reference'])
    const first = await staff.post(`/admin/payments/invoices/${invoice.id}`, { method: 'cheque', amount: '30', ref: '100001', payer: 'A Applicant', 'received-day': d.day, 'received-month': d.month, 'received-year': d.year })
    assert.equal(first.headers.location, `/admin/payments/invoices/${invoice.id}?notice=recorded`)
    assert.match(textOf(html((await member.get('/account')).body).querySelector('main')), /Part paid/)
    const again = await staff.post(`/admin/payments/invoices/${invoice.id}`, { method: 'cheque', amount: '30', ref: '100001', payer: '', 'received-day': d.day, 'received-month': d.month, 'received-year': d.year })
    assert.equal(again.headers.location, `/admin/payments/invoices/${invoice.id}?notice=duplicate`, 'the same cheque twice changes nothing')
    const second = await staff.post(`/admin/payments/invoices/${invoice.id}`, { method: 'cheque', amount: '45.00', ref: '100002', payer: '', 'received-day': d.day, 'received-month': d.month, 'received-year': d.year })
    assert.equal(second.headers.location, `/admin/payments/invoices/${invoice.id}?notice=activated`)

    const account = textOf(html((await member.get('/account')).body).querySelector('main'))
    assert.match(account, /Status\s*Active/)
    assert.match(account, /Current term/)
    await t.runJobs()
    assert.ok(smtp.received.some((m) => m.to.includes(email) && m.subject === 'Welcome to CMSUK: your membership is active'))
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'payment_recorded').execute()
    assert.ok(audit.length >= 2)
  })

  it('a bounced cheque is a reversal: the invoice is due again and the membership is not active', async () => {
    const { member, staff, invoice } = await approvedMember()
    await staff.get(`/admin/payments/invoices/${invoice.id}`)
    const d = today()
    await staff.post(`/admin/payments/invoices/${invoice.id}`, { method: 'cheque', amount: '75', ref: '200001', payer: '', 'received-day': d.day, 'received-month': d.month, 'received-year': d.year })
    assert.match(textOf(html((await member.get('/account')).body).querySelector('main')), /Status\s*Active/)
    const page = html((await staff.get(`/admin/payments/invoices/${invoice.id}`)).body)
    const bounce = page.querySelector('form[action$="/bounced"]')!.getAttribute('action')!
    assert.equal((await staff.post(bounce, {})).headers.location, `/admin/payments/invoices/${invoice.id}?notice=reversed`)
    const after = textOf(html((await member.get('/account')).body).querySelector('main'))
    assert.match(after, /Approved: pay the invoice to activate your membership/)
    const rows = await t.db.selectFrom('ledger_entries').select(['kind', 'amount_pence']).where('invoice_id', '=', invoice.id).orderBy('created_at').execute()
    assert.deepEqual(rows, [
      { kind: 'payment', amount_pence: 7500 },
      { kind: 'reversal', amount_pence: -7500 },
    ])
  })

  it('imports a bank statement: exact reference and amount pays the invoice, the rest wait with suggestions, re-import changes nothing', async () => {
    const a = await approvedMember()
    const b = await approvedMember()
    const csv = [
      'Date,Description,Amount',
      `${new Date().toISOString().slice(0, 10)},"FASTER PAYMENT ${a.invoice.reference}",75.00`,
      `${new Date().toISOString().slice(0, 10)},BACS ${b.invoice.reference.replace(/-/g, ' ')},70.00`,
      'not a date,SOMETHING,10.00',
      '2026-12-01,BANK CHARGES,-4.50',
    ].join('\n')
    const upload = async () => {
      const page = html((await a.staff.get('/admin/payments/bank')).body)
      const action = page.querySelector('form[enctype="multipart/form-data"]')!.getAttribute('action')!
      const boundary = 'bank-boundary'
      return t.app.inject({
        method: 'POST',
        url: action,
        remoteAddress: a.staff.address,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: [...a.staff.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="statement.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
      })
    }
    const first = await upload()
    assert.equal(first.statusCode, 200)
    const report = textOf(html(first.body).querySelector('.banner'))
    assert.match(report, /1 matched and paid · 1 to look at · 0 already imported · 1 payments out skipped/)
    assert.match(report, /Line 4: the date ‘not a date’ is not a date/)
    assert.match(textOf(html((await a.member.get('/account')).body).querySelector('main')), /Status\s*Active/)
    const unmatched = textOf(html(first.body).querySelector('table'))
    assert.match(unmatched, new RegExp(`${b.invoice.number}.*matches reference`))

    const again = await upload()
    assert.match(textOf(html(again.body).querySelector('.banner')), /0 matched and paid · 0 to look at · 2 already imported/)
    const ledger = await t.db.selectFrom('ledger_entries').select('id').where('invoice_id', '=', a.invoice.id).execute()
    assert.equal(ledger.length, 1)
  })

  it('lists open and paid invoices and reports income by method, with a CSV export for administrators', async () => {
    const { staff, invoice } = await approvedMember()
    assert.match(textOf(html((await staff.get('/admin/invoices?status=open')).body).querySelector('main')), new RegExp(invoice.number))
    await staff.get(`/admin/payments/invoices/${invoice.id}`)
    const d = today()
    await staff.post(`/admin/payments/invoices/${invoice.id}`, { method: 'bacs', amount: '75', ref: `=HYPERLINK("x")`, payer: '', 'received-day': d.day, 'received-month': d.month, 'received-year': d.year })
    assert.match(textOf(html((await staff.get('/admin/invoices?status=paid')).body).querySelector('main')), new RegExp(invoice.number))
    const report = textOf(html((await staff.get('/admin/payments/report')).body).querySelector('main'))
    assert.match(report, /bacs: £[\d,]+\.\d{2}/)
    assert.equal((await staff.get('/admin/payments/report.csv')).statusCode, 403, 'office staff cannot export')
    const admin = await createUser(t.db, t.config, { roles: ['office', 'admin'] })
    const a = browserSession(t.app)
    await a.signIn(admin, () => currentCode(admin))
    const csv = await a.get('/admin/payments/report.csv')
    assert.equal(csv.statusCode, 200)
    assert.match(String(csv.headers['content-type']), /text\/csv/)
    assert.match(csv.body, /^received_on,member,invoice,reference,kind,method,amount_gbp,external_reference\n/)
    assert.match(csv.body, /,75\.00,/)
    assert.match(csv.body, /"'=HYPERLINK\(""X""\)"/, 'a formula is defused')
  })

  it('downloads the invoice as a PDF, and after payment the receipt', async () => {
    const { member, staff, invoice } = await approvedMember()
    const pdf = await member.get(`/account/invoices/${invoice.id}/pdf`)
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.match(String(pdf.headers['content-disposition']), new RegExp(`invoice-${invoice.number}\\.pdf`))
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-')
    await staff.get(`/admin/payments/invoices/${invoice.id}`)
    const d = today()
    await staff.post(`/admin/payments/invoices/${invoice.id}`, { method: 'bacs', amount: '75', ref: 'PDF-1', payer: '', 'received-day': d.day, 'received-month': d.month, 'received-year': d.year })
    const receipt = await member.get(`/account/invoices/${invoice.id}/pdf`)
    assert.match(String(receipt.headers['content-disposition']), /receipt-INV-/)
    const stranger = browserSession(t.app)
    await stranger.signIn(await createUser(t.db, t.config))
    assert.equal((await stranger.get(`/account/invoices/${invoice.id}/pdf`)).statusCode, 404)
  })

  it('emails the bank details and reference to a member who asks for them', async () => {
    const { member, email, invoice } = await approvedMember()
    await member.get(`/account/invoices/${invoice.id}`)
    const res = await member.post(`/account/invoices/${invoice.id}/bank-details`, {})
    assert.equal(res.headers.location, `/account/invoices/${invoice.id}?problem=bank-details-sent`)
    assert.match(textOf(html((await member.get(res.headers.location!)).body).querySelector('.banner')), /emailed you the bank details/)
    await t.runJobs()
    const mail = smtp.received.find((m) => m.to.includes(email) && m.subject.startsWith('How to pay invoice'))!
    assert.match(mail.text, new RegExp(`Reference: ${invoice.reference}`))
    assert.match(mail.text, /Sort code: /)
  })
})
