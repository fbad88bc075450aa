import type { Db } from '../../platform/db/database.ts'
import { findMembership } from '../membership/service.ts'
import { recordEvent } from './commands.ts'
import { findOpenApplication } from './queries.ts'

/**
 * Rule 8: an Associate applies to upgrade to Case Manager. The new application starts from the answers
 * of the approved one (registrations keep their checks), so the applicant only adds the experience they
 * have gained; staff decide it like any other. Supporters have no such path (rule 7).
 */
export async function startUpgrade(db: Db, userId: string): Promise<{ ok: true; id: string } | { ok: false; reason: string }> {
  const membership = await findMembership(db, userId)
  if (membership?.grade !== 'associate') return { ok: false, reason: 'Only Associate members can apply to upgrade to Case Manager.' }
  if (await findOpenApplication(db, userId)) return { ok: false, reason: 'You already have an application in progress.' }
  const previous = await db
    .selectFrom('applications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', '=', 'approved')
    .orderBy('decided_at', 'desc')
    .executeTakeFirst()
  if (!previous) return { ok: false, reason: 'We could not find your approved application. Please contact the office.' }
  return db.transaction().execute(async (trx) => {
    const { id: _id, status: _s, created_at: _c, updated_at: _u, submitted_at: _sa, decided_at: _da, decided_by: _db, decided_grade: _dg, decision_reason: _dr, changes_requested: _cr, ...answers } = previous
    const { id } = await trx
      .insertInto('applications')
      .values({ ...answers, kind: 'upgrade', grade: 'case-manager', declared_true: false, consented_data_use: false, completed_steps: ['home', 'qualifications', 'registrations', 'associations', 'expertise', 'referees', 'insurance', 'record-check'] })
      .returning('id')
      .executeTakeFirstOrThrow()
    const copy = async (table: 'application_qualifications' | 'application_registrations' | 'application_associations' | 'application_work' | 'application_referees') => {
      const rows = await trx.selectFrom(table).selectAll().where('application_id', '=', previous.id).execute()
      for (const row of rows) {
        const { id: _rowId, application_id: _a, ...rest } = row as Record<string, unknown>
        if (table === 'application_referees' && (rest.replaced_at || !rest.responded_at)) continue
        if (table === 'application_referees') rest.token_hash = null
        if ('response' in rest && rest.response !== null) rest.response = JSON.stringify(rest.response)
        await trx.insertInto(table).values({ ...rest, application_id: id } as never).execute()
      }
    }
    for (const table of ['application_qualifications', 'application_registrations', 'application_associations', 'application_work', 'application_referees'] as const) await copy(table)
    await recordEvent(trx, id, 'upgrade started', userId, 'From Associate to Case Manager')
    return { ok: true as const, id }
  })
}
