import { formatCalendarDate } from '../../../platform/dates.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'


export function PaidPage({ ctx, term, test, invoiceId }: { ctx: ViewContext; term?: { starts: string; ends: string }; test: boolean; invoiceId: string }) {
  return (
    <Layout ctx={ctx} title="Payment received">
      <div class="narrow">
        <div class="panel panel--confirmation">
          <h1 class="panel-title">Payment received</h1>
          <p class="panel-body">{term ? 'Your membership is active.' : 'Thank you.'}</p>
        </div>
        {test && <p>This was a test payment through the test PayPal: no money moved.</p>}
        {term && (
          <p>
            Your membership runs from <strong>{formatCalendarDate(term.starts)}</strong> to <strong>{formatCalendarDate(term.ends)}</strong>. We have emailed you a receipt.
          </p>
        )}
        <p>
          <a href={`/account/invoices/${invoiceId}`}>See the invoice</a> or go to <a href="/account">your account</a>.
        </p>
      </div>
    </Layout>
  )
}

const texts = {
  pending: { title: 'Payment processing', text: 'PayPal is still processing your payment. We will email you when it completes; you do not need to pay again.' },
  declined: { title: 'Your payment did not go through', text: 'PayPal declined the payment, and nothing was charged. You can try again with another card, or pay by cheque or BACS.' },
  review: { title: 'We are checking your payment', text: 'PayPal reported a different amount from your invoice, so the office will check it and contact you. Please do not pay again.' },
  unknown: { title: 'We could not find that payment', text: 'The link from PayPal did not match a payment we started. If you were charged, the office will see it; otherwise try again from your invoice.' },
  cancelled: { title: 'Payment cancelled', text: 'You cancelled the payment at PayPal, and nothing was charged.' },
}

export function CardOutcomePage({ ctx, outcome, back }: { ctx: ViewContext; outcome: keyof typeof texts; back?: string }) {
  const t = texts[outcome]
  return (
    <Layout ctx={ctx} title={t.title}>
      <div class="narrow">
        <PageHeading title={t.title} />
        <p>{t.text}</p>
        <p>{back && back !== '/account' ? <a href={back}>Back to your invoice</a> : <a href="/account">Go to your account</a>}</p>
      </div>
    </Layout>
  )
}
