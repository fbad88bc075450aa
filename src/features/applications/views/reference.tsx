import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Radios, Textarea, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import { QuestionPage } from './question-page.tsx'

type Props = { ctx: ViewContext; form: FormState; token: string; request: { refereeName: string; applicantName: string } }

export function ReferenceFormPage({ ctx, form, token, request }: Props) {
  return (
    <QuestionPage
      ctx={ctx}
      title={`Reference for ${request.applicantName}`}
      lead={`Thank you, ${request.refereeName}. ${request.applicantName} has applied to join the Case Management Society UK and named you as a referee. The office reads your answers; the applicant does not see them.`}
      back="/"
      form={form}
      action={`/reference?token=${encodeURIComponent(token)}`}
      button="Send reference"
    >
      <TextInput name="knownHow" label="How do you know the applicant?" form={form} />
      <Radios
        name="capacity"
        legend="In what capacity?"
        form={form}
        options={[
          { value: 'manager', label: 'As their manager or supervisor' },
          { value: 'colleague', label: 'As a colleague' },
          { value: 'client', label: 'As a client or purchaser of their services' },
          { value: 'personal', label: 'Personally, not through work' },
          { value: 'other', label: 'Another way' },
        ]}
      />
      <TextInput name="duration" label="How long have you known them?" width="half" form={form} />
      <Textarea name="comments" label="Your comments" hint="Their suitability for membership of a professional society of case managers. Up to 3,000 characters." rows={8} form={form} />
    </QuestionPage>
  )
}

export function ReferenceDonePage({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout ctx={ctx} title="Reference sent">
      <div class="narrow">
        <div class="panel panel--confirmation">
          <h1 class="panel-title">Reference sent</h1>
          <p class="panel-body">Thank you for your help.</p>
        </div>
        <p>The office will read your reference with the application. You do not need to do anything else.</p>
      </div>
    </Layout>
  )
}

const reasons = {
  unknown: 'This link is not valid. It may be incomplete, or the applicant may have named a different referee.',
  expired: 'This link has expired. If you would still like to give a reference, please contact the office.',
  answered: 'You have already sent this reference. Thank you.',
}

export function ReferenceProblemPage({ ctx, reason }: { ctx: ViewContext; reason: keyof typeof reasons }) {
  return (
    <Layout ctx={ctx} title="This link does not work">
      <div class="narrow">
        <PageHeading title={reason === 'answered' ? 'Reference already sent' : 'This link does not work'} />
        <p>{reasons[reason]}</p>
        <p>
          <a href="/contact">Contact the office</a>
        </p>
      </div>
    </Layout>
  )
}
