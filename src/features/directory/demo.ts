import type { Db } from '../../platform/db/database.ts'
import { insertVerifiedUser } from '../accounts/create-account.ts'
import { addDays, toDateOnly, yearTermEnd } from '../billing/rules.ts'
import { issueJoiningInvoice } from '../billing/service.ts'
import { listingEligibility, saveListing } from './listings.ts'

type DemoListing = { name: string; outcode: string; expertise: string[]; body: 'nmc' | 'hcpc' | 'swe'; hcpc?: string; title: string; taking?: boolean; counties?: string[]; miles?: number }

/** About 25 Case Manager members across every UK region, so the directory is worth trying at first start. */
const demoListings: DemoListing[] = [
  { name: 'Priya Shah', outcode: 'EC1A', expertise: ['brain-injury', 'neurological-conditions'], body: 'hcpc', hcpc: 'OT', title: 'Senior Case Manager', miles: 25 },
  { name: 'Tom Whitfield', outcode: 'NE1', expertise: ['spinal-cord-injury', 'orthopaedic-trauma'], body: 'nmc', title: 'Case Manager, RGN', counties: ['Tyne and Wear', 'Northumberland'] },
  { name: 'Helen Barker', outcode: 'M1', expertise: ['brain-injury', 'paediatrics'], body: 'hcpc', hcpc: 'PH', title: 'Paediatric Case Manager', miles: 50 },
  { name: 'Sean O’Donnell', outcode: 'L1', expertise: ['mental-health', 'chronic-pain'], body: 'swe', title: 'Case Manager and Social Worker', taking: false },
  { name: 'Fatima Begum', outcode: 'LS1', expertise: ['older-people', 'neurological-conditions'], body: 'nmc', title: 'Case Manager', counties: ['West Yorkshire'] },
  { name: 'Gareth Hughes', outcode: 'S1', expertise: ['amputation', 'orthopaedic-trauma'], body: 'hcpc', hcpc: 'PH', title: 'Clinical Case Manager', miles: 25 },
  { name: 'Claire Middleton', outcode: 'NG1', expertise: ['brain-injury', 'spinal-cord-injury'], body: 'nmc', title: 'Director of Case Management', miles: 100 },
  { name: 'Raj Patel', outcode: 'LE1', expertise: ['vocational'], body: 'hcpc', hcpc: 'OT', title: 'Vocational Case Manager', counties: ['Leicestershire', 'Rutland'] },
  { name: 'Emma Clarke', outcode: 'B1', expertise: ['burns', 'paediatrics'], body: 'nmc', title: 'Case Manager, RSCN', miles: 50 },
  { name: 'Daniel Price', outcode: 'CV1', expertise: ['brain-injury', 'mental-health'], body: 'hcpc', hcpc: 'PYL', title: 'Case Manager and Psychologist' },
  { name: 'Sophie Turner', outcode: 'CB1', expertise: ['neurological-conditions', 'older-people'], body: 'hcpc', hcpc: 'SL', title: 'Case Manager', miles: 25 },
  { name: 'Mark Ellis', outcode: 'NR1', expertise: ['orthopaedic-trauma', 'chronic-pain'], body: 'nmc', title: 'Case Manager', counties: ['Norfolk', 'Suffolk'], taking: false },
  { name: 'Lucy Fraser', outcode: 'RG1', expertise: ['brain-injury', 'spinal-cord-injury', 'amputation'], body: 'hcpc', hcpc: 'OT', title: 'Senior Case Manager', miles: 50 },
  { name: 'James Okafor', outcode: 'BN1', expertise: ['mental-health'], body: 'swe', title: 'Case Manager', counties: ['East Sussex', 'West Sussex'] },
  { name: 'Hannah Lewis', outcode: 'OX1', expertise: ['paediatrics', 'neurological-conditions'], body: 'hcpc', hcpc: 'PH', title: 'Paediatric Case Manager', miles: 25 },
  { name: 'Oliver Grant', outcode: 'BS1', expertise: ['brain-injury', 'orthopaedic-trauma'], body: 'nmc', title: 'Case Manager, RMN', miles: 50 },
  { name: 'Rachel Moore', outcode: 'EX1', expertise: ['spinal-cord-injury', 'burns'], body: 'hcpc', hcpc: 'OT', title: 'Case Manager', counties: ['Devon', 'Cornwall'] },
  { name: 'Owain Jones', outcode: 'CF10', expertise: ['brain-injury', 'vocational'], body: 'hcpc', hcpc: 'OT', title: 'Case Manager (Welsh speaking)', miles: 50 },
  { name: 'Ffion Davies', outcode: 'LL57', expertise: ['older-people', 'chronic-pain'], body: 'nmc', title: 'Case Manager', counties: ['Gwynedd', 'Clwyd'] },
  { name: 'Alasdair MacLeod', outcode: 'EH1', expertise: ['brain-injury', 'spinal-cord-injury'], body: 'nmc', title: 'Senior Case Manager', miles: 100 },
  { name: 'Morag Campbell', outcode: 'G1', expertise: ['mental-health', 'neurological-conditions'], body: 'swe', title: 'Case Manager', counties: ['Glasgow City', 'North Lanarkshire'] },
  { name: 'Iain Ross', outcode: 'AB10', expertise: ['orthopaedic-trauma', 'amputation'], body: 'hcpc', hcpc: 'PH', title: 'Case Manager', counties: ['Aberdeen City', 'Aberdeenshire', 'Moray'] },
  { name: 'Siobhan Kelly', outcode: 'BT1', expertise: ['brain-injury', 'paediatrics'], body: 'nmc', title: 'Case Manager', counties: ['County Antrim', 'County Down'] },
  { name: 'Niall Quinn', outcode: 'BT48', expertise: ['vocational'], body: 'hcpc', hcpc: 'OT', title: 'Vocational Case Manager', counties: ['County Londonderry', 'County Tyrone'] },
]

