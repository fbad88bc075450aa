import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { Conflict, NotFound } from '../../platform/http/errors.ts'
import { requireUser } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { cancelAttempt, completeReturn, handleWebhookEvent, startCardPayment, targetHref } from './card-payments.ts'
import { currentTerm, findInvoice } from './service.ts'
import { CardOutcomePage, PaidPage } from './views/card.tsx'
import { isUuid } from '../../platform/http/ids.ts'

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string
  }
}

/** Login → Your account → Pay → PayPal → back here (rule 20); and PayPal's webhooks. */
export async function cardRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config, viewContext, paypal } = deps
  if (!paypal) return

  app.post<{ Params: { id: string } }>('/account/invoices/:id/pay', { config: { rateLimit: { max: 20, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const user = requireUser(req)
    if (!isUuid(req.params.id)) throw new NotFound()
    const found = await findInvoice(db, req.params.id)
    if (!found || found.userId !== user.id) throw new NotFound()
    try {
      return reply.redirect(await startCardPayment(db, config, paypal, { kind: 'invoice', id: req.params.id }), 303)
    } catch (error) {
      if (error instanceof Conflict) return seeOther(reply, `/account/invoices/${req.params.id}?problem=${encodeURIComponent(error.id)}`)
      throw error
    }
  })

  app.get<{ Querystring: { attempt?: string; token?: string } }>('/payments/paypal/return', async (req, reply) => {
    const ctx = await viewContext(req)
    let result: Awaited<ReturnType<typeof completeReturn>>
    try {
      result = await completeReturn(db, config, paypal, req.query.attempt ?? '', req.query.token ?? '')
    } catch {
      // PayPal did not answer twice: the reconcile job or the webhook will finish it.
      return render(reply, CardOutcomePage({ ctx, outcome: 'pending' }), 202)
    }
    const back = result.attempt && targetHref(result.attempt)
    if (result.outcome !== 'paid' || !result.attempt) return render(reply, CardOutcomePage({ ctx, outcome: result.outcome === 'paid' ? 'unknown' : result.outcome, back }))
    if (result.attempt.company_invoice_id) return seeOther(reply, `/account/company/invoices/${result.attempt.company_invoice_id}?notice=paid`)
    const invoice = await db.selectFrom('invoices').select('membership_id').where('id', '=', result.attempt.invoice_id!).executeTakeFirstOrThrow()
    return render(reply, PaidPage({ ctx, term: await currentTerm(db, invoice.membership_id), test: paypal.test, invoiceId: result.attempt.invoice_id! }))
  })

  app.get<{ Querystring: { attempt?: string } }>('/payments/paypal/cancel', async (req, reply) => {
    const cancelled = await cancelAttempt(db, req.query.attempt ?? '')
    return render(reply, CardOutcomePage({ ctx: await viewContext(req), outcome: 'cancelled', back: cancelled && targetHref(cancelled) }))
  })

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 256 * 1024 }, (req, body, done) => {
      req.rawBody = String(body)
      try {
        done(null, JSON.parse(String(body)))
      } catch {
        done(null, {})
      }
    })
    scope.post('/webhooks/paypal', { config: { csrf: false, rateLimit: { max: 600, timeWindow: '1 minute' } } }, async (req, reply) => {
      const event = await paypal.verifyWebhook(req.headers, req.rawBody ?? '')
      if (!event) return reply.code(400).send({ error: 'invalid signature' })
      // Our own failure is a 500, so PayPal tries again (it retries for days).
      const outcome = await handleWebhookEvent(db, config, event)
      return { ok: true, outcome }
    })
  })
}
