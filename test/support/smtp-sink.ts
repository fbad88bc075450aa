import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = { from: string; to: string[]; replyTo: string; subject: string; text: string; html: string }

/** A real SMTP server on 127.0.0.1 that keeps what it receives; `failing` makes it refuse every message. */
export async function startSmtpSink() {
  const received: ReceivedMail[] = []
  let failing = false
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8')
      })
      stream.on('end', async () => {
        if (failing) return callback(Object.assign(new Error('Service unavailable'), { responseCode: 421 }))
        const parsed = await simpleParser(raw)
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          replyTo: parsed.replyTo?.text ?? '',
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    setFailing(value: boolean) {
      failing = value
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The path and query of the first link to this site in an email, ready for app.inject. */
export function linkIn(mail: ReceivedMail | undefined, pathPrefix: string) {
  if (!mail) throw new Error('No email')
  const match = mail.text.match(new RegExp(`https?://[^\\s/]+(${pathPrefix.replace(/[/?]/g, '\\$&')}[^\\s]*)`))
  if (!match) throw new Error(`No ${pathPrefix} link in: ${mail.text}`)
  return match[1]!
}
