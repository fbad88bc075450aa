import type { ComponentChildren } from 'preact'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import type { Eligibility } from '../eligibility.ts'

type Props = {
  ctx: ViewContext
  title: string
  back: string
  form: FormState
  lead?: string
  action?: string
  button?: string
  /** Content before the form: lists of what has been added. */
  before?: ComponentChildren
  after?: ComponentChildren
  children?: ComponentChildren
}

/** One question per page: Back link, error summary, caption, heading, the fields and a Continue button. */
export function QuestionPage({ ctx, title, back, form, lead, action, button = 'Save and continue', before, after, children }: Props) {
  return (
    <Layout ctx={ctx} title={title} hasErrors={Object.keys(form.errors).length > 0}>
      <div class="narrow">
        <p>
          <a href={back} class="back-link">
            Back
          </a>
        </p>
        <ErrorSummary errors={form.errors} />
        <PageHeading title={title} caption="Apply for membership" lead={lead} />
        {before}
        {children && action && (
          <Form action={action} csrfToken={ctx.csrfToken}>
            {children}
            <Button>{button}</Button>
          </Form>
        )}
        {after}
      </div>
    </Layout>
  )
}

/** The eligibility result with its reasons, shown on every page that affects it. */
export function EligibilityPanel({ result, gradeName }: { result: Eligibility; gradeName: string }) {
  return (
    <section class={result.eligible ? 'eligibility eligibility--met' : 'eligibility'} aria-labelledby="eligibility-title">
      <h2 id="eligibility-title" class="eligibility-title">
        {result.eligible ? `Your answers meet the ${gradeName} criteria` : `Your answers do not yet meet the ${gradeName} criteria`}
      </h2>
      <ul class="list">
        {result.reasons.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
    </section>
  )
}
