import { formatDateTime } from '../../../platform/dates.ts'
import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form, NotificationBanner, Textarea, TextInput } from '../../../platform/views/form.tsx'
import { type ListingState, listingStateLabels, listingStates, STAFF_PAGE_SIZE, type staffListingCounts, type staffListings } from '../staff.ts'
import { ListingDetails, type PublishedListing } from './listing-details.tsx'
import { type Enquiry, EnquiryList, ReferralsTable } from './member.tsx'

type Row = Awaited<ReturnType<typeof staffListings>>[number]
const stateTag: Record<ListingState, string> = { listed: 'tag tag--green', hidden: 'tag tag--red', 'opted-out': 'tag', 'not-shown': 'tag tag--yellow' }

type Counts = Awaited<ReturnType<typeof staffListingCounts>>

type ListProps = { ctx: ViewContext; rows: Row[]; counts: Counts; state: ListingState | 'all'; name: string; page: number; months: { month: string; n: number }[] }

export function DirectoryAdminPage({ ctx, rows, counts, state, name, page, months }: ListProps) {
  const all = listingStates.reduce((sum, s) => sum + counts.byState[s], 0)
  const inState = state === 'all' ? all : counts.byState[state]
  const link = (change: { state?: string; page?: number }) => {
    const params = new URLSearchParams()
    const s = change.state ?? state
    if (s !== 'all') params.set('state', s)
    if (name) params.set('q', name)
    if ((change.page ?? 1) > 1) params.set('page', String(change.page))
    const query = params.toString()
    return query ? `/admin/directory?${query}` : '/admin/directory'
  }
  return (
    <AdminLayout ctx={ctx} title="Find a Case Manager" lead={`${counts.byState.listed} members listed; ${counts.enquiries.all} enquiries in all, ${counts.enquiries.recent} in the last 30 days.`}>
      <nav aria-label="Listing state">
        <ul class="filters">
          <li>
            <a href={link({ state: 'all' })} aria-current={state === 'all' ? 'page' : undefined}>
              All ({all})
            </a>
          </li>
          {listingStates.map((s) => (
            <li>
              <a href={link({ state: s })} aria-current={s === state ? 'page' : undefined}>
                {listingStateLabels[s]} ({counts.byState[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/directory" class="narrow">
        {state !== 'all' && <input type="hidden" name="state" value={state} />}
        <TextInput name="q" label="Find a member by name or membership number" type="search" form={{ values: { q: name }, errors: {} }} />
        <Button variant="secondary">Find</Button>
      </form>
      {rows.length === 0 && <p>No listings match.</p>}
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
            {rows.map((r) => (
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
      {!name && inState > STAFF_PAGE_SIZE && (
        <nav class="pagination" aria-label="Pages of listings">
          {page > 1 && <a href={link({ page: page - 1 })}>Previous page</a>}
          <span>
            Page {page} of {Math.ceil(inState / STAFF_PAGE_SIZE)}
          </span>
          {page * STAFF_PAGE_SIZE < inState && <a href={link({ page: page + 1 })}>Next page</a>}
        </nav>
      )}
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
      <h2>What purchasers see</h2>
      <ListingDetails listing={listing} expertiseLabels={expertiseLabels} />
      <h2>Referrals by month</h2>
      <ReferralsTable months={months} />
      <h2>Enquiries ({enquiries.length})</h2>
      <EnquiryList enquiries={enquiries} />
      {canEdit && <h2>{listing.hidden_at ? 'Show this listing again' : 'Hide this listing'}</h2>}
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
    </AdminLayout>
  )
}
