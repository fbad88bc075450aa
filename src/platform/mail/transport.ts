import nodemailer from 'nodemailer'
import type { Config } from '../../config.ts'

export type MailTransport = {
  mode: 'smtp' | 'offline'
  send: (message: { from: string; to: string; replyTo?: string; subject: string; text: string; html: string }) => Promise<void>
}

/** SMTP when SMTP_URL is set; otherwise offline, where messages stay in the database for /dev/mail. */
export function createMailTransport(config: Config): MailTransport {
  if (config.mail.mode === 'offline') return { mode: 'offline', send: async () => undefined }
  const transporter = nodemailer.createTransport({
    url: config.mail.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  })
  return {
    mode: 'smtp',
    send: async (message) => {
      await transporter.sendMail(message)
    },
  }
}
