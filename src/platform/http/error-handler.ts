import type { FastifyError, FastifyInstance } from 'fastify'
import { ErrorPage, NotFoundPage } from '../views/error-pages.tsx'
import { HttpError } from './errors.ts'
import { SignInRequired, TwoFactorRequired } from './guards.ts'
import { render } from './render.ts'
import type { ViewContextFactory } from './view-context.ts'

/** One place turns every error into a friendly page; only the log sees the detail. */
export function registerErrorPages(app: FastifyInstance, viewContext: ViewContextFactory) {
  app.setNotFoundHandler(async (req, reply) => render(reply, NotFoundPage({ ctx: await viewContext(req) }), 404))

  app.setErrorHandler(async (error: FastifyError, req, reply) => {
    const status = statusOf(error)
    if (status >= 500) req.log.error({ err: error, path: req.url.split('?')[0] }, 'request failed')
    else req.log.info({ status, code: error.code ?? (error as unknown as HttpError).id }, 'request refused')
    if (error instanceof SignInRequired) return reply.redirect(`/login?next=${encodeURIComponent(error.returnTo)}`, 303)
    if (error instanceof TwoFactorRequired) return reply.redirect('/account/two-factor?required=staff', 303)
    if (error instanceof HttpError && error.statusCode === 404)
      return render(reply, NotFoundPage({ ctx: await viewContext(req) }), 404)
    const message = error instanceof HttpError ? error.message : status < 500 ? publicMessage(status) : undefined
    return render(reply, ErrorPage({ ctx: await viewContext(req), status, message }), status)
  })
}

function statusOf(error: FastifyError) {
  const code = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500)
  return code >= 400 && code < 600 ? code : 500
}

function publicMessage(status: number) {
  if (status === 413) return 'What you sent was larger than this page accepts.'
  if (status === 429) return 'You have tried this too many times in a short time.'
  return 'The form could not be read. Go back and try again.'
}
