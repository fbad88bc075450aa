import type { Db } from '../../platform/db/database.ts'

export async function findOpenApplication(db: Db, userId: string) {
  return db
    .selectFrom('applications')
    .select(['id', 'status', 'grade'])
    .where('user_id', '=', userId)
    .where('status', 'not in', ['approved', 'rejected'])
    .executeTakeFirst()
}

export async function loadApplication(db: Db, id: string) {
  const application = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()
  if (!application) return undefined
  const [user, qualifications, registrations, associations, work, referees, files] = await Promise.all([
    db.selectFrom('users').select(['id', 'name', 'email', 'email_verified_at']).where('id', '=', application.user_id).executeTakeFirstOrThrow(),
    db.selectFrom('application_qualifications').selectAll().where('application_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('application_registrations').selectAll().where('application_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('application_associations').selectAll().where('application_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('application_work').selectAll().where('application_id', '=', id).orderBy('started_on', 'desc').execute(),
    db
      .selectFrom('application_referees')
      .select(['id', 'name', 'email', 'phone', 'relationship', 'kind', 'invited_at', 'reminded_at', 'replaced_at', 'response', 'responded_at'])
      .where('application_id', '=', id)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('application_files').select(['id', 'filename', 'content_type', 'size_bytes', 'created_at']).where('application_id', '=', id).orderBy('created_at').execute(),
  ])
  return { application, user, qualifications, registrations, associations, work, referees: referees.filter((r) => !r.replaced_at), replacedReferees: referees.filter((r) => r.replaced_at), files }
}

export type LoadedApplication = NonNullable<Awaited<ReturnType<typeof loadApplication>>>

export async function listExpertiseAreas(db: Db) {
  return db.selectFrom('expertise_areas').select(['code', 'label', 'clinical']).orderBy('position').execute()
}

export async function historyOf(db: Db, applicationId: string) {
  return db
    .selectFrom('application_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.at', 'e.event', 'e.detail', 'u.name as actor'])
    .where('e.application_id', '=', applicationId)
    .orderBy('e.id')
    .execute()
}
