import { formatMoney } from '../../../platform/money.ts'
import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Button, TextInput } from '../../../platform/views/form.tsx'
import type { InvoiceFilter } from '../reports.ts'

type InvoiceRow = { id: string; number: string; reference: string; total_pence: number; paid: number; due_on: Date; name: string; membershipNumber: string }
const filters: { value: InvoiceFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'paid', label: 'Paid' },
]

export function InvoicesPage({ ctx, filter, rows }: { ctx: ViewContext; filter: InvoiceFilter; rows: InvoiceRow[] }) {
  return (
    <AdminLayout ctx={ctx} title="Invoices">
      <nav aria-label="Invoice filters">
        <ul class="filters">
          {filters.map((f) => (
            <li>
              <a href={`/admin/invoices?status=${f.value}`} aria-current={f.value === filter ? 'page' : undefined}>
                {f.label}
              </a>
            </li>
          ))}
          <li>
            <a href="/admin/payments/report">Payments and income</a>
          </li>
          <li>
            <a href="/admin/payments/to-check">Payments to check</a>
          </li>
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>No invoices here.</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{filter} invoices</caption>
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Member</th>
                <th scope="col">Reference</th>
                <th scope="col">Pay by</th>
                <th scope="col" class="numeric">
                  Total
                </th>
                <th scope="col" class="numeric">
                  Paid
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/payments/invoices/${r.id}`}>{r.number}</a>
                  </td>
                  <td>
                    {r.name} ({r.membershipNumber})
                  </td>
                  <td>{r.reference}</td>
                  <td>{r.due_on.toISOString().slice(0, 10)}</td>
                  <td class="numeric">{formatMoney(r.total_pence)}</td>
                  <td class="numeric">{formatMoney(Number(r.paid))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  )
}

type Payment = { receivedOn: string; kind: string; method: string; amount_pence: number; external_ref: string | null; invoice: string; name: string }

export function PaymentsReportPage({ ctx, from, to, rows, byMethod, total }: { ctx: ViewContext; from: string; to: string; rows: Payment[]; byMethod: [string, number][]; total: number }) {
  return (
    <AdminLayout ctx={ctx} title="Payments and income">
      <form method="get" action="/admin/payments/report" class="inline-fields">
        <TextInput name="from" label="From (YYYY-MM-DD)" width="third" form={{ values: { from }, errors: {} }} />
        <TextInput name="to" label="To (YYYY-MM-DD)" width="third" form={{ values: { to }, errors: {} }} />
        <Button variant="secondary">Show</Button>
      </form>
      <h2>Income from {from} to {to}</h2>
      <ul class="list">
        {byMethod.map(([method, pence]) => (
          <li>
            {method}: {formatMoney(pence)}
          </li>
        ))}
        <li>
          <strong>Total: {formatMoney(total)}</strong>
        </li>
      </ul>
      <p>
        <a href={`/admin/payments/report.csv?from=${from}&to=${to}`}>Download as CSV</a>
      </p>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">Payments received</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Member</th>
              <th scope="col">Invoice</th>
              <th scope="col">Method</th>
              <th scope="col" class="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.receivedOn}</td>
                <td>{r.name}</td>
                <td>{r.invoice}</td>
                <td>
                  {r.method}
                  {r.kind !== 'payment' && ` (${r.kind})`}
                </td>
                <td class="numeric">{formatMoney(r.amount_pence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  )
}

type ToCheck = {
  attempts: { id: string; order_id: string | null; detail: string; amount_pence: number; invoiceId: string; number: string; name: string }[]
  overpaid: { id: string; number: string; total_pence: number; paid: number; name: string }[]
}

export function ToCheckPage({ ctx, attempts, overpaid }: { ctx: ViewContext } & ToCheck) {
  return (
    <AdminLayout ctx={ctx} title="Payments to check" lead="Money that arrived but could not be applied automatically. Nothing here was lost; it needs a person.">
      <h2>Card payments held for review</h2>
      {attempts.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="added-list">
          {attempts.map((a) => (
            <li>
              <span>
                <a href={`/admin/payments/invoices/${a.invoiceId}`}>{a.number}</a> · {a.name} · expected {formatMoney(a.amount_pence)} · PayPal order {a.order_id}: {a.detail}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>Over-paid invoices</h2>
      {overpaid.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="added-list">
          {overpaid.map((o) => (
            <li>
              <span>
                <a href={`/admin/payments/invoices/${o.id}`}>{o.number}</a> · {o.name} · paid {formatMoney(Number(o.paid))} of {formatMoney(o.total_pence)}: refund {formatMoney(Number(o.paid) - o.total_pence)}?
              </span>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  )
}
