import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { browserSession, html, textOf } from '../../../test/support/app.ts'
import { approvedMember as approvedMemberOf } from '../../../test/support/applications.ts'
import { createUser, currentCode } from '../../../test/support/factories.ts'
import { reconcileAttempts } from './card-payments.ts'
import { createPayPalClient } from './paypal/client.ts'
import { useTestApp } from '../../../test/support/suite.ts'

const t = useTestApp()

const approvedMember = () => approvedMemberOf(t)

/** Presses Pay on the invoice page and returns PayPal's order id from the page we are sent to. */
async function pressPay(member: ReturnType<typeof browserSession>, invoiceId: string) {
  const page = html((await member.get(`/account/invoices/${invoiceId}`)).body)
  assert.equal(textOf(page.querySelector(`form[action="/account/invoices/${invoiceId}/pay"] button`)), 'Pay')
  const res = await member.post(`/account/invoices/${invoiceId}/pay`, {})
  assert.equal(res.statusCode, 303)
  const location = new URL(res.headers.location!)
  assert.equal(location.origin, t.paypal.baseUrl)
  return location.searchParams.get('token')!
}

/** The buyer presses Pay on PayPal's page and is sent back; returns the path of our return page. */
async function approveAtPayPal(orderId: string) {
  const res = await fetch(`${t.paypal.baseUrl}/checkoutnow/approve`, { method: 'POST', body: new URLSearchParams({ token: orderId }), redirect: 'manual' })
  const back = new URL(res.headers.get('location')!)
  return `${back.pathname}${back.search}`
}

const ledgerRows = (invoiceId: string) => t.db.selectFrom('ledger_entries').select(['method', 'amount_pence', 'external_ref']).where('invoice_id', '=', invoiceId).execute()

