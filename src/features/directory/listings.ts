import { randomBytes } from 'node:crypto'
import type { Config } from '../../config.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { sendMessage } from '../../platform/mail/compose.ts'
import { approvedRecord } from '../applications/service.ts'
import { hasBenefits } from '../billing/rules.ts'
import { statusOfMembership } from '../billing/service.ts'
import { findMembership } from '../membership/service.ts'
import { professionsFromRecord, searchedRegions } from './areas.ts'
import type { ListingInput } from './forms.ts'
import { lookUpPostcode } from './postcodes.ts'

export type Eligibility =
  | { ok: true; membershipId: string; allowedExpertise: string[]; allowedProfessions: string[] }
  | { ok: false; reason: 'not-a-member' | 'not-case-manager' | 'not-active' }

/** Rule 24: only active Case Manager members may be listed; rule 5: only the expertise their record allows. */
export async function listingEligibility(db: Db, userId: string): Promise<Eligibility> {
  const membership = await findMembership(db, userId)
  if (!membership) return { ok: false, reason: 'not-a-member' }
  if (membership.grade !== 'case-manager') return { ok: false, reason: 'not-case-manager' }
  if (!hasBenefits(await statusOfMembership(db, membership.id))) return { ok: false, reason: 'not-active' }
  const record = await approvedRecord(db, userId)
  return { ok: true, membershipId: membership.id, allowedExpertise: record.expertise, allowedProfessions: professionsFromRecord(record.registrations, record.expertise) }
}

export async function findOwnListing(db: Db, membershipId: string) {
  return db.selectFrom('directory_listings').selectAll().where('membership_id', '=', membershipId).executeTakeFirst()
}

export type ListingRow = NonNullable<Awaited<ReturnType<typeof findOwnListing>>>

const slugFor = (name: string) =>
  `${
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'case-manager'
  }-${randomBytes(3).toString('hex')}`

export type SaveResult = { ok: true } | { ok: false; errors: Record<string, string> }

/** Saves what the member chose to publish; the checks that need their record or the postcode data happen here. */
export async function saveListing(db: Db, userId: string, eligibility: Extract<Eligibility, { ok: true }>, input: ListingInput): Promise<SaveResult> {
  const errors: Record<string, string> = {}
  const expertise = input.expertise.filter((e) => eligibility.allowedExpertise.includes(e))
  if (expertise.length < input.expertise.length) errors.expertise = 'You can only publish the areas of expertise your membership record shows'
  else if (input.optedIn === 'yes' && expertise.length === 0) errors.expertise = 'Select at least one area of expertise to be listed'
  if (input.profession !== '' && !eligibility.allowedProfessions.includes(input.profession)) errors.profession = 'Select a profession your registrations show'

  let base: { outcode: string; latitude: number | null; longitude: number | null; region: string } | null = null
  if (input.basePostcode !== '') {
    const found = await lookUpPostcode(db, input.basePostcode)
    if (found.kind === 'found') base = { outcode: found.outcode, latitude: found.point.latitude, longitude: found.point.longitude, region: found.region }
    else if (found.kind === 'northern-ireland') base = { outcode: found.outcode, latitude: null, longitude: null, region: 'Northern Ireland' }
    else errors.basePostcode = found.kind === 'unknown' ? `We do not know the postcode district ${found.outcode}. Check it, or leave it empty and choose regions or counties.` : 'Enter a UK postcode like SW1A 1AA'
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }

  const user = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow()
  const values = {
    display_name: user.name,
    opted_in: input.optedIn === 'yes',
    title: input.title,
    profession: input.profession || null,
    expertise,
    regions: input.regions,
    counties: input.counties,
    // The base district's region counts too, so a member who gives only a postcode is found by region.
    area_regions: searchedRegions(base ? [...input.regions, base.region] : input.regions, input.counties),
    base_outcode: base?.outcode ?? null,
    latitude: base?.latitude ?? null,
    longitude: base?.longitude ?? null,
    travel_miles: input.travelMiles === '' ? null : Number(input.travelMiles),
    bio: input.bio,
    languages: input.languages,
    taking_referrals: input.takingReferrals === 'yes',
    phone: input.phone,
    website: input.website,
    updated_at: new Date(),
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('directory_listings').select(['id', 'opted_in']).where('membership_id', '=', eligibility.membershipId).forUpdate().executeTakeFirst()
    const optedInAt = values.opted_in && !before?.opted_in ? new Date() : undefined
    if (before) await trx.updateTable('directory_listings').set({ ...values, ...(optedInAt && { opted_in_at: optedInAt }) }).where('id', '=', before.id).execute()
    else await trx.insertInto('directory_listings').values({ ...values, membership_id: eligibility.membershipId, slug: slugFor(user.name), opted_in_at: optedInAt ?? null }).execute()
    if (values.opted_in !== (before?.opted_in ?? false)) await audit(trx, { action: values.opted_in ? 'directory_opted_in' : 'directory_opted_out', actorId: userId, subjectId: userId, detail: {} })
  })
  return { ok: true }
}

/** Staff hide a listing with a reason the member is told; it leaves the directory at once. */
export async function hideListing(db: Db, config: Config, actorId: string, listingId: string, reason: string) {
  await db.transaction().execute(async (trx) => {
    const listing = await trx
      .updateTable('directory_listings')
      .set({ hidden_at: new Date(), hidden_reason: reason, hidden_by: actorId })
      .where('id', '=', listingId)
      .where('hidden_at', 'is', null)
      .returning('membership_id')
      .executeTakeFirst()
    if (!listing) return
    const member = await trx.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['u.id', 'u.email', 'u.name']).where('m.id', '=', listing.membership_id).executeTakeFirstOrThrow()
    await audit(trx, { action: 'directory_listing_hidden', actorId, subjectId: member.id, detail: { reason } })
    await sendMessage(trx, config, {
      to: member.email,
      template: 'directory-listing-hidden',
      subject: 'Your Find a Case Manager listing has been hidden',
      greeting: `Dear ${member.name},`,
      paragraphs: [`The office has hidden your listing in Find a Case Manager, so purchasers cannot see it for now. The reason given:\n${reason}`, `Please reply to this email or contact the office if you would like to talk about it.`],
      action: { label: 'See your listing', url: `${config.publicBaseUrl}/account/directory` },
    })
  })
}

export async function showListingAgain(db: Db, actorId: string, listingId: string) {
  const listing = await db
    .updateTable('directory_listings')
    .set({ hidden_at: null, hidden_reason: null, hidden_by: null })
    .where('id', '=', listingId)
    .returning('membership_id')
    .executeTakeFirst()
  if (!listing) return
  const member = await db.selectFrom('memberships').select('user_id').where('id', '=', listing.membership_id).executeTakeFirstOrThrow()
  await audit(db, { action: 'directory_listing_shown', actorId, subjectId: member.user_id, detail: {} })
}
