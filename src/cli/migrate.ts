import { boot, flushAndExit } from '../boot.ts'

/** `npm run migrate`: applies pending migrations to the configured (or embedded) database and exits. */
const { log, server, close } = await boot({ migrate: true })
log.info(`Database is up to date: ${server.description}`)
await close()
await flushAndExit(log, 0)
