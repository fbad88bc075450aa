import { formatMoney } from '../../../platform/money.ts'
import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Button, NotificationBanner } from '../../../platform/views/form.tsx'
import type { ImportReport } from '../bank-import.ts'

type Unmatched = { fingerprint: string; receivedOn: string; description: string; amount_pence: number; suggestions: { id: string; number: string; reference: string; name: string; due: number; reasons: string[] }[] }

export function BankPage({ ctx, report, unmatched, error }: { ctx: ViewContext; report?: ImportReport; unmatched: Unmatched[]; error?: string }) {
  return (
    <AdminLayout ctx={ctx} title="Bank statement" lead="Import a CSV export of the bank account (date, description, amount). Lines that quote one open invoice’s reference for the amount due are paid automatically.">
      {report && (
        <NotificationBanner title="Import finished" success={report.errors.length === 0}>
          <p>
            {report.matched} matched and paid · {report.unmatched} to look at · {report.alreadyImported} already imported · {report.skippedDebits} payments out skipped
          </p>
          {report.errors.length > 0 && (
            <ul class="list">
              {report.errors.map((e) => (
                <li>{e.message}</li>
              ))}
            </ul>
          )}
        </NotificationBanner>
      )}
      <form method="post" action={`/admin/payments/bank?_csrf=${encodeURIComponent(ctx.csrfToken)}`} enctype="multipart/form-data" novalidate class="narrow">
        <div class={error ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for="file">
            Bank statement (CSV)
          </label>
          {error && (
            <p class="error-message" id="file-error">
              <span class="visually-hidden">Error: </span>
              {error}
            </p>
          )}
          <input class="file-input" id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby={error ? 'file-error' : undefined} />
        </div>
        <Button>Import</Button>
      </form>
      <h2>Lines to match by hand</h2>
      {unmatched.length === 0 ? (
        <p>None.</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">Unmatched bank lines</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Description</th>
                <th scope="col" class="numeric">
                  Amount
                </th>
                <th scope="col">Might be</th>
              </tr>
            </thead>
            <tbody>
              {unmatched.map((l) => (
                <tr>
                  <td>{l.receivedOn}</td>
                  <td>{l.description}</td>
                  <td class="numeric">{formatMoney(l.amount_pence)}</td>
                  <td>
                    {l.suggestions.length === 0
                      ? '—'
                      : l.suggestions.map((s) => (
                          <p>
                            <a href={`/admin/payments/invoices/${s.id}`}>
                              {s.number} ({s.name}, {formatMoney(s.due)} due)
                            </a>
                            <br />
                            <span class="hint">matches {s.reasons.join(', ')}</span>
                          </p>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  )
}
