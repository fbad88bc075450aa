import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, DateInput, ErrorSummary, Form, NotificationBanner, Radios, SummaryList, Textarea, TextInput } from '../../../platform/views/form.tsx'
import type { Eligibility } from '../eligibility.ts'
import type { LoadedApplication } from '../queries.ts'
import { registeredBodies } from '../registration-numbers.ts'
import type { Queue } from '../review.ts'
import { queues } from '../review.ts'
import { answerRows } from './answers.tsx'
import { EligibilityPanel } from './question-page.tsx'

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })
const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' })

type Row = { id: string; grade: string; status: string; submitted_at: Date | null; decided_at: Date | null; name: string; email: string; references: number; unverified: number }

export function QueuePage({ ctx, queue, counts, rows, gradeNames }: { ctx: ViewContext; queue: Queue; counts: Record<Queue, number>; rows: Row[]; gradeNames: Map<string, string> }) {
  return (
    <AdminLayout ctx={ctx} title="Applications">
      <nav aria-label="Application queues">
        <ul class="filters">
          {queues.map((q) => (
            <li>
              <a href={`/admin/applications?queue=${q.value}`} aria-current={q.value === queue ? 'page' : undefined}>
                {q.label} ({counts[q.value]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>No applications here.</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{queues.find((q) => q.value === queue)?.label} applications</caption>
            <thead>
              <tr>
                <th scope="col">Applicant</th>
                <th scope="col">Grade</th>
                <th scope="col">Submitted</th>
                <th scope="col">References</th>
                <th scope="col">Registrations</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/applications/${r.id}`}>{r.name}</a>
                    <br />
                    <span class="hint">{r.email}</span>
                  </td>
                  <td>{gradeNames.get(r.grade) ?? r.grade}</td>
                  <td>{r.submitted_at ? day.format(r.submitted_at) : '—'}</td>
                  <td>{r.references} of 2</td>
                  <td>{r.unverified === 0 ? <span class="tag tag--green">Checked</span> : <span class="tag tag--yellow">{r.unverified} to check</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  )
}

type DetailProps = {
  ctx: ViewContext
  loaded: LoadedApplication
  gradeName: string
  expertiseLabels: Map<string, string>
  applied: Eligibility
  deciding: Eligibility[]
  gradeNames: Map<string, string>
  history: { at: Date; event: string; detail: string; actor: string | null }[]
  form: FormState
  notice?: string
}

const notices: Record<string, string> = {
  verified: 'The registration check has been recorded.',
  note: 'The note has been added.',
  approved: 'The application has been approved and the applicant emailed the fee due.',
  rejected: 'The application has been rejected and the applicant told why.',
  changes: 'The applicant has been asked for changes.',
}

export function ApplicationPage({ ctx, loaded, gradeName, expertiseLabels, applied, deciding, gradeNames, history, form, notice }: DetailProps) {
  const a = loaded.application
  const open = a.status === 'submitted'
  return (
    <AdminLayout ctx={ctx} title={loaded.user.name} hasErrors={Object.keys(form.errors).length > 0} lead={`${gradeName} application · ${a.status.replace('_', ' ')}${a.submitted_at ? ` · submitted ${day.format(a.submitted_at)}` : ''}`}>
      {notice && notices[notice] && (
        <NotificationBanner title="Success" success>
          <p>{notices[notice]}</p>
        </NotificationBanner>
      )}
      <ErrorSummary errors={form.errors} />
      <p>
        <a href="/admin/applications">All applications</a>
      </p>
      <h2>Eligibility</h2>
      <EligibilityPanel result={applied} gradeName={gradeName} />
      <h2>Answers</h2>
      <SummaryList rows={answerRows(loaded, gradeName, expertiseLabels, false)} />

      <h2>Registrations</h2>
      {loaded.registrations.length === 0 && <p>No registrations given (vocational).</p>}
      {loaded.registrations.map((r) => (
        <section class="card stack" aria-labelledby={`reg-${r.id}`}>
          <h3 id={`reg-${r.id}`}>
            {registeredBodies.find((b) => b.value === r.body)?.label}: {r.number}
          </h3>
          <p>
            {r.profession} ·{' '}
            {r.verified_at ? (
              <span class="tag tag--green">
                {r.verified_status} on {r.verified_register}, checked {day.format(r.verified_at)}
              </span>
            ) : (
              <span class="tag tag--red">Not verified</span>
            )}
          </p>
          {open && (
            <Form action={`/admin/applications/${a.id}/registrations/${r.id}/verify`} csrfToken={ctx.csrfToken}>
              <TextInput name={`register-${r.id}`} label="Register checked" hint="For example, the NMC register online" form={{ values: { [`register-${r.id}`]: r.verified_register ?? `${registeredBodies.find((b) => b.value === r.body)?.label} register` }, errors: form.errors }} />
              <Radios
                name={`status-${r.id}`}
                legend="Status seen"
                form={{ values: { [`status-${r.id}`]: r.verified_status ?? '' }, errors: form.errors }}
                options={[
                  { value: 'Registered', label: 'Registered' },
                  { value: 'Not found', label: 'Not found on the register' },
                  { value: 'Lapsed', label: 'Lapsed or removed' },
                  { value: 'Conditions', label: 'Registered with conditions or sanctions' },
                ]}
              />
              <DateInput name={`checked-${r.id}`} legend="Date checked" form={{ values: form.values, errors: form.errors }} />
              <Button variant="secondary">Record the check</Button>
            </Form>
          )}
        </section>
      ))}

      <h2>References</h2>
      {loaded.referees.map((r) => (
        <section class="card stack" aria-labelledby={`ref-${r.id}`}>
          <h3 id={`ref-${r.id}`}>
            {r.name} ({r.kind}) {r.responded_at ? <span class="tag tag--green">Received</span> : <span class="tag tag--yellow">Waiting</span>}
          </h3>
          <p>
            {r.relationship} · {r.email} · {r.phone}
            {r.invited_at && ` · asked ${day.format(r.invited_at)}`}
            {r.reminded_at && ` · reminded ${day.format(r.reminded_at)}`}
          </p>
          {r.response && (
            <dl class="summary-list">
              <div class="summary-row">
                <dt class="summary-key">How they know the applicant</dt>
                <dd class="summary-value">{r.response.knownHow}</dd>
              </div>
              <div class="summary-row">
                <dt class="summary-key">Capacity</dt>
                <dd class="summary-value">{r.response.capacity}</dd>
              </div>
              <div class="summary-row">
                <dt class="summary-key">For how long</dt>
                <dd class="summary-value">{r.response.duration}</dd>
              </div>
              <div class="summary-row">
                <dt class="summary-key">Comments</dt>
                <dd class="summary-value">{r.response.comments}</dd>
              </div>
            </dl>
          )}
        </section>
      ))}

      <h2>Evidence files</h2>
      {loaded.files.length === 0 ? (
        <p>None uploaded.</p>
      ) : (
        <ul class="list">
          {loaded.files.map((f) => (
            <li>
              <a href={`/admin/applications/${a.id}/files/${f.id}`}>{f.filename}</a>
            </li>
          ))}
        </ul>
      )}

      {open && (
        <>
          <h2>Decide</h2>
          <Form action={`/admin/applications/${a.id}/decision`} csrfToken={ctx.csrfToken}>
            <Radios
              name="decision"
              legend="Decision"
              form={form}
              options={[
                ...deciding.map((d) => ({
                  value: `approve:${d.grade}`,
                  label: `Approve as ${gradeNames.get(d.grade)}${d.grade === a.grade ? ' (as applied)' : ''}`,
                  hint: d.eligible ? 'Meets the criteria' : `Cannot approve yet: ${d.reasons.join(' ')}`,
                })),
                { value: 'changes', label: 'Ask for changes', hint: 'List what the applicant needs to change or add' },
                { value: 'reject', label: 'Reject', hint: 'The reason is sent to the applicant' },
              ]}
            />
            <Textarea name="reason" label="Reason or changes needed" hint="Needed to reject, to ask for changes, or to approve a different grade. The applicant reads it." form={form} />
            <Button>Record decision</Button>
          </Form>
        </>
      )}

      <h2>Notes and history</h2>
      <ol class="list">
        {history.map((h) => (
          <li>
            <strong>{when.format(h.at)}</strong> · {h.event}
            {h.actor && ` by ${h.actor}`}
            {h.detail && `: ${h.detail}`}
          </li>
        ))}
      </ol>
      <Form action={`/admin/applications/${a.id}/notes`} csrfToken={ctx.csrfToken}>
        <Textarea name="note" label="Add a note" rows={3} form={{ values: {}, errors: form.errors }} />
        <Button variant="secondary">Add note</Button>
      </Form>
    </AdminLayout>
  )
}
