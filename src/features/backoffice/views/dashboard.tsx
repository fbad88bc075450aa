import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'

type Props = { ctx: ViewContext; newCallbacks: number | null; failedEmails: number | null; paymentsToLookAt: number | null }

export function DashboardPage({ ctx, newCallbacks, failedEmails, paymentsToLookAt }: Props) {
  return (
    <AdminLayout ctx={ctx} title="Dashboard" lead={`Welcome, ${ctx.user?.name ?? ''}.`}>
      <ul class="card-grid">
        {newCallbacks !== null && (
          <li class="card">
            <h2>
              <a href="/admin/callbacks">Callback requests</a>
            </h2>
            <p>{newCallbacks === 0 ? 'No new requests.' : `${newCallbacks} new ${newCallbacks === 1 ? 'request' : 'requests'} to call back.`}</p>
          </li>
        )}
        {paymentsToLookAt !== null && (
          <li class="card">
            <h2>
              <a href="/admin/payments/to-check">Payments to check</a>
            </h2>
            <p>{paymentsToLookAt === 0 ? 'Every card payment has been applied.' : `${paymentsToLookAt} card ${paymentsToLookAt === 1 ? 'payment needs' : 'payments need'} a person to look at.`}</p>
          </li>
        )}
        {failedEmails !== null && (
          <li class="card">
            <h2>
              <a href="/admin/emails">Emails</a>
            </h2>
            <p>{failedEmails === 0 ? 'Every email has gone or is on its way.' : `${failedEmails} ${failedEmails === 1 ? 'email' : 'emails'} could not be sent.`}</p>
          </li>
        )}
      </ul>
    </AdminLayout>
  )
}
