import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'

export function ForgotPasswordPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  return (
    <Layout ctx={ctx} title="Forgotten your password?" hasErrors={Object.keys(form.errors).length > 0}>
      <div class="narrow">
        <ErrorSummary errors={form.errors} />
        <PageHeading
          title="Forgotten your password?"
          lead="Enter the email address you sign in with. We will email you a link to choose a new password."
        />
        <Form action="/forgot-password" csrfToken={ctx.csrfToken}>
          <TextInput name="email" label="Email address" type="email" autocomplete="email" spellcheck={false} form={form} />
          <Button>Send me a link</Button>
        </Form>
      </div>
    </Layout>
  )
}

export function ResetLinkSentPage({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout ctx={ctx} title="Check your email">
      <div class="narrow">
        <PageHeading title="Check your email" />
        <p>If an account exists for that address, we have sent a link to choose a new password.</p>
        <p>Look for an email from CMSUK called ‘Choose a new password’. The link in it works once, for 60 minutes. It can take a few minutes to arrive: check your spam or junk folder too.</p>
        <p>
          No email after 15 minutes? <a href="/forgot-password">Ask for another link</a>, or <a href="/contact">contact the office</a>.
        </p>
      </div>
    </Layout>
  )
}

type NewPasswordProps = { ctx: ViewContext; form: FormState; token: string; purpose: 'reset' | 'set' }

export function NewPasswordPage({ ctx, form, token, purpose }: NewPasswordProps) {
  const title = purpose === 'reset' ? 'Choose a new password' : 'Choose your password'
  const action = `${purpose === 'reset' ? '/reset-password' : '/set-password'}?token=${encodeURIComponent(token)}`
  return (
    <Layout ctx={ctx} title={title} hasErrors={Object.keys(form.errors).length > 0}>
      <div class="narrow">
        <ErrorSummary errors={form.errors} />
        <PageHeading title={title} />
        <Form action={action} csrfToken={ctx.csrfToken}>
          <NewPasswordFields form={form} />
          <Button>{purpose === 'reset' ? 'Change my password' : 'Save my password'}</Button>
        </Form>
      </div>
    </Layout>
  )
}

const linkProblems = {
  expired: 'This link has expired.',
  used: 'This link has already been used.',
  unknown: 'This link is not valid. It may be incomplete: try copying the whole link from the email.',
  taken: 'That email address is now used by another account.',
}

export function LinkProblemPage({ ctx, reason, retry }: { ctx: ViewContext; reason: keyof typeof linkProblems; retry: { href: string; label: string } }) {
  return (
    <Layout ctx={ctx} title="This link does not work">
      <div class="narrow">
        <PageHeading title="This link does not work" />
        <p>{linkProblems[reason]}</p>
        <p>
          <a href={retry.href}>{retry.label}</a>
        </p>
      </div>
    </Layout>
  )
}

/** A new password typed twice, with the advice on choosing one. */
export function NewPasswordFields({ form }: { form: FormState }) {
  return (
    <>
      <TextInput
        name="password"
        label="New password"
        hint="At least 10 characters. A few unrelated words are easy to remember and hard to guess."
        type="password"
        autocomplete="new-password"
        form={form}
      />
      <TextInput name="confirm" label="Type the new password again" type="password" autocomplete="new-password" form={form} />
    </>
  )
}
