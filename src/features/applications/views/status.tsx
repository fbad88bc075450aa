import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { ButtonLink, NotificationBanner } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import type { LoadedApplication } from '../queries.ts'
import { QuestionPage } from './question-page.tsx'
import { RefereeFields } from './steps.tsx'

export function SubmittedPage({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout ctx={ctx} title="Application submitted">
      <div class="narrow">
        <div class="panel panel--confirmation">
          <h1 class="panel-title">Application submitted</h1>
          <p class="panel-body">We have emailed you a confirmation.</p>
        </div>
        <h2>What happens next</h2>
        <ol class="list">
          <li>We email your two referees a private link to give their reference.</li>
          <li>The office reviews your application, checks your registrations and reads your references.</li>
          <li>We email you our decision.</li>
        </ol>
        <p>You do not pay anything until your application is approved. Once approved you will receive an email informing you of the fee due to activate your membership.</p>
        <p>
          <a href="/apply/status">See your application and your references</a>
        </p>
      </div>
    </Layout>
  )
}

const statusText: Record<string, { title: string; text: string }> = {
  draft: { title: 'Not submitted yet', text: 'Your answers are saved. Finish them and submit when you are ready.' },
  submitted: { title: 'Being reviewed', text: 'The office is reviewing your application. We will email you our decision.' },
  changes_requested: { title: 'Changes requested', text: 'The office has asked you to change some answers before they decide.' },
  approved: { title: 'Approved', text: 'Your application has been approved.' },
  rejected: { title: 'Not approved', text: 'Your application was not approved.' },
}

export function StatusPage({ ctx, loaded, gradeName, notice }: { ctx: ViewContext; loaded: LoadedApplication; gradeName: string; notice?: string }) {
  const a = loaded.application
  const s = statusText[a.status]!
  return (
    <Layout ctx={ctx} title="Your application">
      <div class="narrow">
        {notice && (
          <NotificationBanner title="Success" success>
            <p>{notice}</p>
          </NotificationBanner>
        )}
        <PageHeading title="Your application" caption={`${gradeName} membership`} />
        <h2>
          Status: <span class="tag">{s.title}</span>
        </h2>
        <p>{s.text}</p>
        {a.status === 'changes_requested' && (
          <>
            <p>
              <strong>What the office needs:</strong> {a.changes_requested}
            </p>
            <ButtonLink href="/apply/check">Change your answers</ButtonLink>
          </>
        )}
        {a.status === 'draft' && <ButtonLink href="/apply/check">Continue your application</ButtonLink>}
        {a.status === 'rejected' && a.decision_reason && <p>{a.decision_reason}</p>}
        {a.status === 'approved' && (
          <p>
            We have emailed you the fee due to activate your membership. <a href="/account">Go to your account</a>.
          </p>
        )}
        {(a.status === 'submitted' || a.status === 'changes_requested') && (
          <>
            <h2>Your references</h2>
            <ul class="added-list">
              {loaded.referees.map((r) => (
                <li>
                  <span>
                    {r.name} ({r.kind}){' '}
                    {r.responded_at ? <span class="tag tag--green">Received</span> : <span class="tag tag--yellow">Waiting</span>}
                  </span>
                  {!r.responded_at && (
                    <a href={`/apply/referees/${r.id}/replace`}>
                      Replace<span class="visually-hidden"> {r.name}</span>
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Layout>
  )
}

export function ReplaceRefereePage({ ctx, form, refereeId, name }: { ctx: ViewContext; form: FormState; refereeId: string; name: string }) {
  return (
    <QuestionPage
      ctx={ctx}
      title={`Replace ${name} as a referee`}
      lead="We will ask your new referee for a reference straight away. The link we sent to the old one stops working."
      back="/apply/status"
      form={form}
      action={`/apply/referees/${refereeId}/replace`}
      button="Replace referee"
    >
      <RefereeFields form={form} />
    </QuestionPage>
  )
}
