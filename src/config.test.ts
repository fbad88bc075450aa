import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ConfigError, DEFAULT_SESSION_SECRET, loadConfig } from './config.ts'

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env)
  } catch (error) {
    assert.ok(error instanceof ConfigError)
    return error.problems
  }
  assert.fail('expected a configuration error')
}

const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a'.repeat(64),
  SMTP_URL: 'smtp://mail.example.org:587',
  PAYPAL_CLIENT_ID: 'id',
  PAYPAL_CLIENT_SECRET: 'secret',
  PAYPAL_API_BASE: 'https://api-m.paypal.com',
  PAYPAL_WEBHOOK_ID: 'WH-123',
  PUBLIC_BASE_URL: 'https://members.example.org',
  DATABASE_URL: 'postgres://app@db.example.org/cmsuk',
}

describe('configuration', () => {
  it('runs offline on the embedded database with nothing set', () => {
    const config = loadConfig({})
    assert.equal(config.port, 3000)
    assert.equal(config.env, 'development')
    assert.deepEqual(config.database, { kind: 'embedded' })
    assert.equal(config.mail.mode, 'offline')
    assert.equal(config.payments.mode, 'fake')
    assert.equal(config.publicBaseUrl, 'http://localhost:3000')
    assert.ok(Object.isFrozen(config))
  })

  it('names the variable and the fix for a bad PORT', () => {
    const [problem, ...rest] = problemsOf({ PORT: 'abc' })
    assert.equal(rest.length, 0)
    assert.match(problem!, /^Invalid setting PORT="abc": PORT must be a whole number between 1 and 65535, for example PORT=3000$/)
    assert.match(problemsOf({ PORT: '70000' })[0]!, /PORT must be a whole number/)
  })

  it('explains a DATABASE_URL that is not a postgres URL', () => {
    assert.match(problemsOf({ DATABASE_URL: 'nonsense' })[0]!, /DATABASE_URL must be a URL like postgres:\/\//)
    assert.match(problemsOf({ DATABASE_URL: 'mysql://localhost/db' })[0]!, /DATABASE_URL/)
    assert.deepEqual(loadConfig({ DATABASE_URL: 'postgresql://u:p@localhost:5432/x' }).database.kind, 'external')
  })

  it('refuses an unknown NODE_ENV', () => {
    assert.match(problemsOf({ NODE_ENV: 'staging' })[0]!, /NODE_ENV must be development, test or production/)
  })

  it('reports every bad variable at once, one line each', () => {
    assert.equal(problemsOf({ PORT: 'x', NODE_ENV: 'y', SMTP_URL: 'z' }).length, 3)
  })

  it('refuses production with the default session secret or offline email and payments', () => {
    const problems = problemsOf({ NODE_ENV: 'production' })
    assert.ok(problems.some((p) => p.startsWith('SESSION_SECRET must be set in production')))
    assert.ok(problems.some((p) => p.startsWith('SMTP_URL must be set in production')))
    assert.ok(problems.some((p) => p.startsWith('PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET must be set')))
    assert.ok(problemsOf({ ...production, SESSION_SECRET: DEFAULT_SESSION_SECRET }).some((p) => p.includes('SESSION_SECRET')))
    assert.ok(problemsOf({ ...production, SESSION_SECRET: 'short' }).some((p) => p.includes('at least 32 characters')))
  })

  it('refuses a PayPal address that is not PayPal in production', () => {
    assert.ok(problemsOf({ ...production, PAYPAL_API_BASE: 'https://evil.example' }).some((p) => p.startsWith('PAYPAL_API_BASE must be a paypal.com address')))
  })

  it('starts in production when everything is set', () => {
    const config = loadConfig(production)
    assert.equal(config.isProduction, true)
    assert.equal(config.mail.mode, 'smtp')
    assert.equal(config.payments.mode, 'paypal')
  })
})
