import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { getSetting } from '../../platform/settings.ts'
import { emptyForm } from '../../platform/views/context.ts'
import { listGrades } from '../membership/service.ts'
import { requestCallback } from './commands.ts'
import { CallbackForm, HONEYPOT_FIELD } from './forms.ts'
import { findPage, listFaq } from './queries.ts'
import { CallbackPage, CallbackThanksPage } from './views/callback.tsx'
import { ContentPage } from './views/content-page.tsx'
import { FaqPage } from './views/faq.tsx'
import { HomePage } from './views/home.tsx'
import { MembershipPage } from './views/membership.tsx'

/** Pages whose whole content is a stored page: the URL is the slug. */
const simplePages = ['what-is-case-management', 'benefits', 'contact', 'privacy']

export async function contentRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  const page = async (slug: string) => {
    const found = await findPage(db, slug)
    if (!found) throw new NotFound()
    return found
  }

  app.get('/', async (req, reply) => render(reply, HomePage({ ctx: await viewContext(req), page: await page('home') })))

  for (const slug of simplePages)
    app.get(`/${slug}`, async (req, reply) =>
      render(reply, ContentPage({ ctx: await viewContext(req), page: await page(slug) })),
    )

  app.get('/membership', async (req, reply) => {
    const [membership, grades, discount] = await Promise.all([
      page('membership'),
      listGrades(db),
      getSetting(db, 'company_discount'),
    ])
    return render(reply, MembershipPage({ ctx: await viewContext(req), page: membership, grades, discount }))
  })

  app.get('/faq', async (req, reply) => {
    const [intro, categories] = await Promise.all([page('faq'), listFaq(db)])
    return render(reply, FaqPage({ ctx: await viewContext(req), intro: intro.body, categories }))
  })

  app.get('/request-a-callback', async (req, reply) =>
    render(reply, CallbackPage({ ctx: await viewContext(req), page: await page('request-a-callback'), form: emptyForm })),
  )

  app.post(
    '/request-a-callback',
    { config: { rateLimit: { max: 5, timeWindow: '15 minutes' } } },
    async (req, reply) => {
      const body = req.body as Record<string, unknown> | undefined
      // A bot fills the hidden field: it is shown the same confirmation, and nothing is kept.
      if (typeof body?.[HONEYPOT_FIELD] === 'string' && body[HONEYPOT_FIELD] !== '')
        return seeOther(reply, '/request-a-callback/thank-you')
      const form = parseForm(CallbackForm, body)
      if (!form.ok)
        return render(
          reply,
          CallbackPage({ ctx: await viewContext(req), page: await page('request-a-callback'), form }),
          400,
        )
      await requestCallback(db, config, form.data)
      return seeOther(reply, '/request-a-callback/thank-you')
    },
  )

  app.get('/request-a-callback/thank-you', async (req, reply) =>
    render(reply, CallbackThanksPage({ ctx: await viewContext(req) })),
  )
}
