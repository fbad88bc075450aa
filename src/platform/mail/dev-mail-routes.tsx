import { formatDateTime } from '../dates.ts'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../http/errors.ts'
import { render } from '../http/render.ts'
import type { ViewContext } from '../views/context.ts'
import { Layout, PageHeading } from '../views/layout.tsx'
import { isUuid } from '../http/ids.ts'

type Message = { id: string; to_address: string; subject: string; status: string; created_at: Date; text_body: string }

/** Offline mode only (never in production): the emails the site would have sent. */
export async function devMailRoutes(app: FastifyInstance, { db, viewContext }: AppDeps) {
  app.get('/dev/mail', async (req, reply) => {
    const messages = await db
      .selectFrom('email_messages')
      .select(['id', 'to_address', 'subject', 'status', 'created_at', 'text_body'])
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute()
    return render(reply, <MailList ctx={await viewContext(req)} messages={messages} />)
  })

  app.get<{ Params: { id: string } }>('/dev/mail/:id', async (req, reply) => {
    if (!isUuid(req.params.id)) throw new NotFound()
    const message = await db
      .selectFrom('email_messages')
      .select(['id', 'to_address', 'subject', 'status', 'created_at', 'text_body'])
      .where('id', '=', req.params.id)
      .executeTakeFirst()
    if (!message) throw new NotFound()
    return render(reply, <MailMessage ctx={await viewContext(req)} message={message} />)
  })
}


function MailList({ ctx, messages }: { ctx: ViewContext; messages: Message[] }) {
  return (
    <Layout ctx={ctx} title="Offline mailbox">
      <PageHeading title="Offline mailbox" lead="No email server is set, so the emails this site sends are kept here instead." />
      {messages.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">Emails, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr>
                <td>{formatDateTime(m.created_at)}</td>
                <td>{m.to_address}</td>
                <td>
                  <a href={`/dev/mail/${m.id}`}>{m.subject}</a>
                </td>
                <td>{m.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  )
}

function MailMessage({ ctx, message }: { ctx: ViewContext; message: Message }) {
  return (
    <Layout ctx={ctx} title={message.subject}>
      <p>
        <a href="/dev/mail">Back to the offline mailbox</a>
      </p>
      <PageHeading title={message.subject} caption={`To ${message.to_address}`} />
      <pre class="mail-body">
        <Linkified text={message.text_body} />
      </pre>
    </Layout>
  )
}

/** Links in the plain-text part become clickable, so a reset or verification link can be followed. */
function Linkified({ text }: { text: string }) {
  return <>{text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part))}</>
}
