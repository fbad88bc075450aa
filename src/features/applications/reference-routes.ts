import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../app.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { emptyForm } from '../../platform/views/context.ts'
import { findReferenceRequest, recordReference } from './references.ts'
import { ReferenceDonePage, ReferenceFormPage, ReferenceProblemPage } from './views/reference.tsx'

const ReferenceForm = z.object({
  knownHow: z.string().min(1, 'Tell us how you know the applicant').max(500, 'How you know them must be 500 characters or fewer'),
  capacity: z.enum(['manager', 'colleague', 'client', 'personal', 'other'], { message: 'Select the capacity in which you know them' }),
  duration: z.string().min(1, 'Tell us how long you have known them, like 4 years').max(100, 'How long must be 100 characters or fewer'),
  comments: z.string().min(1, 'Add your comments on their suitability for membership').max(3000, 'Comments must be 3,000 characters or fewer'),
})

type TokenQuery = { Querystring: { token?: string } }

/** The referee's private page: no account needed, the link is the key. */
export async function referenceRoutes(app: FastifyInstance, { db, viewContext }: AppDeps) {
  app.get<TokenQuery>('/reference', async (req, reply) => {
    const request = await findReferenceRequest(db, req.query.token)
    const ctx = await viewContext(req)
    if (!request.ok) return render(reply, ReferenceProblemPage({ ctx, reason: request.reason }), 410)
    return render(reply, ReferenceFormPage({ ctx, form: emptyForm, token: req.query.token!, request }))
  })

  app.post<TokenQuery>('/reference', { config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const request = await findReferenceRequest(db, req.query.token)
    const ctx = await viewContext(req)
    if (!request.ok) return render(reply, ReferenceProblemPage({ ctx, reason: request.reason }), 410)
    const form = parseForm(ReferenceForm, req.body as Record<string, unknown>)
    if (!form.ok) return render(reply, ReferenceFormPage({ ctx, form, token: req.query.token!, request }), 400)
    await recordReference(db, request, form.data)
    return seeOther(reply, '/reference/thank-you')
  })

  app.get('/reference/thank-you', async (req, reply) => render(reply, ReferenceDonePage({ ctx: await viewContext(req) })))
}
