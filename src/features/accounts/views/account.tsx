import { formatCalendarDate } from '../../../platform/dates.ts'
import type { CurrentUser } from '../../../platform/http/sessions.ts'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form, NotificationBanner, SummaryList, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import type { SessionSummary } from '../account-settings.ts'
import { NewPasswordFields } from './password.tsx'

const notices: Record<string, string> = {
  'password-changed': 'Your password has been changed. Everywhere else you were signed in has been signed out.',
  'email-sent': 'We have sent a link to your new address. Your email address changes when you follow it.',
  'email-changed': 'Your email address has been changed.',
  'email-verified': 'Thank you: your email address is confirmed.',
  'verification-sent': 'We have sent you a new confirmation link.',
  'sessions-ended': 'You have been signed out everywhere else.',
  'two-factor-off': 'Two-factor authentication is now off.',
  welcome: 'You are signed in.',
  'upgrade-refused': 'You cannot apply to upgrade just now: only Associate members without an application in progress can.',
}


export const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })

type AccountProps = {
  ctx: ViewContext
  user: CurrentUser
  notice?: string
  application?: { label: string; href: string }
  /** The companies this person pays for, as their contact. */
  contactFor?: string[]
  membership?: {
    number: string
    gradeName: string
    canUpgrade: boolean
    /** Case Manager members may be listed in Find a Case Manager. */
    canBeListed: boolean
    status: string
    term?: { starts: string; ends: string }
    invoices: { id: string; number: string; total: string; statusLabel: string; payable: boolean }[]
  }
}

