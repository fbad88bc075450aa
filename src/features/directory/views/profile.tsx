import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, Checkboxes, ErrorSummary, Form, Textarea, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import type { Profile } from '../enquiries.ts'
import { HONEYPOT_FIELD } from '../forms.ts'
import { ListingDetails } from './listing-details.tsx'

type Props = { ctx: ViewContext; profile: Profile; expertiseLabels: Map<string, string>; form: FormState; notice?: string }

export function ProfilePage({ ctx, profile, expertiseLabels, form, notice }: Props) {
  const hasErrors = Object.keys(form.errors).length > 0
  return (
    <Layout ctx={ctx} title={profile.display_name} hasErrors={hasErrors}>
      <p>
        <a class="back-link" href="/find-a-case-manager">
          Back to Find a Case Manager
        </a>
      </p>
      <div class="profile-layout">
        <div>
          <PageHeading title={profile.display_name} caption="Find a Case Manager" />
          <ListingDetails listing={profile} expertiseLabels={expertiseLabels} />
        </div>
        <section class="contact-box" aria-labelledby="contact-title">
          <h2 id="contact-title">Contact {profile.display_name}</h2>
          {notice && (
            <div class="notice" role="status">
              <p>{notice}</p>
            </div>
          )}
          <ErrorSummary errors={form.errors} />
          <p>Your message goes to {profile.display_name} by email, and they reply to you directly. Their email address is not shown here.</p>
          <Form action={`/find-a-case-manager/${profile.slug}/contact`} csrfToken={ctx.csrfToken}>
            <TextInput name="name" label="Your name" form={form} autocomplete="name" spellcheck={false} />
            <TextInput name="organisation" label="Organisation (optional)" hint="For example your firm of solicitors or insurer" form={form} autocomplete="organization" />
            <TextInput name="email" label="Email address" hint="The case manager replies to this address" form={form} type="email" autocomplete="email" spellcheck={false} />
            <TextInput name="phone" label="Phone number (optional)" form={form} type="tel" autocomplete="tel" width="half" />
            <Textarea
              name="message"
              label="Your message"
              hint="Describe the referral in general terms. Do not include the client’s name, address or medical details. Up to 3,000 characters."
              form={form}
              rows={7}
            />
            <div class="honeypot" aria-hidden="true">
              <label for={HONEYPOT_FIELD}>Leave this field empty</label>
              <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" />
            </div>
            <p class="privacy-note">
              How we use your details: CMSUK passes your name, organisation, email address, phone number and message to {profile.display_name} so that
              they can reply to you, sends you a copy, and keeps a record of the enquiry to count referrals to its members. We do not use them for
              anything else. Read <a href="/privacy">how we use your details</a>.
            </p>
            <Checkboxes name="consent" legend="Your consent" form={form} options={[{ value: 'yes', label: `Pass my details and message to ${profile.display_name}` }]} />
            <Button>Send message</Button>
          </Form>
        </section>
      </div>
    </Layout>
  )
}

export function EnquirySentPage({ ctx, name, slug }: { ctx: ViewContext; name: string; slug: string }) {
  return (
    <Layout ctx={ctx} title="Message sent">
      <div class="narrow">
        <div class="panel panel--confirmation">
          <h1 class="panel-title">Message sent</h1>
          <p class="panel-body">We have passed your message to {name}.</p>
        </div>
        <h2>What happens next</h2>
        <p>{name} will reply to you directly by email. We have sent you a copy of your message.</p>
        <p>
          <a href={`/find-a-case-manager/${slug}`}>Back to {name}’s profile</a> or <a href="/find-a-case-manager">search again</a>.
        </p>
      </div>
    </Layout>
  )
}
