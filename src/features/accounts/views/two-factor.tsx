import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form, NotificationBanner, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'

type SetupProps = { ctx: ViewContext; form: FormState; qrDataUri: string; secret: string; requiredForStaff: boolean }

export function TwoFactorSetupPage({ ctx, form, qrDataUri, secret, requiredForStaff }: SetupProps) {
  return (
    <Layout ctx={ctx} title="Set up two-factor authentication" hasErrors={Object.keys(form.errors).length > 0}>
      <div class="narrow">
        <ErrorSummary errors={form.errors} />
        {requiredForStaff && (
          <NotificationBanner title="Important">
            <p>Staff must turn on two-factor authentication before they can use the back office.</p>
          </NotificationBanner>
        )}
        <PageHeading title="Set up two-factor authentication" lead="When you sign in you will also enter a code from an app on your phone, so nobody can sign in with your password alone." />
        <ol class="list">
          <li>Install an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or 1Password.</li>
          <li>In the app, add an account and scan this QR code.</li>
        </ol>
        <img class="qr" src={qrDataUri} alt="QR code to add CMSUK to your authenticator app" width={192} height={192} />
        <p>
          Cannot scan it? Type this key into the app instead:
          <br />
          <span class="secret">{secret.match(/.{1,4}/g)?.join(' ')}</span>
        </p>
        <Form action="/account/two-factor" csrfToken={ctx.csrfToken}>
          <TextInput name="code" label="Enter the 6-digit code the app shows" autocomplete="one-time-code" inputmode="numeric" spellcheck={false} width="third" form={form} />
          <Button>Turn on two-factor authentication</Button>
        </Form>
      </div>
    </Layout>
  )
}

export function RecoveryCodesPage({ ctx, codes }: { ctx: ViewContext; codes: string[] }) {
  return (
    <Layout ctx={ctx} title="Save your recovery codes">
      <div class="narrow">
        <NotificationBanner title="Success" success>
          <p>Two-factor authentication is on.</p>
        </NotificationBanner>
        <PageHeading title="Save your recovery codes" lead="If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe, such as a password manager. We will not show them again." />
        <ul class="code-list">
          {codes.map((code) => (
            <li>{code}</li>
          ))}
        </ul>
        <p>
          <a href="/account" class="button button--primary">
            I have saved my codes
          </a>
        </p>
      </div>
    </Layout>
  )
}

type StatusProps = { ctx: ViewContext; form: FormState; remainingCodes: number; canTurnOff: boolean }

export function TwoFactorStatusPage({ ctx, form, remainingCodes, canTurnOff }: StatusProps) {
  return (
    <Layout ctx={ctx} title="Two-factor authentication" hasErrors={Object.keys(form.errors).length > 0}>
      <div class="narrow">
        <p>
          <a href="/account">Back to your account</a>
        </p>
        <ErrorSummary errors={form.errors} />
        <PageHeading title="Two-factor authentication" lead="Two-factor authentication is on: you enter a code from your phone when you sign in." />
        <p>You have {remainingCodes} unused recovery {remainingCodes === 1 ? 'code' : 'codes'}.</p>
        {canTurnOff ? (
          <>
            <h2>Turn off two-factor authentication</h2>
            <Form action="/account/two-factor/disable" csrfToken={ctx.csrfToken}>
              <TextInput name="password" label="Your password" hint="To check it is you" type="password" autocomplete="current-password" form={form} />
              <Button variant="warning">Turn off two-factor authentication</Button>
            </Form>
          </>
        ) : (
          <p>Two-factor authentication is required for staff accounts, so it cannot be turned off.</p>
        )}
      </div>
    </Layout>
  )
}

export function EmailLinkDonePage({ ctx, title, text }: { ctx: ViewContext; title: string; text: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <PageHeading title={title} />
        <p>{text}</p>
        <p>
          <a href={ctx.user ? '/account' : '/login'}>{ctx.user ? 'Go to your account' : 'Sign in'}</a>
        </p>
      </div>
    </Layout>
  )
}
