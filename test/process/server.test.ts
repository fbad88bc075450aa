import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import pg from 'pg'
import { withDatabase } from '../support/database-server.ts'
import { createTestDatabase } from '../support/database.ts'
import { freePort, killAll, root, runScript, spawnScript } from '../support/process.ts'

const cleanups: (() => Promise<void>)[] = []
after(async () => {
  killAll()
  for (const cleanup of cleanups.reverse()) await cleanup()
})

describe('the server as a separate process', () => {
  it('starts, serves the home page, and stops cleanly on SIGTERM', async () => {
    const database = await createTestDatabase()
    cleanups.push(database.drop)
    const port = await freePort()
    const server = runScript('src/server.ts', { DATABASE_URL: database.url, PORT: String(port) })
    await server.waitFor(/Background jobs: running in this process/)
    assert.match(server.output(), /Site ready at http:\/\/localhost:\d+/)
    assert.match(server.output(), /Database: PostgreSQL \d+ at 127\.0\.0\.1/)
    assert.match(server.output(), /Email: offline mode/)
    assert.match(server.output(), /Payments: offline mode/)

    const home = await fetch(`http://127.0.0.1:${port}/`)
    assert.equal(home.status, 200)
    assert.match(await home.text(), /Apply for Membership/)

    server.child.kill('SIGTERM')
    assert.equal(await server.exited, 0)
    assert.match(server.output(), /Stopped cleanly/)
  })

  for (const [name, env, expected] of [
    ['a port that is not a number', { PORT: 'abc' }, /^Invalid setting PORT="abc": PORT must be a whole number/],
    ['a database URL that is not one', { DATABASE_URL: 'nonsense' }, /^Invalid setting DATABASE_URL="nonsense": DATABASE_URL must be a URL like postgres:\/\//],
    ['an unknown NODE_ENV', { NODE_ENV: 'staging' }, /^Invalid setting NODE_ENV="staging": NODE_ENV must be development, test or production/],
    ['production with the default secret', { NODE_ENV: 'production' }, /^SESSION_SECRET must be set in production/],
  ] as const) {
    it(`refuses ${name} with one line naming the variable, exit code 1`, async () => {
      const started = Date.now()
      const server = runScript('src/server.ts', { ...env })
      assert.equal(await server.exited, 1)
      assert.ok(Date.now() - started < 10_000, 'stops within seconds')
      assert.match(server.output().trim(), expected)
    })
  }

  it('stops with a clear message and a non-zero exit when a migration fails', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await admin.connect()
    const name = `cmsuk_test_broken_${Date.now()}`
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = withDatabase(process.env.TEST_DATABASE_URL!, name)
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    })
    const blocker = new pg.Client({ connectionString: url })
    await blocker.connect()
    await blocker.query('create table grades (conflicting integer)')
    await blocker.end()

    for (const script of ['src/cli/migrate.ts', 'src/server.ts']) {
      const run = runScript(script, { DATABASE_URL: url, PORT: String(await freePort()) })
      assert.equal(await run.exited, 1, script)
      assert.match(run.output(), /Migration 2026-12-03-0001-foundation failed: relation \\?"grades\\?" already exists/, script)
    }
  })
})

describe('the embedded database', () => {
  it('survives kill -9, is shared with npm run migrate, and stops with the last process', async () => {
    const dataDir = await fs.mkdtemp(path.join(root, 'var', 'process-test-'))
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }))
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid')
    const env = () => freePort().then((port) => ({ DATA_DIR: dataDir, PORT: String(port) }))

    // A migrate on its own starts the server for itself and stops it afterwards.
    const migrate = runScript('src/cli/migrate.ts', await env())
    assert.equal(await migrate.exited, 0, migrate.output())
    assert.match(migrate.output(), /Database is up to date: embedded PostgreSQL/)
    assert.equal(existsSync(pidFile), false, 'server stopped after migrate')

    const firstEnv = await env()
    const first = runScript('src/server.ts', firstEnv)
    await first.waitFor(/Site ready/)
    assert.match(first.output(), /Seeded: settings-v1/)
    assert.match(first.output(), /Demo sign-in: office@example\.org with password demo-[\w-]+/)
    const credentials = await fs.readFile(path.join(dataDir, 'demo-credentials.txt'), 'utf8')
    assert.match(credentials, /Password: demo-[\w-]+/)
    assert.match(credentials, /office@example\.org/)

    // migrate while the site runs: it uses the running server and leaves it running.
    const alongside = runScript('src/cli/migrate.ts', await env())
    assert.equal(await alongside.exited, 0, alongside.output())
    assert.equal((await fetch(`http://127.0.0.1:${firstEnv.PORT}/readyz`)).status, 200)

    first.child.kill('SIGKILL')
    await first.exited
    assert.equal(existsSync(pidFile), true, 'postgres outlives the killed app')

    const secondEnv = await env()
    const second = runScript('src/server.ts', secondEnv)
    await second.waitFor(/Site ready/)
    assert.doesNotMatch(second.output(), /Seeded:|Demo sign-in/, 'the data is reused, not seeded again')
    const page = await fetch(`http://127.0.0.1:${secondEnv.PORT}/faq`)
    assert.equal(page.status, 200)
    second.child.kill('SIGTERM')
    assert.equal(await second.exited, 0, second.output())
    assert.equal(existsSync(pidFile), false, 'the last process stops postgres')

    // A stale postmaster.pid from a crashed server (its pid no longer running) is recovered from.
    await fs.writeFile(pidFile, `999999\n${path.join(dataDir, 'postgres')}\n0\n5432\n\n`)
    const thirdEnv = await env()
    const third = runScript('src/server.ts', thirdEnv)
    await third.waitFor(/Site ready/)
    assert.equal((await fetch(`http://127.0.0.1:${thirdEnv.PORT}/readyz`)).status, 200)
    third.child.kill('SIGINT')
    assert.equal(await third.exited, 0, third.output())
  })
})

describe('npm run staff:create', () => {
  it('creates an administrator and prints a one-time link to choose a password', async () => {
    const database = await createTestDatabase()
    cleanups.push(database.drop)
    const run = runScript('src/cli/staff-create.ts', { DATABASE_URL: database.url, PUBLIC_BASE_URL: 'https://members.example.org' })
    // No arguments: a usage message and exit 1.
    assert.equal(await run.exited, 1)
    assert.match(run.output(), /Usage: npm run staff:create -- --email/)

    const created = spawnScript(['src/cli/staff-create.ts', '--email', 'Boss@Example.org', '--name', 'Bea Boss'], { DATABASE_URL: database.url, PUBLIC_BASE_URL: 'https://members.example.org' })
    assert.equal(await created.exited, 0, created.output())
    const link = created.output().match(/https:\/\/members\.example\.org(\/set-password\?token=[\w-]+)/)
    assert.ok(link, created.output())
    const db = new pg.Client({ connectionString: database.url })
    await db.connect()
    const { rows } = await db.query(`select name, roles from users where email = 'boss@example.org'`)
    await db.end()
    assert.deepEqual(rows, [{ name: 'Bea Boss', roles: ['office', 'admin'] }])
  })
})
