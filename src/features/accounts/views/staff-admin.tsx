import { type Role, roleLabels } from '../../../platform/http/permissions.ts'
import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Form,
  NotificationBanner,
  TextInput,
} from '../../../platform/views/form.tsx'
import { roleOptions } from '../forms.ts'
import type { StaffMember } from '../staff.ts'

type Props = {
  ctx: ViewContext
  staff: StaffMember[]
  form: FormState
  notice?: string
  currentUserId: string
}

const notices: Record<string, string> = {
  invited: 'The invitation has been sent.',
  roles: 'The roles have been saved.',
  'last-admin': 'There must always be at least one administrator, so that role was kept.',
}

export function StaffPage({ ctx, staff, form, notice, currentUserId }: Props) {
  const message = notice ? notices[notice] : undefined
  return (
    <AdminLayout ctx={ctx} title="Staff" hasErrors={Object.keys(form.errors).length > 0}>
      {message && (
        <NotificationBanner
          title={notice === 'last-admin' ? 'Important' : 'Success'}
          success={notice !== 'last-admin'}
        >
          <p>{message}</p>
        </NotificationBanner>
      )}
      <ErrorSummary errors={form.errors} />
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">Staff accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Two-factor</th>
              <th scope="col">Roles</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr>
                <td>
                  {s.name} {s.invited && <span class="tag tag--yellow">Invited</span>}
                </td>
                <td>{s.email}</td>
                <td>
                  {s.twoFactor ? <span class="tag tag--green">On</span> : <span class="tag">Not set up</span>}
                </td>
                <td>
                  <Form action={`/admin/staff/${s.id}/roles`} csrfToken={ctx.csrfToken}>
                    <fieldset class="fieldset">
                      <legend class="visually-hidden">Roles for {s.name}</legend>
                      <div class="checkboxes">
                        {(Object.keys(roleLabels) as Role[]).map((role) => (
                          <div class="choice">
                            <input
                              class="choice-input"
                              type="checkbox"
                              id={`roles-${s.id}-${role}`}
                              name="roles"
                              value={role}
                              checked={s.roles.includes(role)}
                            />
                            <label class="choice-label" for={`roles-${s.id}-${role}`}>
                              {roleLabels[role]}
                            </label>
                          </div>
                        ))}
                      </div>
                    </fieldset>
                    <Button variant="secondary">
                      Save roles<span class="visually-hidden"> for {s.name}</span>
                    </Button>
                    {s.id === currentUserId && <p class="hint">This is you.</p>}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Invite a member of staff</h2>
      <div class="narrow">
        <Form action="/admin/staff" csrfToken={ctx.csrfToken}>
          <TextInput name="name" label="Full name" autocomplete="off" form={form} />
          <TextInput
            name="email"
            label="Email address"
            type="email"
            spellcheck={false}
            autocomplete="off"
            form={form}
          />
          <Checkboxes name="roles" legend="Roles" form={form} options={roleOptions} />
          <Button>Send invitation</Button>
        </Form>
      </div>
    </AdminLayout>
  )
}

type AuditRow = {
  id: number
  at: Date
  action: string
  actor: string | null
  subject: string | null
  detail: Record<string, unknown>
}
const when = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'Europe/London',
})

export function AuditPage({ ctx, rows }: { ctx: ViewContext; rows: AuditRow[] }) {
  return (
    <AdminLayout
      ctx={ctx}
      title="Audit log"
      lead="Security events and staff actions, newest first. Passwords, codes and links are never recorded."
    >
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">Audit log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">By</th>
              <th scope="col">Account</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{when.format(r.at)}</td>
                <td>{r.action.replace(/_/g, ' ')}</td>
                <td>{r.actor ?? '—'}</td>
                <td>{r.subject ?? '—'}</td>
                <td>
                  {Object.entries(r.detail)
                    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  )
}
