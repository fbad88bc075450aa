import { Logger, type Runner, run, runOnce, type TaskList } from 'graphile-worker'
import type { Logger as PinoLogger } from 'pino'

export type WorkerOptions = {
  connectionString: string
  taskList: TaskList
  crontab?: string
  concurrency?: number
  log: PinoLogger
}

/** graphile-worker's log lines go to our pino log at the matching level. */
function workerLogger(log: PinoLogger) {
  return new Logger((scope) => (level, message) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : level === 'debug' ? 'debug' : 'info'
    log[method]({ worker: scope.label ?? 'worker', task: scope.taskIdentifier }, message)
  })
}

export function startWorker(options: WorkerOptions): Promise<Runner> {
  return run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: options.taskList,
    // An empty string would make graphile-worker look for a crontab file; a comment means none.
    crontab: options.crontab || '# no recurring jobs',
    logger: workerLogger(options.log),
  })
}

/** Runs every job that is due, then returns: for command-line tasks and tests. */
export function runDueJobs(options: Omit<WorkerOptions, 'crontab' | 'concurrency'>) {
  return runOnce({
    connectionString: options.connectionString,
    taskList: options.taskList,
    noHandleSignals: true,
    logger: workerLogger(options.log),
  })
}
