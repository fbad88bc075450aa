import { addDays, toDateOnly } from '../../src/features/billing/rules.ts'
import { issueJoiningInvoice, recordLedgerEntry } from '../../src/features/billing/service.ts'
import type { ListingInput } from '../../src/features/directory/forms.ts'
import { listingEligibility, saveListing } from '../../src/features/directory/listings.ts'
import type { TestApp } from './app.ts'
import { createUser, type TestUser } from './factories.ts'

let n = 0

export type MemberOptions = {
  name?: string
  grade?: 'case-manager' | 'associate' | 'supporter'
  /** The expertise the approved application records (rule 5). */
  record?: string[]
  /** Days since the joining payment; undefined leaves the invoice unpaid. */
  paidDaysAgo?: number | null
}

/**
 * A member as approval and payment leave them: an approved application (with an NMC registration and the
 * recorded expertise), a membership, the joining invoice and, unless unpaid, its payment on a past date.
 */
export async function memberWithRecord(t: TestApp, options: MemberOptions = {}) {
  n++
  const user = await createUser(t.db, t.config, { name: options.name ?? `Casey Manager ${n}` })
  const grade = options.grade ?? 'case-manager'
  const application = await t.db
    .insertInto('applications')
    .values({ user_id: user.id, grade, status: 'approved', expertise: options.record ?? ['brain-injury', 'paediatrics', 'vocational'], decided_grade: grade, decided_at: new Date(), submitted_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow()
  await t.db.insertInto('application_registrations').values({ application_id: application.id, body: 'nmc', profession: 'Registered nurse (adult)', number: '12A3456B', verified_at: new Date(), verified_by: null, verified_register: 'NMC', verified_status: 'Registered' }).execute()
  const membership = await t.db
    .insertInto('memberships')
    .values({ user_id: user.id, number: `CM6${String(n).padStart(5, '0')}`, grade, application_id: application.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  const invoice = await issueJoiningInvoice(t.db, { id: membership.id, userId: user.id, grade })
  const paidDaysAgo = options.paidDaysAgo === undefined ? 10 : options.paidDaysAgo
  if (paidDaysAgo !== null)
    await recordLedgerEntry(t.db, t.config, { invoiceId: invoice.id, kind: 'payment', method: 'bacs', amountPence: invoice.total_pence, receivedOn: addDays(toDateOnly(new Date()), -paidDaysAgo), externalRef: `TEST-${invoice.id}`, payer: '', note: '', actorId: null })
  return { user, membershipId: membership.id, invoice }
}

export const listingAnswers = (change: Partial<ListingInput> = {}): ListingInput => ({
  optedIn: 'yes',
  title: 'Case Manager',
  profession: 'nurse',
  expertise: ['brain-injury'],
  regions: [],
  counties: [],
  basePostcode: '',
  travelMiles: '',
  bio: '',
  languages: ['English'],
  takingReferrals: 'yes',
  phone: '',
  website: '',
  ...change,
})

/** A member listed with the given answers, saved as the Directory listing page would. */
export async function listedMember(t: TestApp, change: Partial<ListingInput> = {}, options: MemberOptions = {}): Promise<{ user: TestUser; membershipId: string; slug: string }> {
  const member = await memberWithRecord(t, options)
  const eligibility = await listingEligibility(t.db, member.user.id)
  if (!eligibility.ok) throw new Error(`Not eligible: ${eligibility.reason}`)
  const saved = await saveListing(t.db, member.user.id, eligibility, listingAnswers(change))
  if (!saved.ok) throw new Error(Object.values(saved.errors).join('; '))
  const { slug } = await t.db.selectFrom('directory_listings').select('slug').where('membership_id', '=', member.membershipId).executeTakeFirstOrThrow()
  return { user: member.user, membershipId: member.membershipId, slug }
}

/** A test postcode district `miles` due north of (51.5, -0.1): distance along a meridian is exact. */
export async function districtNorthOf(t: TestApp, outcode: string, miles: number) {
  const latitude = 51.5 + ((miles / 3958.76) * 180) / Math.PI
  await t.db.insertInto('postcode_districts').values({ outcode, latitude, longitude: -0.1, region: 'London' }).onConflict((oc) => oc.column('outcode').doUpdateSet({ latitude, longitude: -0.1 })).execute()
}
