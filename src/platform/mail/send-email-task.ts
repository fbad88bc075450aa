import type { Task } from 'graphile-worker'
import type { Db } from '../db/database.ts'
import type { MailTransport } from './transport.ts'

/**
 * The job behind queueEmail. Idempotent: a message already sent or captured is not sent again.
 * A failure is recorded and rethrown so the queue retries with backoff; the last attempt marks it failed.
 */
export function sendEmailTask(db: Db, transport: MailTransport, from: string): Task {
  return async (payload, helpers) => {
    const id = (payload as { id?: string }).id
    if (!id) return
    const message = await db.selectFrom('email_messages').selectAll().where('id', '=', id).executeTakeFirst()
    if (!message || message.status === 'sent' || message.status === 'captured') return
    try {
      await transport.send({
        from,
        to: message.to_address,
        replyTo: message.reply_to ?? undefined,
        subject: message.subject,
        text: message.text_body,
        html: message.html_body,
      })
    } catch (error) {
      const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts
      await db
        .updateTable('email_messages')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: describe(error),
          status: lastAttempt ? 'failed' : 'queued',
        }))
        .where('id', '=', id)
        .execute()
      helpers.logger.warn(`email ${id} not sent (attempt ${helpers.job.attempts}): ${describe(error)}`)
      throw error
    }
    await db
      .updateTable('email_messages')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        status: transport.mode === 'offline' ? 'captured' : 'sent',
        sent_at: new Date(),
        last_error: null,
      }))
      .where('id', '=', id)
      .execute()
  }
}

/** An SMTP error without addresses or message content, safe for the log and the staff screen. */
function describe(error: unknown) {
  const e = error as { code?: string; responseCode?: number; message?: string }
  return [e.code, e.responseCode, (e.message ?? String(error)).replace(/<[^>]*@[^>]*>|\S+@\S+/g, '[address]')]
    .filter(Boolean)
    .join(' ')
    .slice(0, 300)
}
