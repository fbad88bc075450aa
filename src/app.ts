import path from 'node:path'
import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import helmet from '@fastify/helmet'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import staticFiles from '@fastify/static'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify'
import type { Logger } from 'pino'
import type { Config } from './config.ts'
import { accountRoutes } from './features/accounts/account-routes.ts'
import { passwordRoutes } from './features/accounts/password-routes.ts'
import { signInRoutes } from './features/accounts/sign-in-routes.ts'
import { applyRoutes } from './features/applications/apply-routes.ts'
import { MAX_FILE_BYTES } from './features/applications/evidence-files.ts'
import { evidenceRoutes } from './features/applications/evidence-routes.ts'
import { referenceRoutes } from './features/applications/reference-routes.ts'
import { stepRoutes } from './features/applications/step-routes.ts'
import { backOffice } from './features/backoffice/routes.ts'
import { cardRoutes } from './features/billing/card-routes.ts'
import { companyPaymentRoutes } from './features/billing/company-routes.ts'
import { billingMemberRoutes } from './features/billing/member-routes.ts'
import type { PayPalClient } from './features/billing/paypal/client.ts'
import { contentRoutes } from './features/content/routes.ts'
import { directoryMemberRoutes } from './features/directory/member-routes.ts'
import { directoryRoutes } from './features/directory/routes.ts'
import type { Db } from './platform/db/database.ts'
import { csrfPlugin } from './platform/http/csrf.ts'
import { registerErrorPages } from './platform/http/error-handler.ts'
import { healthRoutes } from './platform/http/health.ts'
import { sessionPlugin } from './platform/http/sessions.ts'
import { type ViewContextFactory, viewContextFactory } from './platform/http/view-context.ts'
import { devMailRoutes } from './platform/mail/dev-mail-routes.tsx'

declare module 'fastify' {
  interface FastifyInstance {
    routeList: { method: string; url: string }[]
  }
}

export type AppDeps = { config: Config; db: Db; log: Logger; viewContext: ViewContextFactory; paypal?: PayPalClient }

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public')

/** Platform plugins first (security, parsing, errors), then each feature's routes. */
export async function buildApp({ config, db, log, paypal }: { config: Config; db: Db; log: Logger; paypal?: PayPalClient }): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // Our onResponse hook logs each request without its query string or client address.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.isProduction,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  })
  const deps: AppDeps = { config, db, log, viewContext: viewContextFactory(config, db), paypal }
  // Every route, for the permission walk in the tests and for anyone reading the running app.
  const routeList: { method: string; url: string }[] = []
  app.decorate('routeList', routeList)
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push({ method, url: route.url })
  })

  app.addHook('onResponse', async (req, reply) => {
    // Path only: query strings can carry tokens, and addresses are personal data.
    req.log.info({ method: req.method, path: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request')
  })

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        // The Pay form redirects to PayPal's checkout, and browsers apply form-action to that redirect.
        formAction: ["'self'", ...(paypal?.checkoutOrigins ?? [])],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    strictTransportSecurity: config.isProduction,
  })
  await app.register(cookie)
  await app.register(formbody)
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 2 } })
  await app.register(rateLimit, { global: false })
  await app.register(staticFiles, { root: path.join(publicDir, 'assets'), prefix: '/assets/', maxAge: '1h' })
  await app.register(sessionPlugin, { db, config })
  await app.register(csrfPlugin, { secret: config.sessionSecret, secureCookie: config.isProduction })
  registerErrorPages(app, deps.viewContext)

  await app.register(healthRoutes, deps)
  await app.register(contentRoutes, deps)
  await app.register(signInRoutes, deps)
  await app.register(passwordRoutes, deps)
  await app.register(accountRoutes, deps)
  await app.register(applyRoutes, deps)
  await app.register(evidenceRoutes, deps)
  await app.register(stepRoutes, deps)
  await app.register(referenceRoutes, deps)
  await app.register(billingMemberRoutes, deps)
  await app.register(cardRoutes, deps)
  await app.register(companyPaymentRoutes, deps)
  await app.register(directoryRoutes, deps)
  await app.register(directoryMemberRoutes, deps)
  await app.register((scope) => backOffice(scope, deps), { prefix: '/admin' })
  if (config.mail.mode === 'offline' && !config.isProduction) await app.register(devMailRoutes, deps)
  return app
}
