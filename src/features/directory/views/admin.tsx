import { formatDateTime } from '../../../platform/dates.ts'
import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form, NotificationBanner, Textarea } from '../../../platform/views/form.tsx'
import { type ListingState, listingStateLabels, listingStates, type staffListings } from '../staff.ts'
import { ListingDetails, type PublishedListing } from './listing-details.tsx'
import { type Enquiry, EnquiryList, ReferralsTable } from './member.tsx'

type Row = Awaited<ReturnType<typeof staffListings>>[number]
const stateTag: Record<ListingState, string> = { listed: 'tag tag--green', hidden: 'tag tag--red', 'opted-out': 'tag', 'not-shown': 'tag tag--yellow' }

export function DirectoryAdminPage({ ctx, rows, state, months }: { ctx: ViewContext; rows: Row[]; state: ListingState | 'all'; months: { month: string; n: number }[] }) {
  const counts = Object.fromEntries(listingStates.map((s) => [s, rows.filter((r) => r.state === s).length]))
  const shown = state === 'all' ? rows : rows.filter((r) => r.state === state)
  const enquiries = rows.reduce((s, r) => s + r.enquiries, 0)
  return (
    <AdminLayout ctx={ctx} title="Find a Case Manager" lead={`${counts.listed} members listed; ${enquiries} enquiries in all, ${rows.reduce((s, r) => s + r.last_30_days, 0)} in the last 30 days.`}>
      <nav aria-label="Listing state">
        <ul class="filters">
          <li>
            <a href="/admin/directory" aria-current={state === 'all' ? 'page' : undefined}>
              All ({rows.length})
            </a>
          </li>
          {listingStates.map((s) => (
            <li>
              <a href={`/admin/directory?state=${s}`} aria-current={s === state ? 'page' : undefined}>
                {listingStateLabels[s]} ({counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="table-wrap">
        <table class="table">
          <caption class="table-caption">Directory listings</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">State</th>
              <th scope="col" class="numeric">
                Enquiries
              </th>
              <th scope="col" class="numeric">
                Last 30 days
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr>
                <td>
                  <a href={`/admin/directory/${r.id}`}>{r.display_name}</a> <span class="note">{r.number}</span>
                </td>
                <td>
                  <span class={stateTag[r.state]}>{listingStateLabels[r.state]}</span>
                </td>
                <td class="numeric">{r.enquiries}</td>
                <td class="numeric">{r.last_30_days}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Referrals by month, all members</h2>
      <ReferralsTable months={months} />
    </AdminLayout>
  )
}

type Detail = PublishedListing & { id: string; slug: string; hidden_at: Date | null; hidden_reason: string | null; hidden_by_name: string | null; opted_in: boolean }

type DetailProps = {
  ctx: ViewContext
  listing: Detail
  state: ListingState
  expertiseLabels: Map<string, string>
  enquiries: Enquiry[]
  months: { month: string; n: number }[]
  form: FormState
  notice?: string
}

export function DirectoryListingAdminPage({ ctx, listing, state, expertiseLabels, enquiries, months, form, notice }: DetailProps) {
  const canEdit = ctx.user?.permissions.includes('members:edit')
  return (
    <AdminLayout ctx={ctx} title={`Listing: ${listing.display_name}`} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary errors={form.errors} />
      {notice && (
        <NotificationBanner title="Success" success>
          <p>{notice === 'hidden' ? 'The listing is hidden and the member has been told why.' : 'The listing can be found again.'}</p>
        </NotificationBanner>
      )}
      <p>
        <span class={stateTag[state]}>{listingStateLabels[state]}</span> {state === 'listed' && <a href={`/find-a-case-manager/${listing.slug}`}>See the public profile</a>}
      </p>
      {listing.hidden_at && (
        <p>
          Hidden on {formatDateTime(listing.hidden_at)}
          {listing.hidden_by_name && ` by ${listing.hidden_by_name}`}. Reason: {listing.hidden_reason}
        </p>
      )}
      {canEdit &&
        (listing.hidden_at ? (
          <Form action={`/admin/directory/${listing.id}/show`} csrfToken={ctx.csrfToken}>
            <Button variant="secondary">Show this listing again</Button>
          </Form>
        ) : (
          <Form action={`/admin/directory/${listing.id}/hide`} csrfToken={ctx.csrfToken}>
            <Textarea name="reason" label="Reason for hiding this listing" hint="The member is emailed this reason" form={form} rows={3} />
            <Button variant="warning">Hide this listing</Button>
          </Form>
        ))}
      <h2>What purchasers see</h2>
      <ListingDetails listing={listing} expertiseLabels={expertiseLabels} />
      <h2>Referrals by month</h2>
      <ReferralsTable months={months} />
      <h2>Enquiries ({enquiries.length})</h2>
      <EnquiryList enquiries={enquiries} />
    </AdminLayout>
  )
}
