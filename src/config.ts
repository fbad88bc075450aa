import path from 'node:path'
import { z } from 'zod'

/** The development-only secret; production refuses to start with it. */
export const DEFAULT_SESSION_SECRET = 'development-only-secret-change-me-in-production'

const port = z
  .string()
  .regex(/^\d+$/, 'must be a whole number between 1 and 65535, for example PORT=3000')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 65535, 'must be a whole number between 1 and 65535, for example PORT=3000')

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value)
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== ''
  } catch {
    return false
  }
}, 'must be a URL like postgres://user:password@localhost:5432/cmsuk, or unset to use the embedded database')

const httpUrl = z.string().refine((value) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}, 'must be the address people use to reach the site, like https://members.example.org')

const smtpUrl = z.string().refine((value) => {
  try {
    return ['smtp:', 'smtps:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}, 'must be a URL like smtp://user:password@mail.example.org:587, or unset to keep emails offline')

const email = z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address, like office@example.org')
const mailFrom = z.string().min(3, 'must be a sender, like "CMSUK <office@example.org>"')

const flag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true')

const EnvSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      message: 'must be development, test or production (leave it unset for development)',
    })
    .default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1, 'must be a folder path, for example DATA_DIR=./var').default('./var'),
  DATABASE_URL: postgresUrl.optional(),
  PUBLIC_BASE_URL: httpUrl.optional(),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters; generate one with: openssl rand -hex 32')
    .default(DEFAULT_SESSION_SECRET),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: mailFrom.default('CMSUK <office@example.org>'),
  OFFICE_EMAIL: email.default('info@cmsuk.org'),
  PAYPAL_CLIENT_ID: z.string().min(1).optional(),
  PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
  PAYPAL_API_BASE: httpUrl.default('https://api-m.sandbox.paypal.com'),
  PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
  SESSION_IDLE_MINUTES: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of minutes, for example SESSION_IDLE_MINUTES=120')
    .transform(Number)
    .refine((n) => n >= 5, 'must be at least 5 minutes')
    .default(120),
  SESSION_MAX_DAYS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of days, for example SESSION_MAX_DAYS=30')
    .transform(Number)
    .refine((n) => n >= 1, 'must be at least 1 day')
    .default(30),
  RUN_WORKER: flag.default(true),
  DIRECTORY_CACHE_ENTRIES: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of searches to remember, for example DIRECTORY_CACHE_ENTRIES=1000 (0 turns the cache off)')
    .transform(Number)
    .default(1000),
  DIRECTORY_SEARCHES_PER_MINUTE: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of searches, for example DIRECTORY_SEARCHES_PER_MINUTE=120')
    .transform(Number)
    .refine((n) => n >= 1, 'must be at least 1')
    .default(120),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
})

export type Config = Readonly<{
  env: 'development' | 'test' | 'production'
  isProduction: boolean
  port: number
  host: string
  dataDir: string
  database: { kind: 'embedded' } | { kind: 'external'; url: string }
  publicBaseUrl: string
  sessionSecret: string
  session: Readonly<{ idleMinutes: number; maxDays: number }>
  mail: Readonly<{ mode: 'smtp'; smtpUrl: string; from: string } | { mode: 'offline'; from: string }>
  officeEmail: string
  payments: Readonly<{ mode: 'fake' } | { mode: 'paypal'; apiBase: string; clientId: string; clientSecret: string; webhookId: string }>
  runWorker: boolean
  /** Find a Case Manager searches remembered per process while the directory is unchanged (0: none). */
  directoryCacheEntries: number
  /** Find a Case Manager searches one address may make a minute, so nobody can scrape or flood it. */
  directorySearchesPerMinute: number
  logLevel: string
}>

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'ConfigError'
  }
}

/** Reads the environment once into a typed, frozen object; the only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = EnvSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment')
      return `Invalid setting ${name}=${JSON.stringify(present[name] ?? '')}: ${name} ${issue.message}`
    })
    throw new ConfigError(problems)
  }
  const e = parsed.data
  const isProduction = e.NODE_ENV === 'production'
  const problems: string[] = []
  if (isProduction) {
    if (e.SESSION_SECRET === DEFAULT_SESSION_SECRET)
      problems.push('SESSION_SECRET must be set in production; generate one with: openssl rand -hex 32')
    if (!e.SMTP_URL)
      problems.push('SMTP_URL must be set in production, or emails would only be kept offline and never sent')
    if (!e.PAYPAL_CLIENT_ID || !e.PAYPAL_CLIENT_SECRET)
      problems.push(
        'PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET must be set in production, or card payments would use the test PayPal',
      )
    if (!/(^|\.)paypal\.com$/.test(new URL(e.PAYPAL_API_BASE).hostname))
      problems.push('PAYPAL_API_BASE must be a paypal.com address in production, like https://api-m.paypal.com')
    if (!e.PAYPAL_WEBHOOK_ID) problems.push('PAYPAL_WEBHOOK_ID must be set in production, so PayPal webhooks can be verified')
    if (!e.PUBLIC_BASE_URL)
      problems.push('PUBLIC_BASE_URL must be set in production, like https://members.example.org, for links in emails')
  }
  if (problems.length > 0) throw new ConfigError(problems)

  const config: Config = {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    database: e.DATABASE_URL ? { kind: 'external', url: e.DATABASE_URL } : { kind: 'embedded' },
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET,
    session: Object.freeze({ idleMinutes: e.SESSION_IDLE_MINUTES, maxDays: e.SESSION_MAX_DAYS }),
    mail: Object.freeze(
      e.SMTP_URL ? { mode: 'smtp', smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : { mode: 'offline', from: e.MAIL_FROM },
    ),
    officeEmail: e.OFFICE_EMAIL,
    payments: Object.freeze(
      e.PAYPAL_CLIENT_ID && e.PAYPAL_CLIENT_SECRET
        ? { mode: 'paypal' as const, apiBase: e.PAYPAL_API_BASE.replace(/\/$/, ''), clientId: e.PAYPAL_CLIENT_ID, clientSecret: e.PAYPAL_CLIENT_SECRET, webhookId: e.PAYPAL_WEBHOOK_ID ?? '' }
        : { mode: 'fake' as const },
    ),
    runWorker: e.RUN_WORKER,
    directoryCacheEntries: e.DIRECTORY_CACHE_ENTRIES,
    directorySearchesPerMinute: e.DIRECTORY_SEARCHES_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
  }
  return Object.freeze(config)
}