describe('paying by card through PayPal', () => {
  it('Login → Your account → Pay → PayPal → back to a confirmation; the membership is active at once', async () => {
    const { member, invoiceId } = await approvedMember()
    const orderId = await pressPay(member, invoiceId)
    const buyer = await fetch(`${t.paypal.baseUrl}/checkoutnow?token=${orderId}`).then((r) => r.text())
    assert.match(buyer, /Pay <strong>£75\.00<\/strong>/)
    const back = await member.get(await approveAtPayPal(orderId))
    assert.equal(back.statusCode, 200)
    const doc = html(back.body)
    assert.equal(textOf(doc.querySelector('h1')), 'Payment received')
    assert.match(textOf(doc.querySelector('main')), /This was a test payment/)
    assert.match(textOf(doc.querySelector('main')), /Your membership runs from/)
    assert.match(textOf(html((await member.get('/account')).body).querySelector('main')), /Status\s*Active/)
    assert.equal((await ledgerRows(invoiceId)).length, 1)
    const again = await member.get(await approveAtPayPal(orderId))
    assert.equal(textOf(html(again.body).querySelector('h1')), 'Payment received', 'returning twice changes nothing')
    assert.equal((await ledgerRows(invoiceId)).length, 1)
  })

  it('a double click or a second tab gets the same order', async () => {
    const { member, invoiceId } = await approvedMember()
    const first = await pressPay(member, invoiceId)
    const second = await pressPay(member, invoiceId)
    assert.equal(first, second)
  })

  it('a cancelled payment charges nothing and can be tried again', async () => {
    const { member, invoiceId } = await approvedMember()
    const orderId = await pressPay(member, invoiceId)
    const order = t.paypal.orders.get(orderId)!
    const cancel = new URL(order.cancelUrl)
    const res = await member.get(`${cancel.pathname}${cancel.search}`)
    assert.equal(textOf(html(res.body).querySelector('h1')), 'Payment cancelled')
    const retry = await pressPay(member, invoiceId)
    assert.notEqual(retry, orderId)
  })

  it('a declined card lets the member try again', async () => {
    const { member, invoiceId } = await approvedMember()
    t.paypal.setNextCapture('declined')
    const declined = await member.get(await approveAtPayPal(await pressPay(member, invoiceId)))
    assert.equal(textOf(html(declined.body).querySelector('h1')), 'Your payment did not go through')
    assert.equal((await ledgerRows(invoiceId)).length, 0)
    const ok = await member.get(await approveAtPayPal(await pressPay(member, invoiceId)))
    assert.equal(textOf(html(ok.body).querySelector('h1')), 'Payment received')
  })

  it('a pending capture is completed by the webhook', async () => {
    const { member, invoiceId } = await approvedMember()
    t.paypal.setNextCapture('pending')
    const orderId = await pressPay(member, invoiceId)
    const pending = await member.get(await approveAtPayPal(orderId))
    assert.equal(textOf(html(pending.body).querySelector('h1')), 'Payment processing')
    assert.equal((await ledgerRows(invoiceId)).length, 0)
    const hook = t.paypal.webhookFor(orderId)
    const res = await t.app.inject({ method: 'POST', url: '/webhooks/paypal', headers: hook.headers, payload: hook.body })
    assert.equal(res.statusCode, 200)
    assert.equal((await ledgerRows(invoiceId)).length, 1)
    const duplicate = await t.app.inject({ method: 'POST', url: '/webhooks/paypal', headers: hook.headers, payload: hook.body })
    assert.equal(duplicate.json().outcome, 'duplicate')
    assert.equal((await ledgerRows(invoiceId)).length, 1)
  })

  it('a webhook that arrives before the buyer returns still makes one payment', async () => {
    const { member, invoiceId } = await approvedMember()
    const orderId = await pressPay(member, invoiceId)
    const returnPath = await approveAtPayPal(orderId)
    // Capture happens at PayPal (as if by another of our requests), then the webhook lands first.
    await fetch(`${t.paypal.baseUrl}/v2/checkout/orders/${orderId}/capture`, { method: 'POST', headers: { authorization: `Bearer ${await fakeToken()}` } })
    const hook = t.paypal.webhookFor(orderId)
    assert.equal((await t.app.inject({ method: 'POST', url: '/webhooks/paypal', headers: hook.headers, payload: hook.body })).statusCode, 200)
    const back = await member.get(returnPath)
    assert.equal(textOf(html(back.body).querySelector('h1')), 'Payment received')
    assert.equal((await ledgerRows(invoiceId)).length, 1)
  })

  it('refuses forged, tampered and foreign-certificate webhooks with 400, changing nothing', async () => {
    const { member, invoiceId } = await approvedMember()
    t.paypal.setNextCapture('pending')
    const orderId = await pressPay(member, invoiceId)
    await member.get(await approveAtPayPal(orderId))
    const hook = t.paypal.webhookFor(orderId)
    const post = (headers: Record<string, string>, payload: string) => t.app.inject({ method: 'POST', url: '/webhooks/paypal', headers, payload })
    assert.equal((await post({ ...hook.headers, 'paypal-transmission-sig': Buffer.from('forged').toString('base64') }, hook.body)).statusCode, 400)
    assert.equal((await post(hook.headers, hook.body.replace('"COMPLETED"', '"COMPLETED" '))).statusCode, 400)
    assert.equal((await post({ ...hook.headers, 'paypal-cert-url': 'https://evil.example/cert.pem' }, hook.body)).statusCode, 400)
    assert.equal((await post({ 'content-type': 'application/json' }, hook.body)).statusCode, 400)
    assert.equal((await ledgerRows(invoiceId)).length, 0)
  })
  it('staff refund a PayPal payment in part and then in full; a full refund ends the membership benefit', async () => {
    const { member, invoiceId } = await approvedMember()
    await member.get(await approveAtPayPal(await pressPay(member, invoiceId)))
    const staff = await createUser(t.db, t.config, { roles: ['office'] })
    const s = browserSession(t.app)
    await s.signIn(staff, () => currentCode(staff))
    const page = html((await s.get(`/admin/payments/invoices/${invoiceId}`)).body)
    const action = page.querySelector('form[action$="/refund"]')!.getAttribute('action')!
    const entryId = action.split('/')[6]!
    const tooMuch = await s.post(action, { [`refund-${entryId}`]: '80.00' })
    assert.equal(tooMuch.statusCode, 400)
    assert.match(textOf(html(tooMuch.body).querySelector('.error-summary')), /up to 75\.00/)
    assert.equal((await s.post(action, { [`refund-${entryId}`]: '25.00' })).headers.location, `/admin/payments/invoices/${invoiceId}?notice=refunded`)
    const order = [...t.paypal.orders.values()].find((o) => o.refunds.length > 0)!
    assert.deepEqual(order.refunds.map((r) => r.amount), ['25.00'])
    assert.match(textOf(html((await member.get('/account')).body).querySelector('main')), /Part paid/)
    await s.get(`/admin/payments/invoices/${invoiceId}`)
    await s.post(action, { [`refund-${entryId}`]: '50.00' })
    assert.deepEqual(order.refunds.map((r) => r.amount), ['25.00', '50.00'])
    const account = textOf(html((await member.get('/account')).body).querySelector('main'))
    assert.match(account, /Refunded/)
    assert.doesNotMatch(account, /Status\s*Active/)
    const rows = await t.db.selectFrom('ledger_entries').select(['kind', 'amount_pence']).where('invoice_id', '=', invoiceId).orderBy('created_at').execute()
    assert.deepEqual(rows.map((r) => [r.kind, r.amount_pence]), [['payment', 7500], ['refund', -2500], ['refund', -5000]])
  })

  it('a capture that times out is retried with the same request id and charges once', async () => {
    const { member, invoiceId } = await approvedMember()
    const orderId = await pressPay(member, invoiceId)
    const returnPath = await approveAtPayPal(orderId)
    t.paypal.delayNextCapture(1500)
    const back = await member.get(returnPath)
    assert.equal(textOf(html(back.body).querySelector('h1')), 'Payment received')
    assert.equal((await ledgerRows(invoiceId)).length, 1)
  })

  it('the reconcile job settles an order whose buyer never came back and whose webhook never came', async () => {
    const { member, invoiceId } = await approvedMember()
    const orderId = await pressPay(member, invoiceId)
    await approveAtPayPal(orderId)
    await fetch(`${t.paypal.baseUrl}/v2/checkout/orders/${orderId}/capture`, { method: 'POST', headers: { authorization: `Bearer ${await fakeToken()}` } })
    const client = createPayPalClient({ apiBase: t.paypal.baseUrl, clientId: t.paypal.clientId, clientSecret: t.paypal.clientSecret, webhookId: t.paypal.webhookId, certHosts: [], checkoutOrigins: [], test: true })
    assert.equal(await reconcileAttempts(t.db, t.config, client), 0, 'too recent to touch')
    assert.equal(await reconcileAttempts(t.db, t.config, client, new Date(Date.now() + 11 * 60_000)), 1)
    assert.equal((await ledgerRows(invoiceId)).length, 1)
    assert.match(textOf(html((await member.get('/account')).body).querySelector('main')), /Status\s*Active/)
  })

  it('holds a capture whose amount does not match the invoice for review, with no ledger entry, and shows it to staff', async () => {
    const { member, invoiceId } = await approvedMember()
    t.paypal.misreportNextCapture('7.50')
    const back = await member.get(await approveAtPayPal(await pressPay(member, invoiceId)))
    assert.equal(textOf(html(back.body).querySelector('h1')), 'We are checking your payment')
    assert.equal((await ledgerRows(invoiceId)).length, 0)
    const staff = await createUser(t.db, t.config, { roles: ['office'] })
    const s = browserSession(t.app)
    await s.signIn(staff, () => currentCode(staff))
    assert.match(textOf(html((await s.get('/admin')).body).querySelector('main')), /card payments? needs? a person to look at/)
    assert.match(textOf(html((await s.get('/admin/payments/to-check')).body).querySelector('main')), /captured GBP 750/)
  })
})

async function fakeToken() {
  const res = await fetch(`${t.paypal.baseUrl}/v1/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${t.paypal.clientId}:${t.paypal.clientSecret}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  })
  return ((await res.json()) as { access_token: string }).access_token
}
