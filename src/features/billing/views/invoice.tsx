import { formatMoney } from '../../../platform/money.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { NotificationBanner } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import type { InvoiceStatus } from '../rules.ts'
import type { InvoiceView } from '../service.ts'
import { HowToPay, InvoiceFacts } from './how-to-pay.tsx'

export const invoiceStatusLabels: Record<InvoiceStatus, string> = {
  issued: 'Due',
  part_paid: 'Part paid',
  paid: 'Paid',
  overpaid: 'Overpaid',
  refunded: 'Refunded',
  void: 'Cancelled',
}


type Props = {
  ctx: ViewContext
  invoice: InvoiceView
  member: { name: string; membershipNumber: string }
  payee: string
  postalAddress: string
  bank: { accountName: string; sortCode: string; accountNumber: string; bankName: string }
  cardPayments: boolean
  testPayments: boolean
  notice?: string
}

export function InvoicePage({ ctx, invoice, member, payee, postalAddress, bank, cardPayments, testPayments, notice }: Props) {
  const due = invoice.totalPence - invoice.paidPence
  const open = invoice.status === 'issued' || invoice.status === 'part_paid'
  return (
    <Layout ctx={ctx} title={`Invoice ${invoice.number}`}>
      <div class="narrow">
        <p>
          <a href="/account" class="back-link">
            Back to your account
          </a>
        </p>
        {notice && (
          <NotificationBanner title="Important">
            <p>{notice}</p>
          </NotificationBanner>
        )}
        <PageHeading title={`Invoice ${invoice.number}`} caption={`${member.name} · membership number ${member.membershipNumber}`} />
        <InvoiceFacts paid={invoice.status === 'paid'} statusLabel={invoiceStatusLabels[invoice.status]} reference={invoice.reference} dueOn={invoice.dueOn} />
        <p>
          <a href={`/account/invoices/${invoice.id}/pdf`}>Download {invoice.status === 'paid' ? 'the receipt' : 'the invoice'} (PDF)</a>
        </p>
        <table class="table">
          <caption class="visually-hidden">Invoice lines</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" class="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((l) => (
              <tr>
                <td>{l.description}</td>
                <td class="numeric">{formatMoney(l.amountPence)}</td>
              </tr>
            ))}
            <tr>
              <td>VAT: {invoice.vatTreatment === 'exempt' ? 'exempt (professional body subscription)' : 'included at the standard rate'}</td>
              <td class="numeric">{formatMoney(0)}</td>
            </tr>
            <tr>
              <th scope="row">Total</th>
              <td class="numeric">
                <strong>{formatMoney(invoice.totalPence)}</strong>
              </td>
            </tr>
            {invoice.paidPence !== 0 && (
              <tr>
                <th scope="row">Paid</th>
                <td class="numeric">{formatMoney(invoice.paidPence)}</td>
              </tr>
            )}
          </tbody>
        </table>
        {open && (
          <HowToPay
            ctx={ctx}
            due={due}
            payAction={`/account/invoices/${invoice.id}/pay`}
            chequeNote={
              <>
                Please put your name and membership number (<strong>{member.membershipNumber}</strong>) on the back of the cheque.
              </>
            }
            reference={invoice.reference}
            payee={payee}
            postalAddress={postalAddress}
            bank={bank}
            cardPayments={cardPayments}
            testPayments={testPayments}
            bankDetailsAction={`/account/invoices/${invoice.id}/bank-details`}
          />
        )}
      </div>
    </Layout>
  )
}
