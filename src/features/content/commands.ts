import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { sendMessage } from '../../platform/mail/compose.ts'
import { bestTimeOptions, type CallbackInput } from './forms.ts'

/** Stores a callback request and, in the same transaction, queues the email that tells the office. */
export async function requestCallback(db: Db, config: Config, input: CallbackInput) {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('callback_requests')
      .values({
        name: input.name,
        phone: input.phone,
        email: input.email,
        best_time: input.bestTime,
        about: input.about,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const bestTime = bestTimeOptions.find((o) => o.value === input.bestTime)?.label ?? input.bestTime
    await sendMessage(trx, config, {
      to: config.officeEmail,
      replyTo: input.email ?? undefined,
      template: 'callback-request',
      subject: `Callback request from ${input.name}`,
      paragraphs: [
        'Someone has asked for a callback through the website.',
        `Name: ${input.name}\nPhone: ${input.phone}\nEmail: ${input.email ?? 'not given'}\nBest time to call: ${bestTime}`,
        `What it is about:\n${input.about}`,
      ],
      action: { label: 'See callback requests', url: `${config.publicBaseUrl}/admin/callbacks` },
    })
    return id
  })
}
