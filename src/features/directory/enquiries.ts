import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { sendMessage } from '../../platform/mail/compose.ts'
import { benefitsIfPaidThrough } from '../billing/service.ts'
import type { EnquiryInput } from './forms.ts'
import { listedSql } from './search.ts'

/** Enquiries one profile may receive in a day; more waits until tomorrow, so nobody can flood a member. */
export const ENQUIRIES_PER_PROFILE_PER_DAY = 20

/** A listed member's public profile: only what they chose to publish, and only while rules 24–27 allow. */
export async function findListedProfile(db: Db, slug: string) {
  const cutoff = await benefitsIfPaidThrough(db)
  return db
    .selectFrom('directory_listings as l')
    .innerJoin('memberships as m', 'm.id', 'l.membership_id')
    .select([
      'l.id',
      'l.slug',
      'l.display_name',
      'l.title',
      'l.profession',
      'l.expertise',
      'l.regions',
      'l.counties',
      'l.base_outcode',
      'l.travel_miles',
      'l.bio',
      'l.languages',
      'l.taking_referrals',
      'l.phone',
      'l.website',
      'm.number',
    ])
    .where('l.slug', '=', slug)
    .where(listedSql(cutoff))
    .executeTakeFirst()
}

export type Profile = NonNullable<Awaited<ReturnType<typeof findListedProfile>>>

export type EnquiryResult = { ok: true } | { ok: false; reason: 'too-many' }

/**
 * Stores an enquiry to a listed profile (a referral for the member, rule 26) and, in the same transaction, queues
 * the relay to the member with reply-to set to the purchaser, and the purchaser's acknowledgement. The member's
 * address stays in the email's envelope only: it is never shown to the purchaser.
 */
export async function sendEnquiry(db: Db, config: Config, profile: Profile, input: EnquiryInput): Promise<EnquiryResult> {
  return db.transaction().execute(async (trx) => {
    // Serialises enquiries to one profile, so the daily limit holds under concurrent posts.
    await trx.selectFrom('directory_listings').select('id').where('id', '=', profile.id).forUpdate().execute()
    const { n } = await trx
      .selectFrom('directory_enquiries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('listing_id', '=', profile.id)
      .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
      .executeTakeFirstOrThrow()
    if (Number(n) >= ENQUIRIES_PER_PROFILE_PER_DAY) return { ok: false, reason: 'too-many' } as const
    await trx.insertInto('directory_enquiries').values({ listing_id: profile.id, name: input.name, organisation: input.organisation, email: input.email, phone: input.phone, message: input.message }).execute()
    const member = await trx
      .selectFrom('directory_listings as l')
      .innerJoin('memberships as m', 'm.id', 'l.membership_id')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.email', 'u.name'])
      .where('l.id', '=', profile.id)
      .executeTakeFirstOrThrow()
    const from = `${input.name}${input.organisation ? ` (${input.organisation})` : ''}`
    await sendMessage(trx, config, {
      to: member.email,
      replyTo: input.email,
      template: 'directory-enquiry',
      subject: `Find a Case Manager enquiry from ${from}`,
      greeting: `Dear ${member.name},`,
      paragraphs: [
        'Someone found you in Find a Case Manager on the CMSUK website and sent you this message. Reply to this email to answer them directly.',
        `Name: ${input.name}\nOrganisation: ${input.organisation || 'not given'}\nEmail: ${input.email}\nPhone: ${input.phone || 'not given'}`,
        `Their message:\n${input.message}`,
      ],
      action: { label: 'See your enquiries', url: `${config.publicBaseUrl}/account/directory/enquiries` },
    })
    await sendMessage(trx, config, {
      to: input.email,
      template: 'directory-enquiry-receipt',
      subject: `Your message to ${profile.display_name} has been sent`,
      greeting: `Dear ${input.name},`,
      paragraphs: [
        `Thank you for using Find a Case Manager. We have passed your message to ${profile.display_name}, who will reply to you directly at this address.`,
        `Your message:\n${input.message}`,
        'CMSUK passes on your message and does not take part in any arrangement you make. We keep a record of the enquiry so that we can count referrals to our members.',
      ],
    })
    return { ok: true } as const
  })
}

export async function enquiriesFor(db: Db, listingId: string, limit = 100) {
  return db
    .selectFrom('directory_enquiries')
    .select(['id', 'name', 'organisation', 'email', 'phone', 'message', 'created_at'])
    .where('listing_id', '=', listingId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
}

/** Referrals (enquiries) per month for the last 12 months, oldest first, months without any included. */
export async function referralsByMonth(db: Db, listingId: string | null) {
  const { rows } = await sql<{ month: string; n: number }>`
    select to_char(month, 'YYYY-MM') as month, count(e.id)::int as n
    from generate_series(date_trunc('month', now() at time zone 'Europe/London') - interval '11 months', date_trunc('month', now() at time zone 'Europe/London'), interval '1 month') as month
    left join directory_enquiries e on date_trunc('month', e.created_at at time zone 'Europe/London') = month
      and (${listingId}::uuid is null or e.listing_id = ${listingId}::uuid)
    group by month order by month`.execute(db)
  return rows
}
