import type { ComponentChildren } from 'preact'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, Checkboxes, DateInput, Form, MonthYearInput, Radios, Select, TextInput } from '../../../platform/views/form.tsx'
import { type Eligibility, qualificationLevels } from '../eligibility.ts'
import { hcpcProfessions, recordChecks, registeredBodies } from '../registration-numbers.ts'
import { ukRegions } from '../steps.ts'
import { EligibilityPanel, QuestionPage } from './question-page.tsx'

export type Item = { id: string; summary: ComponentChildren }

type ListProps = {
  ctx: ViewContext
  step: string
  title: string
  lead: string
  back: string
  items: Item[]
  form: FormState
  addTitle: string
  canContinue: boolean
  continueHint?: string
  eligibility?: { result: Eligibility; gradeName: string }
  children: ComponentChildren
}

/** "Add another": what has been added (each with Remove), a form to add one more, and Continue. */
export function ListStepPage({ ctx, step, title, lead, back, items, form, addTitle, canContinue, continueHint, eligibility, children }: ListProps) {
  return (
    <QuestionPage
      ctx={ctx}
      title={title}
      lead={lead}
      back={back}
      form={form}
      before={
        <>
          {eligibility && <EligibilityPanel {...eligibility} />}
          {items.length > 0 && (
            <ul class="added-list">
              {items.map((item) => (
                <li>
                  <span>{item.summary}</span>
                  <Form action={`/apply/${step}/${item.id}/remove`} csrfToken={ctx.csrfToken}>
                    <button type="submit" class="link-button link-button--dark">
                      Remove<span class="visually-hidden"> {typeof item.summary === 'string' ? item.summary : ''}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <h2 class="add-heading">{items.length > 0 ? `Add another ${addTitle}` : `Add ${addTitle}`}</h2>
        </>
      }
      action={`/apply/${step}`}
      button={`Add ${addTitle}`}
      after={
        <Form action={`/apply/${step}/continue`} csrfToken={ctx.csrfToken}>
          {continueHint && <p class="hint">{continueHint}</p>}
          {canContinue ? <Button>Save and continue</Button> : <Button variant="secondary">Skip for now</Button>}
        </Form>
      }
    >
      {children}
    </QuestionPage>
  )
}

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]

export const QualificationFields = ({ form }: { form: FormState }) => (
  <>
    <TextInput name="title" label="Qualification" hint="For example, BSc (Hons) Adult Nursing or Diploma in Occupational Therapy" form={form} />
    <Select name="level" label="Level" form={form} options={[{ value: '', label: 'Choose a level' }, ...qualificationLevels.map((l) => ({ value: l.value, label: l.label }))]} />
    <TextInput name="awardingBody" label="Awarding body" hint="The university, college or organisation that awarded it" form={form} />
    <TextInput name="year" label="Year awarded" inputmode="numeric" width="short" form={form} />
    <Radios name="clinical" legend="Is this a clinical qualification?" hint="Such as nursing, occupational therapy, physiotherapy, speech and language therapy, social work or medicine" form={form} options={yesNo} />
  </>
)

export const RegistrationFields = ({ form }: { form: FormState }) => (
  <>
    <Radios name="body" legend="Registered body" form={form} options={registeredBodies.map((b) => ({ value: b.value, label: b.label }))} />
    <Select
      name="profession"
      label="Profession"
      hint="For the HCPC, choose the profession you are registered for. For other bodies, choose Other and type it below."
      form={form}
      options={[{ value: '', label: 'Other (type below)' }, ...hcpcProfessions.map((p) => ({ value: p.value, label: p.label }))]}
    />
    <TextInput name="professionText" label="Profession, if not listed (optional)" hint="For example, Registered nurse (adult)" form={form} />
    <TextInput
      name="number"
      label="Registration number"
      hint="An NMC PIN is 2 numbers, a letter, 4 numbers and a letter, like 12A3456E. HCPC numbers start with the profession, like OT12345. Social Work England numbers are like SW123. GMC numbers are 7 numbers."
      width="half"
      spellcheck={false}
      form={form}
    />
  </>
)

export const AssociationFields = ({ form }: { form: FormState }) => (
  <TextInput name="name" label="Association" hint="For example, the Royal College of Nursing or the British Association of Brain Injury and Complex Case Management" form={form} />
)

export const WorkFields = ({ form }: { form: FormState }) => (
  <>
    <TextInput name="employer" label="Employer" form={form} />
    <TextInput name="role" label="Role" form={form} />
    <MonthYearInput name="from" legend="Started" hint="For example, 3 2019" form={form} />
    <MonthYearInput name="to" legend="Finished (leave empty if you still work there)" form={form} />
    <div class="inline-fields">
      <TextInput name="cmMonths" label="Months of case management in this role" inputmode="numeric" width="short" form={form} />
      <TextInput name="cmHours" label="Or hours of case management" inputmode="numeric" width="short" form={form} />
    </div>
  </>
)

export const RefereeFields = ({ form }: { form: FormState }) => (
  <>
    <TextInput name="name" label="Full name" form={form} />
    <TextInput name="email" label="Email address" hint="We email your referee a private link to give their reference" type="email" spellcheck={false} form={form} />
    <TextInput name="phone" label="Phone number" type="tel" width="half" form={form} />
    <TextInput name="relationship" label="How do they know you?" hint="For example, my line manager at Acme Case Management since 2019" form={form} />
    <Radios
      name="kind"
      legend="Type of reference"
      hint="Both referees can be professional, or one professional and one personal"
      form={form}
      options={[
        { value: 'professional', label: 'Professional', hint: 'Someone who knows your work, such as a manager or colleague' },
        { value: 'personal', label: 'Personal', hint: 'Someone who knows you, but not through your work' },
      ]}
    />
  </>
)

type ExpertiseProps = { ctx: ViewContext; form: FormState; back: string; areas: { code: string; label: string; clinical: boolean }[]; note?: string }

export function ExpertisePage({ ctx, form, back, areas, note }: ExpertiseProps) {
  return (
    <QuestionPage ctx={ctx} title="Areas of expertise and where you work" back={back} form={form} action="/apply/expertise">
      {note && <p>{note}</p>}
      <Checkboxes
        name="expertise"
        legend="Your areas of expertise"
        hint="Clinical areas need a clinical qualification and a registration with its registered body. Vocational case managers without them choose Vocational only."
        form={form}
        options={areas.map((a) => ({ value: a.code, label: a.label }))}
      />
      <Checkboxes name="regions" legend="Where you work" hint="Select every region you take referrals in" form={form} options={ukRegions.map((r) => ({ value: r, label: r }))} />
    </QuestionPage>
  )
}

export function InsurancePage({ ctx, form, back }: { ctx: ViewContext; form: FormState; back: string }) {
  return (
    <QuestionPage ctx={ctx} title="Professional indemnity insurance" lead="Members who practise must have appropriate professional indemnity insurance." back={back} form={form} action="/apply/insurance">
      <TextInput name="provider" label="Insurer or scheme" hint="For example, your employer’s policy or your professional body’s scheme" form={form} />
      <DateInput name="renewal" legend="Renewal date" hint="For example, 31 3 2027" form={form} />
      <Checkboxes name="confirmed" legend="Confirmation" form={form} options={[{ value: 'yes', label: 'I confirm I have appropriate professional indemnity insurance for my case management work' }]} />
    </QuestionPage>
  )
}

export function RecordCheckPage({ ctx, form, back }: { ctx: ViewContext; form: FormState; back: string }) {
  return (
    <QuestionPage
      ctx={ctx}
      title="Criminal record check"
      lead="The FAQ asks you to be ‘CRB checked’: since December 2012 the CRB is the Disclosure and Barring Service (DBS). We record the check, never what it disclosed."
      back={back}
      form={form}
      action="/apply/record-check"
    >
      <Radios name="type" legend="Type of check" form={form} options={recordChecks.map((r) => ({ value: r.value, label: r.label, hint: r.hint }))} />
      <Radios
        name="level"
        legend="Level"
        form={form}
        options={[
          { value: 'basic', label: 'Basic' },
          { value: 'standard', label: 'Standard' },
          { value: 'enhanced', label: 'Enhanced' },
          { value: 'enhanced-barred', label: 'Enhanced with barred lists' },
        ]}
      />
      <TextInput name="number" label="Certificate number" inputmode="numeric" width="half" spellcheck={false} form={form} />
      <DateInput name="issued" legend="Date of issue" hint="For example, 14 6 2024" form={form} />
      <Radios name="updateService" legend="Do you subscribe to the DBS Update Service?" form={form} options={yesNo} />
    </QuestionPage>
  )
}

type EvidenceProps = { ctx: ViewContext; back: string; files: { id: string; filename: string; size_bytes: number }[]; form: FormState }

export function EvidencePage({ ctx, back, files, form }: EvidenceProps) {
  return (
    <QuestionPage
      ctx={ctx}
      title="Evidence (optional)"
      lead="You can add copies of certificates or other documents that support your application. PDF, JPEG or PNG, up to 10 MB each."
      back={back}
      form={form}
      before={
        <>
          {files.length > 0 && (
            <ul class="added-list">
              {files.map((f) => (
                <li>
                  <a href={`/apply/files/${f.id}`}>{f.filename}</a> <span class="hint">{Math.ceil(f.size_bytes / 1024).toLocaleString('en-GB')} KB</span>
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={`/apply/evidence?_csrf=${encodeURIComponent(ctx.csrfToken)}`} enctype="multipart/form-data" novalidate>
            <div class={form.errors.file ? 'form-group form-group--error' : 'form-group'}>
              <label class="label" for="file">
                Upload a file
              </label>
              {form.errors.file && (
                <p class="error-message" id="file-error">
                  <span class="visually-hidden">Error: </span>
                  {form.errors.file}
                </p>
              )}
              <input class="file-input" id="file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby={form.errors.file ? 'file-error' : undefined} />
            </div>
            <Button variant="secondary">Upload file</Button>
          </form>
        </>
      }
      after={
        <Form action="/apply/evidence/continue" csrfToken={ctx.csrfToken}>
          <Button>Continue</Button>
        </Form>
      }
    />
  )
}

export function DeclarationsPage({ ctx, form, back, marketingWording }: { ctx: ViewContext; form: FormState; back: string; marketingWording: string }) {
  return (
    <QuestionPage ctx={ctx} title="Declarations" back={back} form={form} action="/apply/declarations">
      <Checkboxes name="truthful" legend="Declaration" form={form} options={[{ value: 'yes', label: 'The information I have given is true and complete, to the best of my knowledge' }]} />
      <Checkboxes
        name="dataUse"
        legend="How we use your information"
        hint="We use your answers to assess your application and, if you join, to run your membership. We contact your referees and may check your registration on public registers. Read how we use your details."
        form={form}
        options={[{ value: 'yes', label: 'I agree to CMSUK using my information in this way' }]}
      />
      <Checkboxes name="marketing" legend="News and events (optional)" form={form} options={[{ value: 'yes', label: marketingWording }]} />
    </QuestionPage>
  )
}
