import { formatDateTime } from '../../../platform/dates.ts'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, Checkboxes, ErrorSummary, Form, NotificationBanner, Radios, Select, Textarea, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import { countiesByRegion, professionLabel, ukRegions } from '../areas.ts'
import { BIO_MAX } from '../forms.ts'
import type { ListingRow } from '../listings.ts'
import { distanceChoices } from '../postcodes.ts'
import { ListingDetails, type PublishedListing } from './listing-details.tsx'

const notEligible = {
  'not-a-member': 'Find a Case Manager lists CMSUK Case Manager members. Once your application is approved and paid, you can opt in here.',
  'not-case-manager': 'Only Case Manager members can be listed in Find a Case Manager. Associates can apply to upgrade once they have the experience.',
  'not-active': 'Your membership is not active, so you are not listed in Find a Case Manager. Pay your renewal to be listed again.',
} as const

export function NotEligiblePage({ ctx, reason }: { ctx: ViewContext; reason: keyof typeof notEligible }) {
  return (
    <Layout ctx={ctx} title="Directory listing">
      <div class="narrow">
        <PageHeading title="Directory listing" />
        <p>{notEligible[reason]}</p>
        <p>
          <a href="/account">Back to your account</a>
        </p>
      </div>
    </Layout>
  )
}

export const listingFormValues = (l: ListingRow | undefined): Record<string, string> =>
  l
    ? {
        optedIn: l.opted_in ? 'yes' : 'no',
        title: l.title,
        profession: l.profession ?? '',
        expertise: l.expertise.join(','),
        regions: l.regions.join(','),
        counties: l.counties.join(','),
        basePostcode: l.base_outcode ?? '',
        travelMiles: l.travel_miles ? String(l.travel_miles) : '',
        bio: l.bio,
        languages: l.languages.join(', '),
        takingReferrals: l.taking_referrals ? 'yes' : 'no',
        phone: l.phone,
        website: l.website,
      }
    : { optedIn: 'no', takingReferrals: 'yes', languages: 'English' }

type FormProps = {
  ctx: ViewContext
  form: FormState
  listing: ListingRow | undefined
  listed: boolean
  allowedExpertise: { code: string; label: string }[]
  allowedProfessions: string[]
  notice?: string
}

