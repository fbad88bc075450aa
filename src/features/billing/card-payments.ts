import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { Conflict } from '../../platform/http/errors.ts'
import { type PayPalClient, PayPalError } from './paypal/client.ts'
import { findCompanyInvoice, payCompanyInvoice } from './company-invoices.ts'
import { findInvoice, recordLedgerEntry } from './service.ts'
import { isUuid } from '../../platform/http/ids.ts'

const OPEN = ['creating', 'created', 'approved', 'pending'] as const

/** What a buyer is told when Pay cannot go ahead, by the Conflict's id: the pages that show them use these too. */
export const cardPaymentProblems = {
  not_payable: 'This invoice has nothing left to pay.',
  busy: 'A payment for this invoice is already being set up. Please try again in a moment.',
  paypal_unavailable: 'We could not reach PayPal just now. Nothing has been charged. Please try again in a few minutes, or pay by cheque or BACS.',
} as const
const today = () => new Date().toISOString().slice(0, 10)

/** What a card payment pays: a member's invoice, or a company's combined invoice. */
export type CardTarget = { kind: 'invoice'; id: string } | { kind: 'company'; id: string }

type Attempt = { id: string; invoice_id: string | null; company_invoice_id: string | null; amount_pence: number }

/** Where the buyer goes back to after PayPal: the invoice's page. */
export const targetHref = (a: Pick<Attempt, 'invoice_id' | 'company_invoice_id'>) =>
  a.company_invoice_id ? `/account/company/invoices/${a.company_invoice_id}` : a.invoice_id ? `/account/invoices/${a.invoice_id}` : '/account'

async function whatIsDue(db: Db, target: CardTarget) {
  if (target.kind === 'invoice') {
    const found = await findInvoice(db, target.id)
    if (!found || (found.view.status !== 'issued' && found.view.status !== 'part_paid')) return undefined
    return { due: found.view.totalPence - found.view.paidPence, number: found.view.number, reference: found.view.reference, description: found.view.lines[0]?.description ?? 'CMSUK membership' }
  }
  const found = await findCompanyInvoice(db, target.id)
  if (!found || (found.status !== 'issued' && found.status !== 'part_paid')) return undefined
  return { due: found.dueNow, number: found.number, reference: found.reference, description: `CMSUK memberships for ${found.companyName} (${found.items.length})` }
}

/**
 * Pay was pressed: reuse the target's open attempt (double click, second tab) or start one, and return
 * PayPal's page to send the buyer to. The attempt id is PayPal's request id, so a retry never makes a second order.
 */
