import type { Generated, Timestamp } from '../db/tables.ts'

export type EmailStatus = 'queued' | 'sent' | 'captured' | 'failed'

export interface MailTables {
  email_messages: {
    id: Generated<string>
    to_address: string
    reply_to: string | null
    subject: string
    text_body: string
    html_body: string
    template: string
    status: Generated<EmailStatus>
    attempts: Generated<number>
    last_error: string | null
    created_at: Timestamp
    sent_at: Date | null
  }
}
