import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form, NotificationBanner, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'

const notices: Record<string, { title: string; text: string; success?: boolean }> = {
  'signed-out': { title: 'Signed out', text: 'You have signed out.', success: true },
  'password-reset': { title: 'Password changed', text: 'Your password has been changed. Sign in with your new password.', success: true },
  'two-factor-failed': { title: 'Sign in again', text: 'There were too many wrong codes. Sign in again to get another go.' },
  expired: { title: 'Signed out', text: 'You were signed out because you had not used the site for a while. Sign in again to continue.' },
}

export function SignInPage({ ctx, form, next, notice }: { ctx: ViewContext; form: FormState; next?: string; notice?: string }) {
  const banner = notice ? notices[notice] : undefined
  return (
    <Layout ctx={ctx} title="Sign in" hasErrors={Object.keys(form.errors).length > 0}>
      <div class="narrow">
        {banner && (
          <NotificationBanner title={banner.title} success={banner.success}>
            <p>{banner.text}</p>
          </NotificationBanner>
        )}
        <ErrorSummary errors={form.errors} />
        <PageHeading title="Sign in" lead="Use the email address you gave in your ‘Home’ details and the password you created when you applied." />
        <Form action={next ? `/login?next=${encodeURIComponent(next)}` : '/login'} csrfToken={ctx.csrfToken}>
          <TextInput name="email" label="Email address" type="email" autocomplete="email" spellcheck={false} form={form} />
          <TextInput name="password" label="Password" type="password" autocomplete="current-password" form={form} />
          <Button>Sign in</Button>
        </Form>
        <p>
          <a href="/forgot-password">Forgotten your password?</a>
        </p>
        <h2>New to CMSUK?</h2>
        <p>
          You create your account when you <a href="/apply">apply for membership</a>.
        </p>
      </div>
    </Layout>
  )
}

export function TwoFactorSignInPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  return (
    <Layout ctx={ctx} title="Enter your security code" hasErrors={Object.keys(form.errors).length > 0}>
      <div class="narrow">
        <ErrorSummary errors={form.errors} />
        <PageHeading title="Enter your security code" lead="Open the authenticator app on your phone and enter the 6-digit code it shows for CMSUK." />
        <Form action="/login/two-factor" csrfToken={ctx.csrfToken}>
          <TextInput
            name="code"
            label="Security code"
            hint="If you cannot use your phone, enter one of your recovery codes instead, like 7kq2-m9xd-4tpa"
            autocomplete="one-time-code"
            inputmode="numeric"
            spellcheck={false}
            width="third"
            form={form}
          />
          <Button>Continue</Button>
        </Form>
        <p>
          Lost your phone and your recovery codes? <a href="/contact">Contact the office</a>.
        </p>
      </div>
    </Layout>
  )
}
