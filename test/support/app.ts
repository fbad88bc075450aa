import type { FastifyInstance } from 'fastify'
import { parse, type HTMLElement } from 'node-html-parser'
import { sql } from 'kysely'
import pino from 'pino'
import { buildApp } from '../../src/app.ts'
import { type Config, loadConfig } from '../../src/config.ts'
import { createDb, type Db } from '../../src/platform/db/database.ts'
import { runDueJobs } from '../../src/platform/jobs/worker.ts'
import { createPayPalClient } from '../../src/features/billing/paypal/client.ts'
import { type FakePayPal, startFakePayPal } from '../../src/features/billing/paypal/fake-server.ts'
import { buildTaskList } from '../../src/tasks.ts'
import { createTestDatabase } from './database.ts'

export type TestApp = {
  app: FastifyInstance
  /** The test PayPal behind the app, with its controls. */
  paypal: FakePayPal
  db: Db
  config: Config
  /** Runs every queued background job (emails) once, as the worker would. */
  runJobs: () => Promise<void>
  /**
   * Makes jobs waiting to be retried due now, as if their backoff had passed, and runs them, up to three
   * rounds until `done` says the retry happened (one round in a few dozen was seen not to pick the job up).
   */
  retryJobsNow: (done?: () => boolean) => Promise<void>
  close: () => Promise<void>
}

/** The real app on a database of its own; `env` overrides settings as environment variables would. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase()
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url, ...env })
  const db = createDb(database.url, { max: 4 })
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })
  const paypal = await startFakePayPal()
  const client = createPayPalClient({ apiBase: paypal.baseUrl, clientId: paypal.clientId, clientSecret: paypal.clientSecret, webhookId: paypal.webhookId, certHosts: [new URL(paypal.baseUrl).host], checkoutOrigins: [paypal.baseUrl], test: true, timeoutMs: 1000 })
  const app = await buildApp({ config, db, log, paypal: client })
  await app.ready()
  return {
    app,
    paypal,
    db,
    config,
    runJobs: async () => {
      await runDueJobs({ connectionString: database.url, taskList: buildTaskList(db, config), log })
    },
    retryJobsNow: async (done = () => true) => {
      for (let round = 0; round < 3; round++) {
        await sql`update graphile_worker._private_jobs set run_at = now() - interval '1 second' where attempts > 0`.execute(db)
        await runDueJobs({ connectionString: database.url, taskList: buildTaskList(db, config), log })
        if (done()) return
        await new Promise((r) => setTimeout(r, 200))
      }
    },
    close: async () => {
      await app.close()
      await paypal.close()
      await db.destroy()
      await database.drop()
    },
  }
}

export const html = (body: string): HTMLElement => parse(body)

/** Visible text of an element with whitespace folded, as a person reads it. */
export const textOf = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

let nextAddress = 0

/**
 * A browser-like session for app.inject: keeps cookies, finds the CSRF token in the last page, and
 * comes from an address of its own (rate limits are per address, as for real visitors).
 */
export function browserSession(app: FastifyInstance) {
  nextAddress++
  const address = `198.51.${Math.floor(nextAddress / 250) % 250}.${(nextAddress % 250) + 1}`
  const cookies = new Map<string, string>()
  const remember = (setCookie: string | string[] | undefined) => {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(';')
      const [name, ...value] = pair!.split('=')
      cookies.set(name!.trim(), value.join('='))
    }
  }
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  let csrf = ''
  return {
    cookies,
    /** Signs in through the real form (and the two-factor step when the user has it). */
    async signIn(user: { email: string; password: string; totpSecret?: string }, code?: () => string) {
      // A page that always has a form, even for someone already signed in, for a current CSRF token.
      await this.get('/forgot-password')
      let res = await this.post('/login', { email: user.email, password: user.password })
      if (res.headers.location?.startsWith('/login/two-factor')) {
        await this.get('/login/two-factor')
        res = await this.post('/login/two-factor', { code: code ? code() : '' })
      }
      if (res.statusCode !== 303) throw new Error(`Sign-in failed with ${res.statusCode}`)
      return res
    },
    address,
    async get(url: string) {
      const res = await app.inject({ method: 'GET', url, headers: { cookie: cookieHeader() }, remoteAddress: address })
      remember(res.headers['set-cookie'])
      csrf = html(res.body).querySelector('input[name=_csrf]')?.getAttribute('value') ?? csrf
      return res
    },
    post(url: string, form: Record<string, string | string[]>, options: { csrf?: string | null } = {}) {
      return this.postFrom(address, url, form, options)
    },
    /** Posts as if from another client address (rate limits are per address). */
    async postFrom(remoteAddress: string, url: string, form: Record<string, string | string[]>, options: { csrf?: string | null } = {}) {
      const body = new URLSearchParams()
      const token = options.csrf === undefined ? csrf : options.csrf
      if (token !== null) body.append('_csrf', token)
      for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) body.append(k, item)
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
        remoteAddress,
      })
      remember(res.headers['set-cookie'])
      return res
    },
  }
}
