import type { Db } from '../../platform/db/database.ts'

export type ApplicationSummary = { status: string; label: string; href: string }

const labels: Record<string, string> = {
  draft: 'Not submitted yet',
  submitted: 'Being reviewed',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  rejected: 'Not approved',
}

/** For other features (Your account): the person's latest application, in a word, and where to see it. */
export async function latestApplicationSummary(db: Db, userId: string): Promise<ApplicationSummary | undefined> {
  const row = await db.selectFrom('applications').select('status').where('user_id', '=', userId).orderBy('created_at', 'desc').executeTakeFirst()
  if (!row) return undefined
  return { status: row.status, label: labels[row.status] ?? row.status, href: row.status === 'draft' ? '/apply/check' : '/apply/status' }
}

export type ApprovedRecord = { expertise: string[]; registrations: { body: string; profession: string }[] }

/**
 * What the person's latest approved application (joining or upgrade) records: its areas of expertise, checked
 * against rule 5 at approval, and its registrations.
 */
export async function approvedRecord(db: Db, userId: string): Promise<ApprovedRecord> {
  const application = await db
    .selectFrom('applications')
    .select(['id', 'expertise'])
    .where('user_id', '=', userId)
    .where('status', '=', 'approved')
    .orderBy('decided_at', 'desc')
    .executeTakeFirst()
  if (!application) return { expertise: [], registrations: [] }
  const registrations = await db.selectFrom('application_registrations').select(['body', 'profession']).where('application_id', '=', application.id).execute()
  return { expertise: application.expertise, registrations }
}

/** The list of areas of expertise is read on every directory search; each process keeps it for a few seconds. */
const areasByDb = new WeakMap<Db, { until: number; areas: Promise<{ code: string; label: string; position: number }[]> }>()

export async function listExpertiseAreas(db: Db) {
  const kept = areasByDb.get(db)
  if (kept && kept.until > Date.now()) return kept.areas
  const areas = db.selectFrom('expertise_areas').select(['code', 'label', 'position']).orderBy('position').execute()
  areasByDb.set(db, { until: Date.now() + 5000, areas })
  areas.catch(() => areasByDb.delete(db))
  return areas
}
