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
