import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { AppDeps } from '../../app.ts'

export async function healthRoutes(app: FastifyInstance, { db }: AppDeps) {
  app.get('/healthz', async () => ({ status: 'ok' }))

  app.get('/readyz', async (_req, reply) => {
    try {
      await sql`select 1`.execute(db)
      return { status: 'ok', database: 'ok' }
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' })
    }
  })
}
