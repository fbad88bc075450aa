import { sql } from 'kysely'
import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { EMAIL_MAX_ATTEMPTS, SEND_EMAIL_TASK } from '../../platform/mail/outbox.ts'
import type { EmailStatus } from '../../platform/mail/tables.ts'

export const emailStatuses: EmailStatus[] = ['queued', 'failed', 'sent', 'captured']

/** The outbox for staff: who, what and how it went; never the bodies, which can hold sign-in links. */
export async function listEmails(db: Db, status: EmailStatus) {
  return db
    .selectFrom('email_messages')
    .select(['id', 'to_address', 'subject', 'template', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .where('status', '=', status)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()
}

export async function countEmails(db: Db): Promise<Record<EmailStatus, number>> {
  const rows = await db.selectFrom('email_messages').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute()
  const counts: Record<EmailStatus, number> = { queued: 0, sent: 0, captured: 0, failed: 0 }
  for (const row of rows) counts[row.status] = row.n
  return counts
}

/** Puts a failed message back in the queue for a fresh round of attempts. */
export async function retryEmail(db: Db, actorId: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('email_messages')
      .set({ status: 'queued', last_error: null })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .returning('id')
      .executeTakeFirst()
    if (!updated) return false
    await sql`select graphile_worker.add_job(${SEND_EMAIL_TASK}, json_build_object('id', ${id}::text), max_attempts => ${EMAIL_MAX_ATTEMPTS})`.execute(trx)
    await audit(trx, { action: 'email_retried', actorId, detail: { emailId: id } })
    return true
  })
}
