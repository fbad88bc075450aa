import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { RenderedEmail } from './templates.ts'

export const SEND_EMAIL_TASK = 'send_email'
export const EMAIL_MAX_ATTEMPTS = 10

export type OutgoingEmail = RenderedEmail & { to: string; replyTo?: string; template: string }

/**
 * Stores an email and enqueues its sending in the caller's transaction: if the change that causes
 * the email rolls back, no email goes; if it commits, the email is sent, retried until SMTP answers.
 */
export async function queueEmail(trx: Db, email: OutgoingEmail): Promise<string> {
  const { id } = await trx
    .insertInto('email_messages')
    .values({
      to_address: email.to,
      reply_to: email.replyTo ?? null,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html,
      template: email.template,
      last_error: null,
      sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sql`select graphile_worker.add_job(${SEND_EMAIL_TASK}, json_build_object('id', ${id}::text), max_attempts => ${EMAIL_MAX_ATTEMPTS})`.execute(
    trx,
  )
  return id
}