export async function startCardPayment(db: Db, config: Config, paypal: PayPalClient, target: CardTarget): Promise<string> {
  const payable = await whatIsDue(db, target)
  if (!payable) throw new Conflict('not_payable', cardPaymentProblems.not_payable)
  const due = payable.due
  const column = target.kind === 'invoice' ? 'invoice_id' : 'company_invoice_id'
  const openAttempt = () => db.selectFrom('payment_attempts').select(['id', 'approve_url', 'amount_pence']).where(column, '=', target.id).where('status', 'in', [...OPEN]).executeTakeFirst()
  const existing = await openAttempt()
  if (existing?.approve_url && existing.amount_pence === due) return existing.approve_url
  if (existing) await db.updateTable('payment_attempts').set({ status: 'expired', updated_at: new Date() }).where('id', '=', existing.id).execute()
  const attempt = await db
    .insertInto('payment_attempts')
    .values({ invoice_id: target.kind === 'invoice' ? target.id : null, company_invoice_id: target.kind === 'company' ? target.id : null, status: 'creating', amount_pence: due, order_id: null, approve_url: null })
    .onConflict((oc) => oc.column(column).where('status', 'in', [...OPEN]).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!attempt) {
    // The other tab won the race: wait for its order.
    for (let i = 0; i < 20; i++) {
      const other = await openAttempt()
      if (other?.approve_url) return other.approve_url
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Conflict('busy', cardPaymentProblems.busy)
  }
  try {
    const order = await paypal.createOrder({
      requestId: attempt.id,
      invoiceNumber: payable.number,
      reference: payable.reference,
      description: payable.description,
      amountPence: due,
      returnUrl: `${config.publicBaseUrl}/payments/paypal/return?attempt=${attempt.id}`,
      cancelUrl: `${config.publicBaseUrl}/payments/paypal/cancel?attempt=${attempt.id}`,
    })
    await db.updateTable('payment_attempts').set({ status: 'created', order_id: order.orderId, approve_url: order.approveUrl, updated_at: new Date() }).where('id', '=', attempt.id).execute()
    return order.approveUrl
  } catch (error) {
    await db.updateTable('payment_attempts').set({ status: 'failed', detail: (error as Error).message.slice(0, 200), updated_at: new Date() }).where('id', '=', attempt.id).execute()
    throw new Conflict('paypal_unavailable', cardPaymentProblems.paypal_unavailable)
  }
}

export type ReturnOutcome = { outcome: 'paid' | 'pending' | 'declined' | 'review' | 'unknown'; attempt?: Pick<Attempt, 'invoice_id' | 'company_invoice_id'> }

/** Records a completed capture once, whichever arrives first: the buyer's return or the webhook. */
async function settle(db: Db, config: Config, attempt: Attempt, capture: { captureId: string; status: string; amountPence: number; currency: string }): Promise<ReturnOutcome> {
  if (capture.status === 'PENDING') {
    await db.updateTable('payment_attempts').set({ status: 'pending', updated_at: new Date() }).where('id', '=', attempt.id).where('status', 'in', ['created', 'approved']).execute()
    return { outcome: 'pending', attempt }
  }
  if (capture.status !== 'COMPLETED') {
    await db.updateTable('payment_attempts').set({ status: 'failed', detail: capture.status, updated_at: new Date() }).where('id', '=', attempt.id).execute()
    return { outcome: 'declined', attempt }
  }
  if (capture.currency !== 'GBP' || capture.amountPence !== attempt.amount_pence) {
    await db.updateTable('payment_attempts').set({ status: 'needs_review', detail: `captured ${capture.currency} ${capture.amountPence}`, updated_at: new Date() }).where('id', '=', attempt.id).execute()
    return { outcome: 'review', attempt }
  }
  const payment = { method: 'paypal' as const, amountPence: capture.amountPence, receivedOn: today(), externalRef: capture.captureId, payer: '', note: '', actorId: null }
  try {
    if (attempt.company_invoice_id) await payCompanyInvoice(db, config, attempt.company_invoice_id, payment)
    else await recordLedgerEntry(db, config, { ...payment, invoiceId: attempt.invoice_id!, kind: 'payment' })
  } catch (error) {
    // Money arrived for an invoice that can no longer take it (voided): staff must look, nothing is lost.
    if (!(error instanceof Conflict)) throw error
    await db.updateTable('payment_attempts').set({ status: 'needs_review', detail: `${capture.captureId}: ${error.message}`.slice(0, 300), updated_at: new Date() }).where('id', '=', attempt.id).execute()
    return { outcome: 'review', attempt }
  }
  await db.updateTable('payment_attempts').set({ status: 'captured', updated_at: new Date() }).where('id', '=', attempt.id).execute()
  return { outcome: 'paid', attempt }
}

/** The buyer is back from PayPal: capture (retrying a time-out with the same request id) and settle. */
export async function completeReturn(db: Db, config: Config, paypal: PayPalClient, attemptId: string, token: string): Promise<ReturnOutcome> {
  if (!isUuid(attemptId)) return { outcome: 'unknown' }
  const attempt = await db.selectFrom('payment_attempts').select(['id', 'invoice_id', 'company_invoice_id', 'amount_pence', 'order_id', 'status']).where('id', '=', attemptId).executeTakeFirst()
  if (!attempt || attempt.order_id !== token) return { outcome: 'unknown' }
  if (attempt.status === 'captured') return { outcome: 'paid', attempt }
  await db.updateTable('payment_attempts').set({ status: 'approved', updated_at: new Date() }).where('id', '=', attempt.id).where('status', '=', 'created').execute()
  for (let attemptNo = 1; ; attemptNo++) {
    try {
      const capture = await paypal.captureOrder(token, `capture-${attempt.id}`)
      if (!capture) return { outcome: 'unknown', attempt }
      return await settle(db, config, attempt, capture)
    } catch (error) {
      if (error instanceof PayPalError && error.issue === 'INSTRUMENT_DECLINED') {
        await db.updateTable('payment_attempts').set({ status: 'failed', detail: 'INSTRUMENT_DECLINED', updated_at: new Date() }).where('id', '=', attempt.id).execute()
        return { outcome: 'declined', attempt }
      }
      if (error instanceof PayPalError && error.issue === 'ORDER_ALREADY_CAPTURED') {
        const order = await paypal.getOrder(token)
        return order.capture ? settle(db, config, attempt, order.capture) : { outcome: 'pending', attempt }
      }
      if (attemptNo >= 2) throw error
    }
  }
}

export async function cancelAttempt(db: Db, attemptId: string) {
  if (!isUuid(attemptId)) return undefined
  return db.updateTable('payment_attempts').set({ status: 'cancelled', updated_at: new Date() }).where('id', '=', attemptId).where('status', 'in', ['created', 'approved']).returning(['invoice_id', 'company_invoice_id']).executeTakeFirst()
}

/** A verified webhook: stored by its id (a duplicate is a no-op), then a completed capture is settled. */
export async function handleWebhookEvent(db: Db, config: Config, event: { id: string; event_type: string; resource: { id: string; status?: string; amount?: { value: string; currency_code: string }; supplementary_data?: { related_ids?: { order_id?: string } } } }) {
  const fresh = await db.insertInto('paypal_events').values({ id: event.id, event_type: event.event_type }).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst()
  if (!fresh) return 'duplicate'
  const orderId = event.resource.supplementary_data?.related_ids?.order_id
  if (!orderId) return 'ignored'
  const attempt = await db.selectFrom('payment_attempts').select(['id', 'invoice_id', 'company_invoice_id', 'amount_pence']).where('order_id', '=', orderId).executeTakeFirst()
  if (!attempt) return 'ignored'
  if (event.event_type === 'PAYMENT.CAPTURE.COMPLETED' || event.event_type === 'PAYMENT.CAPTURE.PENDING') {
    const [pounds, pence = '00'] = (event.resource.amount?.value ?? '0.00').split('.')
    await settle(db, config, attempt, { captureId: event.resource.id, status: event.event_type === 'PAYMENT.CAPTURE.COMPLETED' ? 'COMPLETED' : 'PENDING', amountPence: Number(pounds) * 100 + Number(pence.padEnd(2, '0')), currency: event.resource.amount?.currency_code ?? '' })
    return 'settled'
  }
  if (event.event_type === 'PAYMENT.CAPTURE.DENIED' || event.event_type === 'PAYMENT.CAPTURE.DECLINED') {
    await db.updateTable('payment_attempts').set({ status: 'failed', detail: event.event_type, updated_at: new Date() }).where('id', '=', attempt.id).where('status', 'in', ['approved', 'pending']).execute()
  }
  return 'recorded'
}

export const PAYPAL_RECONCILE_TASK = 'paypal_reconcile'

/**
 * Every 15 minutes: re-reads orders left approved or pending (a missed webhook, a buyer who closed the tab
 * before returning) and settles them, and expires attempts abandoned for three hours. So a missed webhook is
 * never a lost payment.
 */
export async function reconcileAttempts(db: Db, config: Config, paypal: PayPalClient, now = new Date()) {
  await db
    .updateTable('payment_attempts')
    .set({ status: 'expired', updated_at: now })
    .where('status', 'in', ['creating', 'created'])
    .where('updated_at', '<', new Date(now.getTime() - 3 * 3600_000))
    .execute()
  const stuck = await db
    .selectFrom('payment_attempts')
    .select(['id', 'invoice_id', 'company_invoice_id', 'amount_pence', 'order_id'])
    .where('status', 'in', ['approved', 'pending', 'created'])
    .where('updated_at', '<', new Date(now.getTime() - 10 * 60_000))
    .limit(200)
    .execute()
  let settled = 0
  for (const attempt of stuck) {
    if (!attempt.order_id) continue
    try {
      const order = await paypal.getOrder(attempt.order_id)
      if (order.capture) {
        const result = await settle(db, config, attempt, order.capture)
        if (result.outcome === 'paid') settled++
      }
    } catch {
      // PayPal unreachable: the next run tries again.
    }
  }
  return settled
}
