import { boot, flushAndExit } from '../boot.ts'
import { startPayPal } from '../features/billing/paypal/provider.ts'
import { startWorker } from '../platform/jobs/worker.ts'
import { buildTaskList, crontab } from '../tasks.ts'

/** `npm run worker`: the background jobs in a process of their own (set RUN_WORKER=false on the web processes). */
const { config, log, server, db, close } = await boot({ migrate: true })
// The test PayPal lives in the web process; a separate worker reconciles only against real PayPal.
const paypal = config.payments.mode === 'paypal' ? await startPayPal(config) : undefined
const runner = await startWorker({ connectionString: server.url, taskList: buildTaskList(db, config, { paypal: paypal?.client }), crontab, log })
log.info(`Worker running on ${server.description}; Ctrl-C to stop`)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await runner.stop()
  await close()
  await flushAndExit(log, 0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
await runner.promise.catch((error: Error) => log.error(error.message))