export function AccountPage({ ctx, user, notice, application, membership, contactFor = [] }: AccountProps) {
  const message = notice ? notices[notice] : undefined
  return (
    <Layout ctx={ctx} title="Your account">
      {message && (
        <NotificationBanner title={notice === 'upgrade-refused' ? 'Important' : 'Success'} success={notice !== 'upgrade-refused'}>
          <p>{message}</p>
        </NotificationBanner>
      )}
      <PageHeading title="Your account" caption={user.name} />
      {!user.emailVerified && (
        <NotificationBanner title="Confirm your email address">
          <p>We sent a link to {user.email}. Follow it to confirm your address.</p>
          <Form action="/account/verify-email" csrfToken={ctx.csrfToken}>
            <button type="submit" class="link-button link-button--dark">
              Send the link again
            </button>
          </Form>
        </NotificationBanner>
      )}
      {membership && (
        <>
          <h2>Your membership</h2>
          <SummaryList
            rows={[
              { key: 'Membership number', value: membership.number },
              { key: 'Type of membership', value: membership.gradeName },
              { key: 'Status', value: membership.status },
              ...(membership.term ? [{ key: 'Current term', value: `${formatCalendarDate(membership.term.starts)} to ${formatCalendarDate(membership.term.ends)}` }] : []),
            ]}
          />
          {membership.invoices.length > 0 && (
            <table class="table">
              <caption class="table-caption">Invoices</caption>
              <thead>
                <tr>
                  <th scope="col">Invoice</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span class="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {membership.invoices.map((inv) => (
                  <tr>
                    <td>
                      <a href={`/account/invoices/${inv.id}`}>{inv.number}</a>
                    </td>
                    <td>{inv.total}</td>
                    <td>{inv.statusLabel}</td>
                    <td>
                      {inv.payable && (
                        <a class="button button--primary button--small" href={`/account/invoices/${inv.id}`}>
                          Pay<span class="visually-hidden"> invoice {inv.number}</span>
                        </a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <a href="/account/employer">Your employer</a> (companies with four or more members get a discount)
          </p>
          {membership.canBeListed && (
            <>
              <h3>Find a Case Manager</h3>
              <p>
                <a href="/account/directory">Directory listing</a>: choose whether solicitors, insurers and other purchasers can find you and
                contact you through the website, and see the enquiries you have received.
              </p>
            </>
          )}
          {membership.canUpgrade && (
            <Form action="/apply/upgrade" csrfToken={ctx.csrfToken}>
              <p>Once you have 24 months or 2,500 hours of case management experience you can apply to become a Case Manager member.</p>
              <Button variant="secondary">Apply to upgrade to Case Manager</Button>
            </Form>
          )}
        </>
      )}
      {contactFor.length > 0 && (
        <>
          <h2>Your company</h2>
          <p>
            You are the contact for {contactFor.join(' and ')}. <a href="/account/company">Pay for your members</a> with one combined invoice.
          </p>
        </>
      )}
      {application && (
        <>
          <h2>Your membership application</h2>
          <p>
            Status: <span class="tag">{application.label}</span> <a href={application.href}>See your application</a>
          </p>
        </>
      )}
      <h2>Sign-in details</h2>
      <SummaryList
        rows={[
          { key: 'Name', value: user.name },
          { key: 'Email address', value: user.email, change: { href: '/account/email', label: 'email address' } },
          { key: 'Password', value: '••••••••••', change: { href: '/account/password', label: 'password' } },
          {
            key: 'Two-factor authentication',
            value: user.twoFactorEnabled ? 'On' : 'Off',
            change: { href: '/account/two-factor', label: 'two-factor authentication' },
          },
          { key: 'Where you are signed in', value: <a href="/account/sessions">See your signed-in sessions</a> },
        ]}
      />
    </Layout>
  )
}

export function ChangePasswordPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  return (
    <Layout ctx={ctx} title="Change your password" hasErrors={Object.keys(form.errors).length > 0}>
      <div class="narrow">
        <p>
          <a href="/account">Back to your account</a>
        </p>
        <ErrorSummary errors={form.errors} />
        <PageHeading title="Change your password" />
        <Form action="/account/password" csrfToken={ctx.csrfToken}>
          <TextInput name="current" label="Current password" type="password" autocomplete="current-password" form={form} />
          <NewPasswordFields form={form} />
          <Button>Change password</Button>
        </Form>
      </div>
    </Layout>
  )
}

export function ChangeEmailPage({ ctx, form, current }: { ctx: ViewContext; form: FormState; current: string }) {
  return (
    <Layout ctx={ctx} title="Change your email address" hasErrors={Object.keys(form.errors).length > 0}>
      <div class="narrow">
        <p>
          <a href="/account">Back to your account</a>
        </p>
        <ErrorSummary errors={form.errors} />
        <PageHeading title="Change your email address" lead={`You sign in with ${current}. We will send a link to the new address to confirm it.`} />
        <Form action="/account/email" csrfToken={ctx.csrfToken}>
          <TextInput name="email" label="New email address" type="email" autocomplete="email" spellcheck={false} form={form} />
          <TextInput name="password" label="Your password" hint="To check it is you" type="password" autocomplete="current-password" form={form} />
          <Button>Send a confirmation link</Button>
        </Form>
      </div>
    </Layout>
  )
}

export function SessionsPage({ ctx, sessions }: { ctx: ViewContext; sessions: SessionSummary[] }) {
  return (
    <Layout ctx={ctx} title="Where you are signed in">
      <p>
        <a href="/account">Back to your account</a>
      </p>
      <PageHeading title="Where you are signed in" />
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">Your signed-in sessions</caption>
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last used</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr>
                <td>
                  {describeBrowser(s.userAgent)} {s.current && <span class="tag tag--green">This browser</span>}
                </td>
                <td>{dateTime.format(s.createdAt)}</td>
                <td>{dateTime.format(s.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sessions.length > 1 && (
        <Form action="/account/sessions/sign-out-others" csrfToken={ctx.csrfToken}>
          <Button variant="secondary">Sign out everywhere else</Button>
        </Form>
      )}
    </Layout>
  )
}

/** A readable name for a user agent string; never shown raw. */
export function describeBrowser(userAgent: string) {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'A browser'
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : ''
  return system ? `${browser} on ${system}` : browser
}
