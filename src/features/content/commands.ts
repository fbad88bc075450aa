import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { queueEmail } from '../../platform/mail/outbox.ts'
import { renderEmail } from '../../platform/mail/templates.ts'
import { getSetting } from '../../platform/settings.ts'
import { bestTimeOptions, type CallbackInput } from './forms.ts'

/** Stores a callback request and, in the same transaction, queues the email that tells the office. */
export async function requestCallback(db: Db, config: Config, input: CallbackInput) {
  const society = await getSetting(db, 'society')
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
    await queueEmail(trx, {
      to: config.officeEmail,
      replyTo: input.email ?? undefined,
      template: 'callback-request',
      ...renderEmail({
        subject: `Callback request from ${input.name}`,
        paragraphs: [
          'Someone has asked for a callback through the website.',
          `Name: ${input.name}\nPhone: ${input.phone}\nEmail: ${input.email ?? 'not given'}\nBest time to call: ${bestTime}`,
          `What it is about:\n${input.about}`,
        ],
        action: { label: 'See callback requests', url: `${config.publicBaseUrl}/admin/callbacks` },
        society,
        baseUrl: config.publicBaseUrl,
      }),
    })
    return id
  })
}
