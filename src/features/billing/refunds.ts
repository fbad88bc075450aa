import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { Conflict, NotFound } from '../../platform/http/errors.ts'
import type { PayPalClient } from './paypal/client.ts'
import { recordLedgerEntry } from './service.ts'

/**
 * Refunds all or part of one payment: through PayPal for a PayPal payment (its refund id keeps it from
 * being recorded twice), by hand for the others. Either way a negative ledger entry; never more than was paid.
 */
export async function refundPayment(db: Db, config: Config, paypal: PayPalClient | undefined, input: { invoiceId: string; entryId: string; amountPence: number; actorId: string; note: string }) {
  const entry = await db.selectFrom('ledger_entries').select(['id', 'method', 'kind', 'amount_pence', 'external_ref']).where('id', '=', input.entryId).where('invoice_id', '=', input.invoiceId).executeTakeFirst()
  if (entry?.kind !== 'payment') throw new NotFound()
  const { refunded } = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_pence'), eb.val(0)).as('refunded'))
    .where('invoice_id', '=', input.invoiceId)
    .where('kind', '=', 'refund')
    .where('note', 'like', `refund of ${entry.id}%`)
    .executeTakeFirstOrThrow()
  const left = entry.amount_pence + Number(refunded)
  if (input.amountPence <= 0 || input.amountPence > left) throw new Conflict('too_much', `You can refund up to ${(left / 100).toFixed(2)} of this payment.`)
  let externalRef: string | null = null
  if (entry.method === 'paypal') {
    if (!paypal || !entry.external_ref) throw new Conflict('no_paypal', 'PayPal is not available to refund this payment just now.')
    // A share of a combined invoice's payment carries the capture id, then "/" and the member invoice's number.
    const refund = await paypal.refundCapture(entry.external_ref.split('/')[0]!, input.amountPence, `refund-${entry.id}-${Number(refunded)}`)
    externalRef = refund.refundId
  }
  await recordLedgerEntry(db, config, {
    invoiceId: input.invoiceId,
    kind: 'refund',
    method: entry.method,
    amountPence: input.amountPence,
    receivedOn: new Date().toISOString().slice(0, 10),
    externalRef,
    payer: '',
    note: `refund of ${entry.id}${input.note ? `: ${input.note}` : ''}`,
    actorId: input.actorId,
  })
}