export function ListingFormPage({ ctx, form, listing, listed, allowedExpertise, allowedProfessions, notice }: FormProps) {
  const hasErrors = Object.keys(form.errors).length > 0
  const chosenCounties = new Set((form.values.counties ?? '').split(',').filter(Boolean))
  return (
    <Layout ctx={ctx} title="Directory listing" hasErrors={hasErrors}>
      <div class="narrow">
        <ErrorSummary errors={form.errors} />
        {notice === 'saved' && (
          <NotificationBanner title="Saved" success>
            <p>{listed ? 'Your listing is saved and purchasers can find you in Find a Case Manager.' : 'Your choices are saved. You are not listed in Find a Case Manager.'}</p>
          </NotificationBanner>
        )}
        {listing?.hidden_at && (
          <NotificationBanner title="Your listing is hidden">
            <p>The office has hidden your listing, so purchasers cannot see it. The reason given: {listing.hidden_reason}</p>
          </NotificationBanner>
        )}
        <PageHeading
          title="Directory listing"
          lead="Choose whether purchasers of case management, such as solicitors and insurers, can find you in Find a Case Manager and contact you through the website, and what they see."
        />
        <p>
          {listed ? <strong class="tag tag--green">Listed</strong> : <strong class="tag">Not listed</strong>}{' '}
          {listing && (
            <>
              <a href="/account/directory/preview">Preview your listing</a> · <a href="/account/directory/enquiries">Your enquiries</a>
            </>
          )}
        </p>
        <Form action="/account/directory" csrfToken={ctx.csrfToken}>
          <Radios
            name="optedIn"
            legend="List me in Find a Case Manager"
            hint="Your email address is never shown; purchasers contact you through a form and we forward their message."
            form={form}
            options={[
              { value: 'yes', label: 'Yes, list me' },
              { value: 'no', label: 'No, do not list me' },
            ]}
          />
          <p class="note">Your name is always shown: {ctx.user?.name}.</p>
          <TextInput name="title" label="Professional title (optional)" hint="For example Senior Case Manager, RGN" form={form} />
          {allowedProfessions.length > 0 && (
            <Select
              name="profession"
              label="Profession (optional)"
              hint="From the registrations on your membership record"
              form={form}
              options={[{ value: '', label: 'Do not show a profession' }, ...allowedProfessions.map((p) => ({ value: p, label: professionLabel(p) ?? p }))]}
            />
          )}
          {allowedExpertise.length > 0 ? (
            <Checkboxes
              name="expertise"
              legend="Areas of expertise"
              hint="Only the areas your membership record shows can be published. At least one is needed to be listed."
              form={form}
              options={allowedExpertise.map((a) => ({ value: a.code, label: a.label }))}
            />
          ) : (
            <p class="notice">Your membership record has no areas of expertise yet, so you cannot be listed. Please contact the office.</p>
          )}
          <Checkboxes name="regions" legend="Regions where you work" hint="Choose whole regions, or counties below" form={form} options={ukRegions.map((r) => ({ value: r, label: r }))} />
          <fieldset class="fieldset">
            <legend class="legend">Counties where you work (optional)</legend>
            {ukRegions.map((region) => {
              const counties = countiesByRegion[region]
              const open = counties.some((c) => chosenCounties.has(c))
              return (
                <details class="county-group" open={open}>
                  <summary>{region}</summary>
                  <div class="checkboxes checkboxes--compact">
                    {counties.map((county) => {
                      const id = `county-${county.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
                      return (
                        <div class="choice">
                          <input class="choice-input" id={id} name="counties" type="checkbox" value={county} checked={chosenCounties.has(county)} />
                          <label class="choice-label" for={id}>
                            {county}
                          </label>
                        </div>
                      )
                    })}
                  </div>
                </details>
              )
            })}
          </fieldset>
          <TextInput
            name="basePostcode"
            label="Base postcode (optional)"
            hint="Only the first part is published, like SW1A. It lets purchasers find you by distance."
            form={form}
            autocomplete="postal-code"
            width="half"
          />
          <Select name="travelMiles" label="How far you travel (optional)" form={form} options={[{ value: '', label: 'Do not say' }, ...distanceChoices.map((m) => ({ value: String(m), label: `Up to ${m} miles` }))]} />
          <Textarea name="bio" label="Short biography (optional)" hint={`Plain text, up to ${BIO_MAX.toLocaleString('en-GB')} characters. Leave a blank line between paragraphs.`} form={form} rows={8} />
          <TextInput name="languages" label="Languages (optional)" hint="Separate them with commas, like English, Welsh" form={form} />
          <Radios
            name="takingReferrals"
            legend="Are you taking new referrals?"
            form={form}
            options={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No, not at the moment' },
            ]}
          />
          <TextInput name="phone" label="Work phone (optional)" form={form} type="tel" autocomplete="tel" width="half" />
          <TextInput name="website" label="Website (optional)" hint="Starting with https://" form={form} type="url" spellcheck={false} />
          <Button>Save</Button>
        </Form>
        <p>
          <a href="/account">Back to your account</a>
        </p>
      </div>
    </Layout>
  )
}

export function PreviewPage({ ctx, listing, listed, expertiseLabels }: { ctx: ViewContext; listing: PublishedListing; listed: boolean; expertiseLabels: Map<string, string> }) {
  return (
    <Layout ctx={ctx} title="Preview of your listing">
      <div class="notice" role="status">
        <p>
          This is your listing exactly as purchasers see it. {listed ? 'You are listed now.' : 'You are not listed now, so nobody else can see it.'}{' '}
          <a href="/account/directory">Change your listing</a>
        </p>
      </div>
      <div class="profile-layout">
        <div>
          <PageHeading title={listing.display_name} caption="Find a Case Manager" />
          <ListingDetails listing={listing} expertiseLabels={expertiseLabels} />
        </div>
        <section class="contact-box" aria-label="Contact form">
          <h2>Contact {listing.display_name}</h2>
          <p>Purchasers see a form here to send you a message. We forward it to you by email; your email address is never shown.</p>
        </section>
      </div>
    </Layout>
  )
}

export type Enquiry = { id: string; name: string; organisation: string; email: string; phone: string; message: string; created_at: Date }

export function EnquiriesPage({ ctx, enquiries, months }: { ctx: ViewContext; enquiries: Enquiry[]; months: { month: string; n: number }[] }) {
  const total = months.reduce((s, m) => s + m.n, 0)
  return (
    <Layout ctx={ctx} title="Your enquiries">
      <div class="narrow">
        <PageHeading title="Your enquiries" lead="Messages purchasers sent you through Find a Case Manager. Each one counts as a referral." />
        <h2>Referrals in the last 12 months: {total}</h2>
        <ReferralsTable months={months} />
        <h2>Messages</h2>
        <EnquiryList enquiries={enquiries} />
        <p>
          <a href="/account/directory">Back to your listing</a>
        </p>
      </div>
    </Layout>
  )
}

const monthLabel = (ym: string) => new Date(`${ym}-01T12:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'Europe/London' })

export function ReferralsTable({ months }: { months: { month: string; n: number }[] }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="table-caption visually-hidden">Referrals by month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" class="numeric">
              Referrals
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr>
              <td>{monthLabel(m.month)}</td>
              <td class="numeric">{m.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}


/** Enquiries purchasers sent, newest first: for the member and for staff. */
export function EnquiryList({ enquiries }: { enquiries: Enquiry[] }) {
  if (enquiries.length === 0) return <p>No enquiries yet.</p>
  return (
    <>
      {enquiries.map((e) => (
        <article class="enquiry">
          <h3>
            {e.name}
            {e.organisation && `, ${e.organisation}`}
          </h3>
          <p class="note">
            {formatDateTime(e.created_at)} · <a href={`mailto:${e.email}`}>{e.email}</a>
            {e.phone && ` · ${e.phone}`}
          </p>
          <p class="pre-line">{e.message}</p>
        </article>
      ))}
    </>
  )
}
