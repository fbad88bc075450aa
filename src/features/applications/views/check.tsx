import type { ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form, SummaryList } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import type { Eligibility } from '../eligibility.ts'
import type { LoadedApplication } from '../queries.ts'
import type { Problem } from '../submission.ts'
import { answerRows } from './answers.tsx'
import { EligibilityPanel } from './question-page.tsx'

type Props = {
  ctx: ViewContext
  loaded: LoadedApplication
  gradeName: string
  eligibility: Eligibility
  problems: Problem[]
  expertiseLabels: Map<string, string>
}

export function CheckAnswersPage({ ctx, loaded, gradeName, eligibility, problems, expertiseLabels }: Props) {
  const errors = Object.fromEntries(problems.map((p, i) => [`problem-${i}`, p.message]))
  const resubmitting = loaded.application.status === 'changes_requested'
  return (
    <Layout ctx={ctx} title="Check your answers before submitting your application" hasErrors={problems.length > 0}>
      <div class="narrow">
        {problems.length > 0 && (
          <div class="error-summary" aria-labelledby="error-summary-title" role="alert" tabindex={-1}>
            <h2 class="error-summary-title" id="error-summary-title">
              Before you can submit
            </h2>
            <ul class="error-summary-list">
              {problems.map((p) => (
                <li>
                  <a href={p.href}>{p.message}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {problems.length === 0 && <ErrorSummary errors={{}} />}
        {resubmitting && loaded.application.changes_requested && (
          <section class="eligibility" aria-labelledby="changes-title">
            <h2 id="changes-title" class="eligibility-title">
              The office asked for these changes
            </h2>
            <p>{loaded.application.changes_requested}</p>
          </section>
        )}
        <PageHeading title="Check your answers before submitting your application" caption="Apply for membership" />
        <EligibilityPanel result={eligibility} gradeName={gradeName} />
        <SummaryList rows={answerRows(loaded, gradeName, expertiseLabels, true)} />
        <h2>Now submit your application</h2>
        <p>By submitting you confirm the declarations you made. We will email your referees, and you pay nothing until the application is approved.</p>
        {Object.keys(errors).length === 0 ? (
          <Form action="/apply/submit" csrfToken={ctx.csrfToken}>
            <Button>{resubmitting ? 'Resubmit application' : 'Submit application'}</Button>
          </Form>
        ) : (
          <p>
            <strong>Complete the answers listed at the top of this page to submit.</strong>
          </p>
        )}
      </div>
    </Layout>
  )
}
