import type { Config } from '../../config.ts'
import { hashToken } from '../../platform/crypto.ts'
import type { Db } from '../../platform/db/database.ts'
import { sendMessage } from '../../platform/mail/compose.ts'
import { getSetting } from '../../platform/settings.ts'
import { recordEvent } from './commands.ts'
import { loadApplication } from './queries.ts'
import { inviteReferee } from './submission.ts'

export type ReferenceRequest =
  | { ok: true; refereeId: string; applicationId: string; refereeName: string; applicantName: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'answered' }

/** The referee behind a private link: valid for `linkDays` from the invitation, until answered or replaced. */
export async function findReferenceRequest(db: Db, token: string | undefined): Promise<ReferenceRequest> {
  if (!token || token.length > 100) return { ok: false, reason: 'unknown' }
  const row = await db
    .selectFrom('application_referees as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['r.id', 'r.application_id', 'r.name', 'r.invited_at', 'r.replaced_at', 'r.responded_at', 'u.name as applicant', 'a.status'])
    .where('r.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row || row.replaced_at) return { ok: false, reason: 'unknown' }
  if (row.responded_at) return { ok: false, reason: 'answered' }
  const { linkDays } = await getSetting(db, 'references')
  if (!row.invited_at || row.invited_at.getTime() + linkDays * 86_400_000 < Date.now() || row.status === 'approved' || row.status === 'rejected')
    return { ok: false, reason: 'expired' }
  return { ok: true, refereeId: row.id, applicationId: row.application_id, refereeName: row.name, applicantName: row.applicant }
}

export type ReferenceAnswers = { knownHow: string; capacity: string; duration: string; comments: string }

export async function recordReference(db: Db, request: Extract<ReferenceRequest, { ok: true }>, answers: ReferenceAnswers) {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('application_referees')
      .set({ response: JSON.stringify(answers), responded_at: new Date() })
      .where('id', '=', request.refereeId)
      .where('responded_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (updated) await recordEvent(trx, request.applicationId, 'reference received', null, `From ${request.refereeName}`)
  })
}

/** Replaces a referee who has not answered: the old link stops working and the new referee is asked at once. */
export async function replaceReferee(db: Db, config: Config, applicationId: string, oldRefereeId: string, next: { name: string; email: string; phone: string; relationship: string; kind: 'professional' | 'personal' }) {
  const { linkDays } = await getSetting(db, 'references')
  await db.transaction().execute(async (trx) => {
    const old = await trx
      .updateTable('application_referees')
      .set({ replaced_at: new Date(), token_hash: null })
      .where('id', '=', oldRefereeId)
      .where('application_id', '=', applicationId)
      .where('responded_at', 'is', null)
      .returning('name')
      .executeTakeFirst()
    if (!old) return
    const { id } = await trx
      .insertInto('application_referees')
      .values({ application_id: applicationId, ...next, token_hash: null, invited_at: null, reminded_at: null, replaced_at: null, response: null, responded_at: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    const loaded = (await loadApplication(trx, applicationId))!
    await inviteReferee(trx, config, loaded, { id, name: next.name, email: next.email }, linkDays)
    await recordEvent(trx, applicationId, 'referee replaced', loaded.user.id, `${old.name} replaced by ${next.name}`)
  })
}

export const REFEREE_REMINDERS_TASK = 'referee_reminders'

/** Daily: one reminder to each referee who has not answered a week after being asked. Never twice. */
export function refereeRemindersTask(db: Db, config: Config) {
  return async () => {
    const { reminderDays } = await getSetting(db, 'references')
    const due = await db
      .selectFrom('application_referees as r')
      .innerJoin('applications as a', 'a.id', 'r.application_id')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['r.id', 'r.name', 'r.email', 'u.name as applicant'])
      .where('r.invited_at', '<', new Date(Date.now() - reminderDays * 86_400_000))
      .where('r.reminded_at', 'is', null)
      .where('r.responded_at', 'is', null)
      .where('r.replaced_at', 'is', null)
      .where('a.status', '=', 'submitted')
      .execute()
    for (const referee of due)
      await db.transaction().execute(async (trx) => {
        const claimed = await trx.updateTable('application_referees').set({ reminded_at: new Date() }).where('id', '=', referee.id).where('reminded_at', 'is', null).returning('id').executeTakeFirst()
        if (!claimed) return
        await sendMessage(trx, config, {
          to: referee.email,
          template: 'reference-reminder',
          subject: `Reminder: reference request for ${referee.applicant}`,
          greeting: `Dear ${referee.name},`,
          paragraphs: [
            `A week ago we asked you for a reference for ${referee.applicant}, who has applied to join the Case Management Society UK.`,
            'Please use the link in our first email to give it; it takes about five minutes. If you cannot give a reference, please let the applicant know so they can name someone else.',
          ],
        })
      })
  }
}
