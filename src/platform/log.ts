import pino, { type Logger } from 'pino'
import type { Config } from '../config.ts'

/** Logs never carry personal data: no bodies, cookies, query strings (tokens) or client addresses. */
export function createLogger(config: Pick<Config, 'logLevel' | 'isProduction'>, pretty = process.stdout.isTTY): Logger {
  return pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'], censor: '[redacted]' },
    ...(pretty && !config.isProduction
      ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } } }
      : {}),
  })
}
