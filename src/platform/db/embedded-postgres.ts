import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { processStartTime, sleep, withFileLock } from './file-lock.ts'

/**
 * The embedded PostgreSQL that `npm start` uses when no DATABASE_URL is set.
 *
 * The server is started with pg_ctl, so it lives in its own session and outlives a process killed
 * with `kill -9`. Every process that uses it (web app, migrate, worker) registers itself under
 * `postgres-clients/`; the last one to leave stops the server, and a newcomer adopts a server left
 * running by a dead process. See docs/decisions/003-embedded-postgres-lifecycle.md.
 */

export type EmbeddedPostgres = {
  url: string
  /** Major version of the server binaries, e.g. "18". */
  version: string
  /** Unregisters this process; stops the server when no other process uses it. */
  release: () => Promise<void>
}

type Credentials = { user: string; password: string; port: number }
type Log = (message: string) => void

const DATABASE = 'cmsuk'

export async function acquireEmbeddedPostgres(dataDir: string, log: Log): Promise<EmbeddedPostgres> {
  const paths = layout(path.resolve(dataDir))
  await fs.mkdir(paths.clients, { recursive: true })
  const bin = await binaries()
  const runAs = await postgresUser()
  // The server runs as "postgres": it must be able to enter DATA_DIR (mkdtemp and umask 077 make it private).
  if (runAs) await fs.chmod(paths.root, ((await fs.stat(paths.root)).mode & 0o777) | 0o711)

  const credentials = await withFileLock(paths.lock, async () => {
    const creds = await loadOrCreateCredentials(paths.credentials)
    if (!(await isInitialised(paths.pgdata))) await initialise(bin, paths, creds, runAs, log)
    const running = await runningServer(paths.pgdata)
    if (running) {
      creds.port = running.port
      await waitUntilAccepting(creds)
    } else {
      creds.port = await choosePort(creds.port)
      await saveCredentials(paths.credentials, creds)
      await startServer(bin, paths, creds, runAs, log)
    }
    await registerClient(paths.clients)
    await ensureDatabase(creds)
    return creds
  })

  let released = false
  return {
    url: connectionUrl(credentials, DATABASE),
    version: await serverVersion(paths.pgdata),
    release: async () => {
      if (released) return
      released = true
      await withFileLock(paths.lock, async () => {
        await fs.rm(path.join(paths.clients, String(process.pid)), { force: true })
        if ((await liveClients(paths.clients)) === 0) await stopServer(bin, paths, runAs, log)
      })
    },
  }
}

function layout(dataDir: string) {
  return {
    root: dataDir,
    pgdata: path.join(dataDir, 'postgres'),
    credentials: path.join(dataDir, 'postgres.json'),
    clients: path.join(dataDir, 'postgres-clients'),
    lock: path.join(dataDir, 'postgres.lock'),
  }
}

type Binaries = { initdb: string; pg_ctl: string; postgres: string }

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`
  try {
    return (await import(name)) as Binaries
  } catch {
    throw new Error(`The embedded PostgreSQL has no binaries for this platform (${name}); set DATABASE_URL instead`)
  }
}

type RunAs = { uid: number; gid: number } | undefined

/** PostgreSQL refuses to run as root; then run it as the system user "postgres", creating it if needed. */
async function postgresUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return undefined
  const lookup = async () => {
    const uid = Number((await run('id', ['-u', 'postgres'])).trim())
    const gid = Number((await run('id', ['-g', 'postgres'])).trim())
    return { uid, gid }
  }
  try {
    return await lookup()
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'])
    return lookup()
  }
}

async function isInitialised(pgdata: string) {
  return fs
    .access(path.join(pgdata, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false)
}

async function serverVersion(pgdata: string) {
  return (await fs.readFile(path.join(pgdata, 'PG_VERSION'), 'utf8')).trim()
}

/** initdb into a scratch folder and rename it into place, so an interrupted first start leaves nothing half made. */
async function initialise(bin: Binaries, paths: ReturnType<typeof layout>, creds: Credentials, runAs: RunAs, log: Log) {
  log('Creating the embedded PostgreSQL database (first start only)...')
  const scratch = `${paths.pgdata}.initialising`
  await fs.rm(scratch, { recursive: true, force: true })
  await fs.mkdir(scratch, { mode: 0o700 })
  const pwfile = path.join(os.tmpdir(), `cmsuk-pw-${randomBytes(6).toString('hex')}`)
  await fs.writeFile(pwfile, `${creds.password}\n`, { mode: 0o600 })
  try {
    if (runAs) {
      await fs.chown(scratch, runAs.uid, runAs.gid)
      await fs.chown(pwfile, runAs.uid, runAs.gid)
    }
    await run(
      bin.initdb,
      [`--pgdata=${scratch}`, '--auth=scram-sha-256', `--username=${creds.user}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'],
      runAs,
    )
  } catch (error) {
    const hint = /Permission denied/.test((error as Error).message)
      ? ' The "postgres" user must be able to open every folder above DATA_DIR; choose a DATA_DIR outside private folders such as /root.'
      : ''
    throw new Error(`Could not create the embedded database in ${paths.pgdata}: ${(error as Error).message}${hint}`)
  } finally {
    await fs.rm(pwfile, { force: true })
  }
  await fs.rename(scratch, paths.pgdata)
}

