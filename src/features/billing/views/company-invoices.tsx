import { formatCalendarDate } from '../../../platform/dates.ts'
import { formatMoney } from '../../../platform/money.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Button, Form, NotificationBanner } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import type { CompanyInvoice, CompanyInvoiceStatus } from '../company-invoices.ts'
import { HowToPay, InvoiceFacts } from './how-to-pay.tsx'

export const companyInvoiceStatusLabels: Record<CompanyInvoiceStatus, string> = { issued: 'Due', part_paid: 'Part paid', paid: 'Paid', void: 'Cancelled' }

type Payable = { id: string; number: string; name: string; membershipNumber: string; due: number | string }
type Company = { id: string; name: string; payable: Payable[]; invoices: { id: string; number: string; total_pence: number; issued_at: Date }[] }

export function CompanyPaymentsPage({ ctx, companies, notice }: { ctx: ViewContext; companies: Company[]; notice?: string }) {
  return (
    <Layout ctx={ctx} title="Pay for your members">
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
        <PageHeading title="Pay for your members" lead="As your company’s contact, you can pay the membership invoices of its members with one combined invoice." />
        {companies.map((c) => {
          const total = c.payable.reduce((s, p) => s + Number(p.due), 0)
          return (
            <section aria-labelledby={`company-${c.id}`}>
              <h2 id={`company-${c.id}`}>{c.name}</h2>
              {c.payable.length === 0 ? (
                <p>No member of {c.name} has a membership invoice to pay just now.</p>
              ) : (
                <>
                  <table class="table">
                    <caption class="table-caption">Membership invoices to pay</caption>
                    <thead>
                      <tr>
                        <th scope="col">Member</th>
                        <th scope="col">Invoice</th>
                        <th scope="col" class="numeric">
                          To pay
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.payable.map((p) => (
                        <tr>
                          <td>
                            {p.name} <span class="hint">{p.membershipNumber}</span>
                          </td>
                          <td>{p.number}</td>
                          <td class="numeric">{formatMoney(Number(p.due))}</td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row" colSpan={2}>
                          Total
                        </th>
                        <td class="numeric">
                          <strong>{formatMoney(total)}</strong>
                        </td>
                      </tr>
                    </tbody>
                  </table>
                  <Form action={`/account/company/${c.id}/invoices`} csrfToken={ctx.csrfToken}>
                    <Button>Create one invoice for these {c.payable.length} memberships</Button>
                  </Form>
                </>
              )}
              {c.invoices.length > 0 && (
                <>
                  <h3>Combined invoices</h3>
                  <ul class="list">
                    {c.invoices.map((i) => (
                      <li>
                        <a href={`/account/company/invoices/${i.id}`}>{i.number}</a>: {formatMoney(i.total_pence)}, issued {formatCalendarDate(i.issued_at.toISOString())}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )
        })}
      </div>
    </Layout>
  )
}

type InvoiceProps = {
  ctx: ViewContext
  invoice: CompanyInvoice
  payee: string
  postalAddress: string
  bank: { accountName: string; sortCode: string; accountNumber: string; bankName: string }
  cardPayments: boolean
  testPayments: boolean
  notice?: string
}

export function CompanyInvoicePage({ ctx, invoice, payee, postalAddress, bank, cardPayments, testPayments, notice }: InvoiceProps) {
  const open = invoice.status === 'issued' || invoice.status === 'part_paid'
  return (
    <Layout ctx={ctx} title={`Invoice ${invoice.number}`}>
      <div class="narrow">
        <p>
          <a href="/account/company" class="back-link">
            Back to paying for your members
          </a>
        </p>
        {notice && (
          <NotificationBanner title={notice === 'paid' ? 'Thank you' : 'Important'} success={notice === 'paid'}>
            <p>{notice === 'paid' ? 'Your payment is received and the memberships on this invoice are paid.' : notice}</p>
          </NotificationBanner>
        )}
        <PageHeading title={`Invoice ${invoice.number}`} caption={`${invoice.companyName} · combined membership invoice`} />
        <InvoiceFacts paid={invoice.status === 'paid'} statusLabel={companyInvoiceStatusLabels[invoice.status]} reference={invoice.reference} dueOn={invoice.due_on.toISOString()} />
        <p>
          <a href={`/account/company/invoices/${invoice.id}/pdf`}>Download {invoice.status === 'paid' ? 'the receipt' : 'the invoice'} (PDF)</a>
        </p>
        <CombinedItems invoice={invoice} />
        <p class="note">Subscriptions are exempt from VAT (a professional body’s subscriptions).</p>
        {open && (
          <>
            <HowToPay
              ctx={ctx}
              due={invoice.dueNow}
              payAction={`/account/company/invoices/${invoice.id}/pay`}
              chequeNote={
                <>
                  Please put your company’s name and the invoice number (<strong>{invoice.number}</strong>) on the back of the cheque.
                </>
              }
              reference={invoice.reference}
              payee={payee}
              postalAddress={postalAddress}
              bank={bank}
              cardPayments={cardPayments}
              testPayments={testPayments}
            />
            <h2>Cancel this invoice</h2>
            <p>If you would rather your members paid for themselves, cancel this invoice. Anything already paid stays paid.</p>
            <Form action={`/account/company/invoices/${invoice.id}/cancel`} csrfToken={ctx.csrfToken}>
              <Button variant="secondary">Cancel this combined invoice</Button>
            </Form>
          </>
        )}
      </div>
    </Layout>
  )
}

/** The memberships on a combined invoice: what each was when it was made, and what each still owes. */
export function CombinedItems({ invoice, memberInvoiceHref }: { invoice: CompanyInvoice; memberInvoiceHref?: (id: string) => string }) {
  return (
    <table class="table">
      <caption class="table-caption">Memberships on this invoice</caption>
      <thead>
        <tr>
          <th scope="col">Membership</th>
          <th scope="col" class="numeric">
            Amount
          </th>
          <th scope="col" class="numeric">
            Still to pay
          </th>
        </tr>
      </thead>
      <tbody>
        {invoice.items.map((i) => (
          <tr>
            <td>
              {i.name}, membership {i.membershipNumber} (invoice {memberInvoiceHref ? <a href={memberInvoiceHref(i.id)}>{i.number}</a> : i.number})
            </td>
            <td class="numeric">{formatMoney(i.amount_pence)}</td>
            <td class="numeric">{formatMoney(Math.max(0, i.due))}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Total</th>
          <td class="numeric">
            <strong>{formatMoney(invoice.total_pence)}</strong>
          </td>
          <td class="numeric">
            <strong>{formatMoney(invoice.dueNow)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  )
}
