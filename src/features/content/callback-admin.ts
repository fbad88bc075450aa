import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import type { CallbackStatus } from './tables.ts'

export const callbackStatuses: CallbackStatus[] = ['new', 'called', 'closed']

export async function listCallbacks(db: Db, status: CallbackStatus) {
  return db
    .selectFrom('callback_requests')
    .select(['id', 'name', 'phone', 'email', 'best_time', 'about', 'status', 'staff_note', 'created_at', 'updated_at'])
    .where('status', '=', status)
    .orderBy('created_at', status === 'new' ? 'asc' : 'desc')
    .limit(200)
    .execute()
}

export async function countCallbacks(db: Db): Promise<Record<CallbackStatus, number>> {
  const rows = await db
    .selectFrom('callback_requests')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  const counts = { new: 0, called: 0, closed: 0 }
  for (const row of rows) counts[row.status] = row.n
  return counts
}

export async function updateCallback(db: Db, actorId: string, id: number, status: CallbackStatus, note: string) {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('callback_requests')
      .set({ status, staff_note: note, updated_at: new Date() })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst()
    if (updated) await audit(trx, { action: 'callback_updated', actorId, detail: { callbackId: id, status } })
    return updated !== undefined
  })
}
