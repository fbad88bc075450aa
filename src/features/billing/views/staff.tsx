import type { ComponentChildren } from 'preact'
import { formatMoney } from '../../../platform/money.ts'
import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import {
  Button,
  DateInput,
  ErrorSummary,
  Form,
  NotificationBanner,
  Radios,
  TextInput,
} from '../../../platform/views/form.tsx'
import type { CompanyInvoice } from '../company-invoices.ts'
import type { InvoiceView } from '../service.ts'
import { CombinedItems, companyInvoiceStatusLabels } from './company-invoices.tsx'
import { invoiceStatusLabels } from './invoice.tsx'

type Found = {
  id: string
  number: string
  reference: string
  total_pence: number
  name: string
  email: string
  membershipNumber: string
}

type FoundCombined = {
  id: string
  number: string
  reference: string
  total_pence: number
  companyName: string
}

export function PaymentsSearchPage({
  ctx,
  query,
  results,
  combined,
}: {
  ctx: ViewContext
  query: string
  results: Found[]
  combined: FoundCombined[]
}) {
  return (
    <AdminLayout
      ctx={ctx}
      title="Record a payment"
      lead="Find the member by membership number, name, email or the reference on their payment."
    >
      <p>
        Paid by bank transfer? <a href="/admin/payments/bank">Import a bank statement</a>.
      </p>
      <form method="get" action="/admin/payments" class="narrow">
        <TextInput
          name="q"
          label="Membership number, name, email or reference"
          type="search"
          form={{ values: { q: query }, errors: {} }}
        />
        <Button variant="secondary">Search</Button>
      </form>
      {query !== '' && results.length === 0 && combined.length === 0 && <p>Nothing matches ‘{query}’.</p>}
      {combined.length > 0 && (
        <>
          <h2>Combined company invoices</h2>
          <ul class="list">
            {combined.map((c) => (
              <li>
                <a href={`/admin/payments/company-invoices/${c.id}`}>{c.number}</a> · {c.companyName} ·
                reference {c.reference} · {formatMoney(c.total_pence)}
              </li>
            ))}
          </ul>
        </>
      )}
      {results.length > 0 && (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">Invoices found</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Membership number</th>
                <th scope="col">Invoice</th>
                <th scope="col">Reference</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr>
                  <td>
                    {r.name}
                    <br />
                    <span class="hint">{r.email}</span>
                  </td>
                  <td>{r.membershipNumber}</td>
                  <td>
                    <a href={`/admin/payments/invoices/${r.id}`}>{r.number}</a>
                  </td>
                  <td>{r.reference}</td>
                  <td>{formatMoney(r.total_pence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  )
}

type InvoiceProps = {
  ctx: ViewContext
  invoice: InvoiceView
  member: { name: string; membershipNumber: string }
  form: FormState
  notice?: string
  ledger: {
    id: string
    kind: string
    method: string
    amountPence: number
    receivedOn: string
    externalRef: string | null
  }[]
}

const notices: Record<string, string> = {
  refunded: 'The refund has been made and recorded.',
  recorded: 'The payment has been recorded.',
  activated: 'The payment has been recorded and the membership is now active.',
  reversed: 'The bounced cheque has been recorded.',
  duplicate: 'That payment had already been recorded, so nothing changed.',
}

export function StaffInvoicePage({ ctx, invoice, member, form, notice, ledger }: InvoiceProps) {
  return (
    <AdminLayout
      ctx={ctx}
      title={`Invoice ${invoice.number}`}
      hasErrors={Object.keys(form.errors).length > 0}
      lead={`${member.name} · ${member.membershipNumber} · reference ${invoice.reference} · ${invoiceStatusLabels[invoice.status]}`}
    >
      {notice && notices[notice] && (
        <NotificationBanner title="Success" success>
          <p>{notices[notice]}</p>
        </NotificationBanner>
      )}
      <ErrorSummary errors={form.errors} />
      <p>
        Total {formatMoney(invoice.totalPence)} · paid {formatMoney(invoice.paidPence)} ·{' '}
        <a href="/admin/payments">Find another</a>
      </p>
      {ledger.length > 0 && (
        <PaymentsTable
          caption="Payments"
          rows={ledger.map((e) => ({
            receivedOn: e.receivedOn,
            method: `${e.method}${e.kind !== 'payment' ? ` (${e.kind})` : ''}`,
            reference: e.externalRef ?? '—',
            amountPence: e.amountPence,
            action: (
              <>
                {e.kind === 'payment' && (
                  <Form
                    action={`/admin/payments/invoices/${invoice.id}/entries/${e.id}/refund`}
                    csrfToken={ctx.csrfToken}
                  >
                    <TextInput
                      name={`refund-${e.id}`}
                      label={`Refund amount${e.method === 'paypal' ? ' (through PayPal)' : ' (record a refund you have made)'}`}
                      width="short"
                      form={{
                        values: { [`refund-${e.id}`]: (e.amountPence / 100).toFixed(2) },
                        errors: form.errors,
                      }}
                    />
                    <Button variant="secondary">
                      Refund<span class="visually-hidden"> payment {e.externalRef}</span>
                    </Button>
                  </Form>
                )}
                {e.kind === 'payment' &&
                  e.method === 'cheque' &&
                  !ledger.some((x) => x.kind === 'reversal' && x.externalRef === e.externalRef) && (
                    <Form
                      action={`/admin/payments/invoices/${invoice.id}/entries/${e.id}/bounced`}
                      csrfToken={ctx.csrfToken}
                    >
                      <Button variant="warning">
                        Cheque bounced<span class="visually-hidden"> {e.externalRef}</span>
                      </Button>
                    </Form>
                  )}
              </>
            ),
          }))}
        />
      )}
      <ManualPaymentForm ctx={ctx} action={`/admin/payments/invoices/${invoice.id}`} form={form} />
    </AdminLayout>
  )
}

/** Staff record a cheque or a bank transfer they have received, whole or in part. */
export function ManualPaymentForm({
  ctx,
  action,
  form,
}: {
  ctx: ViewContext
  action: string
  form: FormState
}) {
  return (
    <>
      <h2>Record a cheque or bank transfer</h2>
      <div class="narrow">
        <Form action={action} csrfToken={ctx.csrfToken}>
          <Radios
            name="method"
            legend="How was it paid?"
            form={form}
            options={[
              { value: 'cheque', label: 'Cheque' },
              { value: 'bacs', label: 'BACS transfer' },
            ]}
          />
          <DateInput name="received" legend="Date received" form={form} />
          <TextInput
            name="amount"
            label="Amount received, in pounds"
            hint="A part payment is fine, like 30.00"
            inputmode="text"
            width="short"
            form={form}
          />
          <TextInput name="ref" label="Cheque number or bank reference" width="half" form={form} />
          <TextInput
            name="payer"
            label="Paid by (optional)"
            hint="The name on the cheque or the account"
            form={form}
          />
          <Button>Record payment</Button>
        </Form>
      </div>
    </>
  )
}

type CombinedPayment = {
  ref: string
  method: string
  receivedOn: Date
  amountPence: number
  reversed: boolean
}
type CombinedProps = {
  ctx: ViewContext
  invoice: CompanyInvoice
  payments: CombinedPayment[]
  form: FormState
  notice?: string
}

/** A company's combined invoice for staff: what each membership on it still owes, and recording a cheque or transfer. */
export function StaffCompanyInvoicePage({ ctx, invoice, payments, form, notice }: CombinedProps) {
  return (
    <AdminLayout
      ctx={ctx}
      title={`Invoice ${invoice.number}`}
      hasErrors={Object.keys(form.errors).length > 0}
      lead={`${invoice.companyName} · combined invoice · reference ${invoice.reference} · ${companyInvoiceStatusLabels[invoice.status]}`}
    >
      {notice && notices[notice] && (
        <NotificationBanner title="Success" success>
          <p>{notices[notice]}</p>
        </NotificationBanner>
      )}
      <ErrorSummary errors={form.errors} />
      <p>
        Total {formatMoney(invoice.total_pence)} · still to pay {formatMoney(invoice.dueNow)} ·{' '}
        <a href="/admin/payments">Find another</a>
      </p>
      <CombinedItems invoice={invoice} memberInvoiceHref={(id) => `/admin/payments/invoices/${id}`} />
      {payments.length > 0 && (
        <PaymentsTable
          caption="Payments shared out over this invoice"
          rows={payments.map((p) => ({
            receivedOn: p.receivedOn.toISOString().slice(0, 10),
            method: p.method,
            reference: p.ref,
            amountPence: p.amountPence,
            action: p.reversed ? (
              'Bounced'
            ) : p.method === 'cheque' ? (
              <Form
                action={`/admin/payments/company-invoices/${invoice.id}/bounced`}
                csrfToken={ctx.csrfToken}
              >
                <input type="hidden" name="ref" value={p.ref} />
                <Button variant="warning">
                  Cheque bounced<span class="visually-hidden"> {p.ref}</span>
                </Button>
              </Form>
            ) : null,
          }))}
        />
      )}
      <p class="note">
        A payment here is shared out over the member invoices in this order. A bounced cheque is reversed on
        every membership it paid; refunds are made on each member invoice.
      </p>
      {invoice.status !== 'void' && (
        <ManualPaymentForm ctx={ctx} action={`/admin/payments/company-invoices/${invoice.id}`} form={form} />
      )}
    </AdminLayout>
  )
}

type PaymentRow = {
  receivedOn: string
  method: string
  reference: string
  amountPence: number
  action: ComponentChildren
}

/** Payments received on an invoice, each with what staff can do about it (refund, bounced cheque). */
function PaymentsTable({ caption, rows }: { caption: string; rows: PaymentRow[] }) {
  return (
    <table class="table">
      <caption class="table-caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Received</th>
          <th scope="col">Method</th>
          <th scope="col">Reference</th>
          <th scope="col" class="numeric">
            Amount
          </th>
          <th scope="col">
            <span class="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{r.receivedOn}</td>
            <td>{r.method}</td>
            <td>{r.reference}</td>
            <td class="numeric">{formatMoney(r.amountPence)}</td>
            <td>{r.action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
