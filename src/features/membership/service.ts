import type { Db } from '../../platform/db/database.ts'
import { gradesSeed } from './grades-seed.ts'

export type Grade = { code: string; name: string; feePence: number; summary: string; criteria: string[]; practising: boolean }

export async function listGrades(db: Db): Promise<Grade[]> {
  const rows = await db
    .selectFrom('grades')
    .select(['code', 'name', 'fee_pence', 'summary', 'criteria', 'practising'])
    .orderBy('position')
    .execute()
  return rows.map((r) => ({ code: r.code, name: r.name, feePence: r.fee_pence, summary: r.summary, criteria: r.criteria, practising: r.practising }))
}

/** The fee table is data: a change applies to invoices issued from now on, never to those already issued. */
export async function setGradeFee(db: Db, code: string, feePence: number) {
  await db.updateTable('grades').set({ fee_pence: feePence }).where('code', '=', code).execute()
}

export async function seedGrades(db: Db) {
  await db.insertInto('grades').values(gradesSeed).onConflict((oc) => oc.column('code').doNothing()).execute()
}

export type Membership = { id: string; number: string; grade: string; approvedAt: Date; applicationId: string | null }

/** The person's membership record (number and grade), once an application has been approved. */
export async function findMembership(db: Db, userId: string): Promise<Membership | undefined> {
  const row = await db.selectFrom('memberships').select(['id', 'number', 'grade', 'approved_at', 'application_id']).where('user_id', '=', userId).executeTakeFirst()
  return row && { id: row.id, number: row.number, grade: row.grade, approvedAt: row.approved_at, applicationId: row.application_id }
}
