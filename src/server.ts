import { buildApp } from './app.ts'
import { boot, flushAndExit } from './boot.ts'
import { seedDemo } from './demo-seed.ts'
import { startPayPal } from './features/billing/paypal/provider.ts'
import { startWorker } from './platform/jobs/worker.ts'
import { runSeeds } from './seed.ts'
import { buildTaskList, crontab } from './tasks.ts'

const { config, log, server, db, close } = await boot({ migrate: true })

const seeded = await runSeeds(db, config)
if (seeded.length > 0) log.info(`Seeded: ${seeded.join(', ')}`)
if (config.env === 'development') await seedDemo(db, config, log)

const paypal = await startPayPal(config)
const app = await buildApp({ config, db, log, paypal: paypal.client })
const worker = config.runWorker
  ? await startWorker({ connectionString: server.url, taskList: buildTaskList(db, config, { paypal: paypal.client }), crontab, log })
  : undefined

try {
  await app.listen({ port: config.port, host: config.host })
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code
  log.fatal(
    code === 'EADDRINUSE'
      ? `Port ${config.port} is already in use: stop the other program or set PORT to a free port, e.g. PORT=3001`
      : `Could not listen on ${config.host}:${config.port}: ${(error as Error).message}`,
  )
  await worker?.stop()
  await close()
  await flushAndExit(log, 1)
}

log.info(`Site ready at ${config.publicBaseUrl}`)
log.info(`Database: ${server.description}`)
log.info(
  config.mail.mode === 'offline'
    ? `Email: offline mode, nothing is sent; read the messages at ${config.publicBaseUrl}/dev/mail`
    : 'Email: sending through SMTP_URL',
)
log.info(
  config.payments.mode === 'fake'
    ? `Payments: offline mode, card payments use the built-in ${paypal.description}`
    : `Payments: ${paypal.description}`,
)
log.info(`Background jobs: ${worker ? 'running in this process' : 'off here (RUN_WORKER=false); run npm run worker'}`)

let stopping = false
async function shutdown(signal: string) {
  if (stopping) {
    log.warn('Second signal: stopping now')
    process.exit(1)
  }
  stopping = true
  log.info(`${signal} received: finishing requests in flight, then stopping`)
  const force = setTimeout(() => {
    log.error('Shutdown took over 30 seconds; stopping anyway')
    process.exit(1)
  }, 30_000)
  force.unref()
  await app.close()
  await worker?.stop()
  await paypal.close()
  await close()
  log.info('Stopped cleanly')
  await flushAndExit(log, 0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
