import { formatDateTime } from '../../../platform/dates.ts'
import type { EmailStatus } from '../../../platform/mail/tables.ts'
import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Button, Form, NotificationBanner } from '../../../platform/views/form.tsx'

type Email = { id: string; to_address: string; subject: string; status: EmailStatus; attempts: number; last_error: string | null; created_at: Date; sent_at: Date | null }

const labels: Record<EmailStatus, string> = { queued: 'Queued', failed: 'Failed', sent: 'Sent', captured: 'Kept offline' }

type Props = { ctx: ViewContext; status: EmailStatus; counts: Record<EmailStatus, number>; emails: Email[]; retried?: boolean }

export function EmailsPage({ ctx, status, counts, emails, retried }: Props) {
  return (
    <AdminLayout ctx={ctx} title="Emails" lead="Every email the site sends goes through this queue and is retried until the mail server takes it.">
      {retried && (
        <NotificationBanner title="Success" success>
          <p>The email is back in the queue.</p>
        </NotificationBanner>
      )}
      <nav aria-label="Email status">
        <ul class="filters">
          {(Object.keys(labels) as EmailStatus[]).map((s) => (
            <li>
              <a href={`/admin/emails?status=${s}`} aria-current={s === status ? 'page' : undefined}>
                {labels[s]} ({counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {emails.length === 0 ? (
        <p>No {labels[status].toLowerCase()} emails.</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{labels[status]} emails</caption>
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Attempts</th>
                <th scope="col">{status === 'failed' || status === 'queued' ? 'Last error' : 'Sent'}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((e) => (
                <tr>
                  <td>{formatDateTime(e.created_at)}</td>
                  <td>{e.to_address}</td>
                  <td>{e.subject}</td>
                  <td>{e.attempts}</td>
                  <td>
                    {e.sent_at ? formatDateTime(e.sent_at) : (e.last_error ?? '—')}
                    {e.status === 'failed' && (
                      <Form action={`/admin/emails/${e.id}/retry`} csrfToken={ctx.csrfToken}>
                        <Button variant="secondary">
                          Retry<span class="visually-hidden"> the email to {e.to_address}</span>
                        </Button>
                      </Form>
                    )}
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
