import type { ComponentChildren } from 'preact'
import { formatCalendarDate } from '../../../platform/dates.ts'
import { formatMoney } from '../../../platform/money.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Button, Form } from '../../../platform/views/form.tsx'

type Props = {
  ctx: ViewContext
  due: number
  /** Where the Pay button posts, to go to PayPal. */
  payAction: string
  chequeNote: ComponentChildren
  reference: string
  payee: string
  postalAddress: string
  bank: { accountName: string; sortCode: string; accountNumber: string; bankName: string }
  cardPayments: boolean
  testPayments: boolean
  bankDetailsAction?: string
}

/** The three ways to pay an invoice (rules 20–22): card through PayPal, cheque to the PO Box, BACS with the reference. */
export function HowToPay({ ctx, due, payAction, chequeNote, reference, payee, postalAddress, bank, cardPayments, testPayments, bankDetailsAction }: Props) {
  return (
    <>
      <h2>How to pay {formatMoney(due)}</h2>
      <h3>By card or PayPal account</h3>
      {cardPayments ? (
        <Form action={payAction} csrfToken={ctx.csrfToken}>
          <p>You will go to PayPal, where you can pay with a card or your PayPal account, then come back here.</p>
          {testPayments && <p class="hint">This site uses a test PayPal: the payment is a test and no money moves.</p>}
          <Button>Pay</Button>
        </Form>
      ) : (
        <p>Card payments are not available just now. Please pay by cheque or BACS.</p>
      )}
      <h3>By cheque</h3>
      <p>
        Make your cheque payable to <strong>{payee}</strong> and send it to:
      </p>
      <p class="address">{postalAddress}</p>
      <p>{chequeNote}</p>
      <h3>By BACS transfer</h3>
      <dl class="summary-list">
        <div class="summary-row">
          <dt class="summary-key">Account name</dt>
          <dd class="summary-value">{bank.accountName}</dd>
        </div>
        <div class="summary-row">
          <dt class="summary-key">Sort code</dt>
          <dd class="summary-value">{bank.sortCode}</dd>
        </div>
        <div class="summary-row">
          <dt class="summary-key">Account number</dt>
          <dd class="summary-value">{bank.accountNumber}</dd>
        </div>
        <div class="summary-row">
          <dt class="summary-key">Reference to quote</dt>
          <dd class="summary-value">
            <strong>{reference}</strong>
          </dd>
        </div>
      </dl>
      <p>Quote the reference exactly, so we can match your payment. It can take a few working days to show here.</p>
      {bankDetailsAction && (
        <Form action={bankDetailsAction} csrfToken={ctx.csrfToken}>
          <Button variant="secondary">Email me these bank details</Button>
        </Form>
      )}
    </>
  )
}

/** The top of an invoice page: its status, the reference to quote and the date to pay by. */
export function InvoiceFacts({ paid, statusLabel, reference, dueOn }: { paid: boolean; statusLabel: string; reference: string; dueOn: string }) {
  return (
    <dl class="summary-list">
      <div class="summary-row">
        <dt class="summary-key">Status</dt>
        <dd class="summary-value">
          <span class={paid ? 'tag tag--green' : 'tag tag--yellow'}>{statusLabel}</span>
        </dd>
      </div>
      <div class="summary-row">
        <dt class="summary-key">Payment reference</dt>
        <dd class="summary-value">
          <strong>{reference}</strong>
        </dd>
      </div>
      <div class="summary-row">
        <dt class="summary-key">Pay by</dt>
        <dd class="summary-value">{formatCalendarDate(dueOn)}</dd>
      </div>
    </dl>
  )
}