const bioFor = (area: string) =>
  `I have over ten years’ experience as a case manager, supporting adults and children after serious injury, working with clients, families, solicitors and insurers from the first assessment to discharge.\n\nI work across ${area} and am happy to discuss a referral before you instruct me.`

/**
 * Demo only: listed members with an approved application (for their expertise) and a paid term. Terms are
 * written directly, so no receipt emails fill the demo's outbox. `member@example.org` is listed too.
 */
export async function seedDemoDirectory(db: Db, memberUserId: string, passwordHash: string) {
  const today = toDateOnly(new Date())
  const member: DemoListing = { name: 'Morgan Member', outcode: 'SW1A', expertise: ['brain-injury', 'orthopaedic-trauma', 'spinal-cord-injury'], body: 'nmc', title: 'Case Manager, RGN', miles: 25 }
  await addApprovedApplication(db, memberUserId, member)
  await listDemoMember(db, memberUserId, member)

  for (const [i, l] of demoListings.entries()) {
    const n = String(i + 1).padStart(2, '0')
    const userId = await insertVerifiedUser(db, { email: `directory-demo-${n}@example.org`, name: l.name, passwordHash })
    if (!userId) continue
    const applicationId = await addApprovedApplication(db, userId, l)
    const m = await db.insertInto('memberships').values({ user_id: userId, number: `CM9100${n}`, grade: 'case-manager', application_id: applicationId }).returning('id').executeTakeFirstOrThrow()
    const invoice = await issueJoiningInvoice(db, { id: m.id, userId, grade: 'case-manager' })
    const paidOn = addDays(today, -14 * (i + 1))
    await db.insertInto('ledger_entries').values({ invoice_id: invoice.id, kind: 'payment', method: 'bacs', amount_pence: invoice.total_pence, received_on: paidOn, external_ref: `DEMO-DIR-${n}`, payer: l.name, note: 'Demo', recorded_by: null }).execute()
    await db.insertInto('membership_terms').values({ membership_id: m.id, invoice_id: invoice.id, starts_on: paidOn, ends_on: yearTermEnd(paidOn) }).execute()
    await listDemoMember(db, userId, l)
  }
}

async function addApprovedApplication(db: Db, userId: string, l: Pick<DemoListing, 'expertise' | 'body' | 'hcpc'>) {
  const { id } = await db
    .insertInto('applications')
    .values({ user_id: userId, grade: 'case-manager', status: 'approved', expertise: l.expertise, decided_grade: 'case-manager', decided_at: new Date(), submitted_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow()
  const number = l.body === 'nmc' ? '12A3456B' : l.body === 'swe' ? 'SW123456' : `${l.hcpc}12345`
  await db.insertInto('application_registrations').values({ application_id: id, body: l.body, profession: l.hcpc ?? '', number, verified_at: new Date(), verified_by: null, verified_register: 'Demo', verified_status: 'Registered' }).execute()
  await db.updateTable('memberships').set({ application_id: id }).where('user_id', '=', userId).execute()
  return id
}

async function listDemoMember(db: Db, userId: string, l: Omit<DemoListing, 'name'>) {
  const eligibility = await listingEligibility(db, userId)
  if (!eligibility.ok) return
  const area = l.counties?.join(', ') ?? `the area around ${l.outcode}`
  const saved = await saveListing(db, userId, eligibility, {
    optedIn: 'yes',
    title: l.title,
    profession: eligibility.allowedProfessions[0] ?? '',
    expertise: l.expertise,
    regions: [],
    counties: l.counties ?? [],
    basePostcode: l.outcode,
    travelMiles: l.miles ? String(l.miles) : '',
    bio: bioFor(area),
    languages: l.title.includes('Welsh') ? ['English', 'Welsh'] : ['English'],
    takingReferrals: l.taking === false ? 'no' : 'yes',
    phone: '',
    website: '',
  })
  if (!saved.ok) throw new Error(`Demo listing failed: ${Object.values(saved.errors).join('; ')}`)
}
