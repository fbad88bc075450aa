import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { requirePermission } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { emptyForm, type FormState } from '../../platform/views/context.ts'
import { listExpertiseAreas } from '../applications/service.ts'
import { enquiriesFor, referralsByMonth } from './enquiries.ts'
import { HideForm } from './forms.ts'
import { hideListing, showListingAgain } from './listings.ts'
import { type ListingState, listingStates, staffListing, staffListingCounts, staffListings } from './staff.ts'
import { DirectoryAdminPage, DirectoryListingAdminPage } from './views/admin.tsx'
import { isUuid } from '../../platform/http/ids.ts'

type IdParams = { Params: { id: string } }

/** The office's view of Find a Case Manager: listings, enquiries and referral counts; hiding a listing with a reason. */
export async function directoryAdminRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  app.get<{ Querystring: { state?: string; q?: string; page?: string } }>('/directory', { config: { permission: 'members:view' } }, async (req, reply) => {
    requirePermission(req, 'members:view')
    const state = (listingStates as string[]).includes(req.query.state ?? '') ? (req.query.state as ListingState) : 'all'
    const name = (req.query.q ?? '').trim().slice(0, 100)
    const page = Math.min(1000, Math.max(1, Number.parseInt(req.query.page ?? '1', 10) || 1))
    const [rows, counts, months] = await Promise.all([
      staffListings(db, { state: state === 'all' ? undefined : state, name: name || undefined, page }),
      staffListingCounts(db),
      referralsByMonth(db, null),
    ])
    return render(reply, DirectoryAdminPage({ ctx: await viewContext(req), rows, counts, state, name, page, months }))
  })

  const detailPage = async (req: Parameters<typeof requirePermission>[0], id: string, form: FormState = emptyForm, notice?: string) => {
    const [listing, rows, areas] = await Promise.all([staffListing(db, id), staffListings(db, { id }), listExpertiseAreas(db)])
    if (!listing || !rows[0]) throw new NotFound()
    const [enquiries, months] = await Promise.all([enquiriesFor(db, id), referralsByMonth(db, id)])
    return DirectoryListingAdminPage({ ctx: await viewContext(req), listing, state: rows[0].state, expertiseLabels: new Map(areas.map((a) => [a.code, a.label])), enquiries, months, form, notice })
  }

  app.get<IdParams & { Querystring: { notice?: string } }>('/directory/:id', { config: { permission: 'members:view' } }, async (req, reply) => {
    requirePermission(req, 'members:view')
    if (!isUuid(req.params.id)) throw new NotFound()
    return render(reply, await detailPage(req, req.params.id, emptyForm, req.query.notice))
  })

  app.post<IdParams>('/directory/:id/hide', { config: { permission: 'members:edit' } }, async (req, reply) => {
    const user = requirePermission(req, 'members:edit')
    if (!isUuid(req.params.id)) throw new NotFound()
    const form = parseForm(HideForm, req.body as Record<string, unknown>)
    if (!form.ok) return render(reply, await detailPage(req, req.params.id, form), 400)
    await hideListing(db, config, user.id, req.params.id, form.data.reason)
    return seeOther(reply, `/admin/directory/${req.params.id}?notice=hidden`)
  })

  app.post<IdParams>('/directory/:id/show', { config: { permission: 'members:edit' } }, async (req, reply) => {
    const user = requirePermission(req, 'members:edit')
    if (!isUuid(req.params.id)) throw new NotFound()
    await showListingAgain(db, user.id, req.params.id)
    return seeOther(reply, `/admin/directory/${req.params.id}?notice=shown`)
  })
}
