import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form, Radios, Textarea, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import { RichText } from '../../../platform/views/rich-text.tsx'
import { bestTimeOptions, HONEYPOT_FIELD } from '../forms.ts'

type Page = { title: string; summary: string; body: string }

export function CallbackPage({ ctx, page, form }: { ctx: ViewContext; page: Page; form: FormState }) {
  const hasErrors = Object.keys(form.errors).length > 0
  return (
    <Layout ctx={ctx} title={page.title} hasErrors={hasErrors}>
      <div class="narrow">
        <ErrorSummary errors={form.errors} />
        <PageHeading title={page.title} lead={page.summary} />
        <div class="prose">
          <RichText text={page.body} />
        </div>
        <Form action="/request-a-callback" csrfToken={ctx.csrfToken}>
          <TextInput name="name" label="Your name" form={form} autocomplete="name" spellcheck={false} />
          <TextInput
            name="phone"
            label="Phone number"
            hint="A UK or international number, like 01632 960 001 or 07700 900 982"
            form={form}
            type="tel"
            autocomplete="tel"
            width="half"
          />
          <TextInput
            name="email"
            label="Email address (optional)"
            hint="We only use this if we cannot reach you by phone"
            form={form}
            type="email"
            autocomplete="email"
            spellcheck={false}
          />
          <Radios name="bestTime" legend="When is the best time to call you?" form={form} options={[...bestTimeOptions]} />
          <Textarea
            name="about"
            label="What would you like to talk about?"
            hint="For example, applying for membership, paying, or finding a case manager. Up to 1,000 characters."
            form={form}
          />
          <div class="honeypot" aria-hidden="true">
            <label for={HONEYPOT_FIELD}>Leave this field empty</label>
            <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" />
          </div>
          <p class="privacy-note">
            We use these details only to call you back about your question, and delete them once it has been dealt with.
            Read <a href="/privacy">how we use your details</a>.
          </p>
          <Button>Request a callback</Button>
        </Form>
      </div>
    </Layout>
  )
}

export function CallbackThanksPage({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout ctx={ctx} title="Callback requested">
      <div class="narrow">
        <div class="panel panel--confirmation">
          <h1 class="panel-title">Callback requested</h1>
          <p class="panel-body">Thank you. The office has your details.</p>
        </div>
        <h2>What happens next</h2>
        <p>
          A member of the office team will call you at the time you chose, usually within two working days. If we cannot
          reach you we will try again, and email you if you gave us an address.
        </p>
        <p>
          You do not need to do anything else. In the meantime you may find an answer in our{' '}
          <a href="/faq">frequently asked questions</a>.
        </p>
        <p>
          <a href="/">Return to the home page</a>
        </p>
      </div>
    </Layout>
  )
}