/** The server described by postmaster.pid, if that process is alive and is a postgres. */
async function runningServer(pgdata: string): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(pgdata, 'postmaster.pid')
  let lines: string[]
  try {
    lines = (await fs.readFile(pidFile, 'utf8')).split('\n')
  } catch {
    return undefined
  }
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (Number.isInteger(pid) && pid > 0 && (await isPostgresProcess(pid)) && port > 0) return { pid, port }
  // Left behind by a server that died: no process owns it any more.
  await fs.rm(pidFile, { force: true })
  return undefined
}

async function isPostgresProcess(pid: number) {
  try {
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')
    return cmdline.includes('postgres')
  } catch {
    try {
      process.kill(pid, 0)
      return true
    } catch {
      return false
    }
  }
}

async function startServer(bin: Binaries, paths: ReturnType<typeof layout>, creds: Credentials, runAs: RunAs, log: Log) {
  // Backends of a server killed with -9 may hold the old shared memory for a moment.
  for (let attempt = 1; ; attempt++) {
    try {
      await run(
        bin.pg_ctl,
        [
          'start',
          '--wait',
          '--timeout=60',
          `--pgdata=${paths.pgdata}`,
          `--log=${path.join(paths.pgdata, 'server.log')}`,
          `--options=-p ${creds.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
        ],
        runAs,
      )
      log(`Embedded PostgreSQL started on 127.0.0.1:${creds.port}`)
      return
    } catch (error) {
      if (attempt >= 3) {
        const tail = await fs.readFile(path.join(paths.pgdata, 'server.log'), 'utf8').catch(() => '')
        throw new Error(
          `The embedded PostgreSQL would not start: ${(error as Error).message}\n${tail.split('\n').slice(-8).join('\n')}`,
        )
      }
      await sleep(1000 * attempt)
    }
  }
}

async function stopServer(bin: Binaries, paths: ReturnType<typeof layout>, runAs: RunAs, log: Log) {
  if (!(await runningServer(paths.pgdata))) return
  await run(bin.pg_ctl, ['stop', '--wait', '--timeout=60', '--mode=fast', `--pgdata=${paths.pgdata}`], runAs)
  log('Embedded PostgreSQL stopped')
}

async function waitUntilAccepting(creds: Credentials) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const client = new pg.Client({ connectionString: connectionUrl(creds, 'postgres') })
    try {
      await client.connect()
      await client.end()
      return
    } catch {
      await client.end().catch(() => undefined)
      await sleep(500)
    }
  }
  throw new Error(`The embedded PostgreSQL on port ${creds.port} is running but does not accept connections`)
}

async function ensureDatabase(creds: Credentials) {
  const client = new pg.Client({ connectionString: connectionUrl(creds, 'postgres') })
  await client.connect()
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE])
    if (found.rowCount === 0) await client.query(`create database ${DATABASE}`)
  } finally {
    await client.end()
  }
}

async function registerClient(clientsDir: string) {
  await fs.writeFile(path.join(clientsDir, String(process.pid)), String(await processStartTime(process.pid)))
}

/** Counts registered processes that are still alive, removing those that died (e.g. after kill -9). */
async function liveClients(clientsDir: string) {
  let alive = 0
  for (const name of await fs.readdir(clientsDir)) {
    const file = path.join(clientsDir, name)
    const recorded = (await fs.readFile(file, 'utf8').catch(() => '')).trim()
    const current = await processStartTime(Number(name))
    if (current !== undefined && String(current) === recorded) alive++
    else await fs.rm(file, { force: true })
  }
  return alive
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Credentials
  } catch {
    const creds = { user: 'postgres', password: randomBytes(18).toString('base64url'), port: 0 }
    await saveCredentials(file, creds)
    return creds
  }
}

async function saveCredentials(file: string, creds: Credentials) {
  await fs.writeFile(`${file}.tmp`, JSON.stringify(creds, null, 2), { mode: 0o600 })
  await fs.rename(`${file}.tmp`, file)
}

/** Keeps the port used before when it is free, so the URL stays stable; otherwise any free port. */
async function choosePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer()
      server.once('error', () => resolve(undefined))
      server.listen(port, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined))
      })
    })
  if (preferred > 0 && (await tryPort(preferred))) return preferred
  const port = await tryPort(0)
  if (!port) throw new Error('No free TCP port for the embedded PostgreSQL')
  return port
}

function connectionUrl(creds: Credentials, database: string) {
  return `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${creds.port}/${database}`
}

function run(command: string, args: string[], runAs?: RunAs): Promise<string> {
  return new Promise((resolve, reject) => {
    // detached: pg_ctl's server must not share our process group, or Ctrl-C would reach it before us.
    const child = spawn(command, args, {
      ...(runAs ?? {}),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
      cwd: os.tmpdir(),
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(output)
      else reject(new Error(`${path.basename(command)} exited with code ${code}: ${output.trim().slice(-600)}`))
    })
  })
}

