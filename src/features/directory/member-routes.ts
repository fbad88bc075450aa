import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { requireUser } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { listExpertiseAreas } from '../applications/service.ts'
import { findMembership } from '../membership/service.ts'
import { enquiriesFor, findListedProfile, referralsByMonth } from './enquiries.ts'
import { ListingForm } from './forms.ts'
import { type Eligibility, findOwnListing, type ListingRow, listingEligibility, saveListing } from './listings.ts'
import { EnquiriesPage, ListingFormPage, listingFormValues, NotEligiblePage, PreviewPage } from './views/member.tsx'

/** "Directory listing" in Your account: opt in or out, what to publish, a preview, and the enquiries received. */
export async function directoryMemberRoutes(app: FastifyInstance, { db, viewContext }: AppDeps) {
  /** Shown on the member's pages: whether a purchaser could find this listing right now (rules 24–27, one query). */
  const isListed = async (listing: ListingRow | undefined) => Boolean(listing && (await findListedProfile(db, listing.slug)))

  const formPage = async (req: Parameters<typeof requireUser>[0], eligibility: Extract<Eligibility, { ok: true }>, values?: Record<string, string>, errors: Record<string, string> = {}, notice?: string) => {
    const [listing, areas] = await Promise.all([findOwnListing(db, eligibility.membershipId), listExpertiseAreas(db)])
    return ListingFormPage({
      ctx: await viewContext(req),
      form: { values: values ?? listingFormValues(listing), errors },
      listing,
      listed: await isListed(listing),
      allowedExpertise: areas.filter((a) => eligibility.allowedExpertise.includes(a.code)),
      allowedProfessions: eligibility.allowedProfessions,
      notice,
    })
  }

  app.get<{ Querystring: { notice?: string } }>('/account/directory', async (req, reply) => {
    const user = requireUser(req)
    const eligibility = await listingEligibility(db, user.id)
    if (!eligibility.ok) return render(reply, NotEligiblePage({ ctx: await viewContext(req), reason: eligibility.reason }))
    return render(reply, await formPage(req, eligibility, undefined, {}, req.query.notice))
  })

  app.post('/account/directory', async (req, reply) => {
    const user = requireUser(req)
    const eligibility = await listingEligibility(db, user.id)
    if (!eligibility.ok) return render(reply, NotEligiblePage({ ctx: await viewContext(req), reason: eligibility.reason }), 403)
    const form = parseForm(ListingForm, req.body as Record<string, unknown>)
    if (!form.ok) return render(reply, await formPage(req, eligibility, form.values, form.errors), 400)
    const saved = await saveListing(db, user.id, eligibility, form.data)
    if (!saved.ok) return render(reply, await formPage(req, eligibility, form.values, saved.errors), 400)
    return seeOther(reply, '/account/directory?notice=saved')
  })

  app.get('/account/directory/preview', async (req, reply) => {
    const user = requireUser(req)
    const eligibility = await listingEligibility(db, user.id)
    if (!eligibility.ok) return render(reply, NotEligiblePage({ ctx: await viewContext(req), reason: eligibility.reason }))
    const [listing, membership, areas] = await Promise.all([findOwnListing(db, eligibility.membershipId), findMembership(db, user.id), listExpertiseAreas(db)])
    if (!listing || !membership) return seeOther(reply, '/account/directory')
    return render(
      reply,
      PreviewPage({
        ctx: await viewContext(req),
        listing: { ...listing, number: membership.number },
        listed: await isListed(listing),
        expertiseLabels: new Map(areas.map((a) => [a.code, a.label])),
      }),
    )
  })

  app.get('/account/directory/enquiries', async (req, reply) => {
    const user = requireUser(req)
    const membership = await findMembership(db, user.id)
    const listing = membership && (await findOwnListing(db, membership.id))
    const [enquiries, months] = listing ? await Promise.all([enquiriesFor(db, listing.id), referralsByMonth(db, listing.id)]) : [[], []]
    return render(reply, EnquiriesPage({ ctx: await viewContext(req), enquiries, months }))
  })
}
