import type { Config } from '../../config.ts'
import type { Db } from '../db/database.ts'
import { getSetting } from '../settings.ts'
import { type OutgoingEmail, queueEmail } from './outbox.ts'
import { type EmailContent, renderEmail } from './templates.ts'

export type Message = Omit<EmailContent, 'society' | 'baseUrl'> & { to: string; template: string; replyTo?: string }

/** Renders a message with the society's name and footer and queues it in the caller's transaction. */
export async function sendMessage(db: Db, config: Config, message: Message) {
  const society = await getSetting(db, 'society')
  const { to, template, replyTo, ...content } = message
  const email: OutgoingEmail = { to, template, replyTo, ...renderEmail({ ...content, society, baseUrl: config.publicBaseUrl }) }
  return queueEmail(db, email)
}
