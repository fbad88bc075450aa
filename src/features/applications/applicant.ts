import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../../platform/db/database.ts'
import { requireUser } from '../../platform/http/guards.ts'
import { getSetting } from '../../platform/settings.ts'
import { listGrades } from '../membership/service.ts'
import { eligibilityOf } from './evidence.ts'
import { findOpenApplication, type LoadedApplication, loadApplication } from './queries.ts'

export class Redirect extends Error {
  constructor(readonly location: string) {
    super(location)
  }
}

/** The signed-in person's application they may still edit; otherwise where they should be instead. */
export async function editableApplication(db: Db, req: FastifyRequest): Promise<LoadedApplication> {
  const user = requireUser(req)
  const open = await findOpenApplication(db, user.id)
  if (!open) throw new Redirect('/apply/grade')
  if (open.status !== 'draft' && open.status !== 'changes_requested') throw new Redirect('/apply/status')
  return (await loadApplication(db, open.id))!
}

/** Runs a handler that may redirect instead of rendering. */
export function withRedirects<R extends FastifyRequest>(handler: (req: R, reply: FastifyReply) => Promise<unknown>) {
  return async (req: R, reply: FastifyReply) => {
    try {
      return await handler(req, reply)
    } catch (error) {
      if (error instanceof Redirect) return reply.redirect(error.location, 303)
      throw error
    }
  }
}

export async function eligibilityFor(db: Db, loaded: LoadedApplication) {
  const [thresholds, grades] = await Promise.all([getSetting(db, 'grade_rules'), listGrades(db)])
  const gradeName = grades.find((g) => g.code === loaded.application.grade)?.name ?? loaded.application.grade
  return { result: eligibilityOf(loaded, thresholds), gradeName, thresholds }
}
