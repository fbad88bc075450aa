import { formatDateTime } from '../../../platform/dates.ts'
import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Button, Form, NotificationBanner, Select, Textarea } from '../../../platform/views/form.tsx'
import { bestTimeOptions } from '../forms.ts'
import type { CallbackStatus } from '../tables.ts'

type Callback = { id: number; name: string; phone: string; email: string | null; best_time: string; about: string; status: CallbackStatus; staff_note: string; created_at: Date }

const labels: Record<CallbackStatus, string> = { new: 'New', called: 'Called', closed: 'Closed' }
const statusOptions = (['new', 'called', 'closed'] as const).map((v) => ({ value: v, label: labels[v] }))

type Props = { ctx: ViewContext; status: CallbackStatus; counts: Record<CallbackStatus, number>; callbacks: Callback[]; updated?: boolean }

export function CallbacksPage({ ctx, status, counts, callbacks, updated }: Props) {
  return (
    <AdminLayout ctx={ctx} title="Callback requests">
      {updated && (
        <NotificationBanner title="Success" success>
          <p>The callback request has been updated.</p>
        </NotificationBanner>
      )}
      <nav aria-label="Callback status">
        <ul class="filters">
          {statusOptions.map((o) => (
            <li>
              <a href={`/admin/callbacks?status=${o.value}`} aria-current={o.value === status ? 'page' : undefined}>
                {o.label} ({counts[o.value]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {callbacks.length === 0 && <p>There are no {labels[status].toLowerCase()} callback requests.</p>}
      {callbacks.map((c) => (
        <article class="card stack" aria-labelledby={`callback-${c.id}`}>
          <h2 id={`callback-${c.id}`}>{c.name}</h2>
          <p>
            <strong>Phone:</strong> <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
            {c.email && (
              <>
                {' '}
                · <strong>Email:</strong> <a href={`mailto:${c.email}`}>{c.email}</a>
              </>
            )}
            <br />
            <strong>Best time:</strong> {bestTimeOptions.find((o) => o.value === c.best_time)?.label ?? c.best_time} · <strong>Asked:</strong>{' '}
            {formatDateTime(c.created_at)}
          </p>
          <p>{c.about}</p>
          <Form action={`/admin/callbacks/${c.id}`} csrfToken={ctx.csrfToken}>
            <Select name={`status-${c.id}`} label="Status" form={{ values: { [`status-${c.id}`]: c.status }, errors: {} }} options={statusOptions} />
            <Textarea name={`note-${c.id}`} label="Note for the office" rows={2} form={{ values: { [`note-${c.id}`]: c.staff_note }, errors: {} }} />
            <Button variant="secondary">Save</Button>
          </Form>
        </article>
      ))}
    </AdminLayout>
  )
}
