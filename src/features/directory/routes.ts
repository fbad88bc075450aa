import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { emptyForm } from '../../platform/views/context.ts'
import { listExpertiseAreas } from '../applications/service.ts'
import { benefitsIfPaidThrough } from '../billing/service.ts'
import { findListedProfile, sendEnquiry } from './enquiries.ts'
import { EnquiryForm, HONEYPOT_FIELD } from './forms.ts'
import { lookUpPostcode } from './postcodes.ts'
import { criteriaFrom } from './search.ts'
import { createSearchCache } from './search-cache.ts'
import { EnquirySentPage, ProfilePage } from './views/profile.tsx'
import { SearchPage } from './views/search.tsx'

type SlugParams = { Params: { slug: string } }
const SLUG = /^[a-z0-9-]{1,60}$/

/** Find a Case Manager: public search, profiles and contact through the site (rules 24–27). No account needed. */
export async function directoryRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  const search = createSearchCache(db, config.directoryCacheEntries)

  const searchLimit = { config: { rateLimit: { max: config.directorySearchesPerMinute, timeWindow: '1 minute' } } }

  app.get<{ Querystring: Record<string, unknown> }>('/find-a-case-manager', searchLimit, async (req, reply) => {
    const [areas, benefitsIfPaidThroughDate, ctx] = await Promise.all([listExpertiseAreas(db), benefitsIfPaidThrough(db), viewContext(req)])
    const criteria = criteriaFrom(req.query, new Set(areas.map((a) => a.code)))
    const postcode = criteria.postcode ? await lookUpPostcode(db, criteria.postcode) : undefined
    const postcodeMessage =
      postcode?.kind === 'invalid'
        ? `‘${criteria.postcode}’ is not a UK postcode. Enter one like SW1A 1AA, or just its first part, like SW1A. These results are not limited by distance.`
        : postcode?.kind === 'unknown'
          ? `We do not know where the postcode district ${postcode.outcode} is. These results are not limited by distance.`
          : postcode?.kind === 'northern-ireland'
            ? 'Distance search is not available for Northern Ireland postcodes, so these results show case managers who work in Northern Ireland.'
            : undefined
    const result = await search({
      criteria,
      near: postcode?.kind === 'found' ? postcode.point : null,
      northernIreland: postcode?.kind === 'northern-ireland',
      benefitsIfPaidThrough: benefitsIfPaidThroughDate,
      areas,
    })
    const searched = Object.keys(req.query).length > 0
    return render(reply, SearchPage({ ctx, criteria, searched, result, postcodeMessage, expertiseAreas: areas }))
  })

  const profileOr404 = async (slug: string) => {
    const profile = SLUG.test(slug) ? await findListedProfile(db, slug) : undefined
    if (!profile) throw new NotFound('This case manager is not listed in Find a Case Manager')
    return profile
  }
  const labels = async () => new Map((await listExpertiseAreas(db)).map((a) => [a.code, a.label]))

  app.get<SlugParams>('/find-a-case-manager/:slug', searchLimit, async (req, reply) => {
    const profile = await profileOr404(req.params.slug)
    return render(reply, ProfilePage({ ctx: await viewContext(req), profile, expertiseLabels: await labels(), form: emptyForm }))
  })

  app.post<SlugParams>('/find-a-case-manager/:slug/contact', { config: { rateLimit: { max: 10, timeWindow: '1 hour' } } }, async (req, reply) => {
    const profile = await profileOr404(req.params.slug)
    const body = req.body as Record<string, unknown> | undefined
    // A bot fills the hidden field: it sees the usual confirmation, and nothing is kept or sent.
    if (typeof body?.[HONEYPOT_FIELD] === 'string' && body[HONEYPOT_FIELD] !== '') return seeOther(reply, `/find-a-case-manager/${profile.slug}/sent`)
    const form = parseForm(EnquiryForm, body)
    const page = async (status: number, notice?: string) =>
      render(reply, ProfilePage({ ctx: await viewContext(req), profile, expertiseLabels: await labels(), form, notice }), status)
    if (!form.ok) return page(400)
    const sent = await sendEnquiry(db, config, profile, form.data)
    if (!sent.ok)
      return page(429, `${profile.display_name} has received a lot of messages today, so we cannot pass on more until tomorrow. Your message is still below; please try again tomorrow, or contact another case manager.`)
    return seeOther(reply, `/find-a-case-manager/${profile.slug}/sent`)
  })

  app.get<SlugParams>('/find-a-case-manager/:slug/sent', async (req, reply) => {
    const profile = await profileOr404(req.params.slug)
    return render(reply, EnquirySentPage({ ctx: await viewContext(req), name: profile.display_name, slug: profile.slug }))
  })
}
