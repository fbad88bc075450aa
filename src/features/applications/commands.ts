import { sql } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../../platform/db/database.ts'
import type { DeclarationsForm, HomeForm, InsuranceForm, QualificationForm, RecordCheckForm, RefereeForm, RegistrationForm, WorkForm } from './forms.ts'
import { MARKETING_WORDING } from './forms.ts'
import type { StepSlug } from './steps.ts'

type Out<T extends z.ZodType> = z.output<T>

export async function recordEvent(db: Db, applicationId: string, event: string, actorId: string | null, detail = '') {
  await db.insertInto('application_events').values({ application_id: applicationId, event, actor_id: actorId, detail }).execute()
}

export async function startApplication(db: Db, userId: string, grade: string) {
  const created = await db
    .insertInto('applications')
    .values({ user_id: userId, grade, insurance_provider: null, insurance_renewal: null, check_type: null, check_level: null, check_number: null, check_issued: null, check_update_service: null, marketing_opt_in_at: null, marketing_wording: null, changes_requested: null, decision_reason: null, decided_grade: null, decided_by: null, decided_at: null, submitted_at: null })
    .onConflict((oc) => oc.column('user_id').where('status', 'not in', ['approved', 'rejected']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (created) await recordEvent(db, created.id, 'started', userId, `Applying as ${grade}`)
  return created?.id
}

/** Each save touches only its own columns or rows, so two tabs on different pages never overwrite each other. */
const touch = (db: Db, id: string, set: Record<string, unknown>) =>
  db.updateTable('applications').set({ ...set, updated_at: new Date() }).where('id', '=', id).where('status', 'in', ['draft', 'changes_requested']).execute()

export const completeStep = (db: Db, id: string, step: StepSlug) =>
  db
    .updateTable('applications')
    .set({ completed_steps: sql`(select array_agg(distinct s) from unnest(completed_steps || array[${step}]::text[]) s)`, updated_at: new Date() })
    .where('id', '=', id)
    .execute()

export const setGrade = (db: Db, id: string, grade: string) => touch(db, id, { grade })

export async function saveHome(db: Db, id: string, v: Out<typeof HomeForm>) {
  await touch(db, id, { address_line1: v.addressLine1, address_line2: v.addressLine2, town: v.town, postcode: v.postcode, country: v.country, phone: v.phone })
  await completeStep(db, id, 'home')
}

export const addQualification = (db: Db, id: string, v: Out<typeof QualificationForm>) =>
  db.insertInto('application_qualifications').values({ application_id: id, title: v.title, level: v.level, awarding_body: v.awardingBody, year: v.year, clinical: v.clinical === 'yes' }).execute()

export const addRegistration = (db: Db, id: string, v: Out<typeof RegistrationForm>) =>
  db.insertInto('application_registrations').values({ application_id: id, body: v.body, profession: v.profession, number: v.number, verified_at: null, verified_by: null, verified_register: null, verified_status: null }).execute()

export const addAssociation = (db: Db, id: string, name: string) => db.insertInto('application_associations').values({ application_id: id, name }).execute()

const firstOfMonth = (m: { month: number; year: number }) => `${m.year}-${String(m.month).padStart(2, '0')}-01`

export const addWork = (db: Db, id: string, v: Out<typeof WorkForm>) =>
  db
    .insertInto('application_work')
    .values({ application_id: id, employer: v.employer, role: v.role, started_on: firstOfMonth(v.from), ended_on: v.to ? firstOfMonth(v.to) : null, cm_months: v.months, cm_hours: v.hours })
    .execute()

export const addReferee = (db: Db, id: string, v: Out<typeof RefereeForm>) =>
  db.insertInto('application_referees').values({ application_id: id, name: v.name, email: v.email, phone: v.phone, relationship: v.relationship, kind: v.kind, token_hash: null, invited_at: null, reminded_at: null, replaced_at: null, response: null, responded_at: null }).execute()

const listTables = {
  qualifications: 'application_qualifications',
  registrations: 'application_registrations',
  associations: 'application_associations',
  'work-history': 'application_work',
  referees: 'application_referees',
} as const
export type ListStep = keyof typeof listTables
export const isListStep = (step: string): step is ListStep => step in listTables

export async function removeItem(db: Db, id: string, step: ListStep, itemId: string) {
  await db.deleteFrom(listTables[step]).where('application_id', '=', id).where('id', '=', itemId).execute()
}

export async function saveExpertise(db: Db, id: string, expertise: string[], regions: string[]) {
  await touch(db, id, { expertise, regions })
  await completeStep(db, id, 'expertise')
}

export async function saveInsurance(db: Db, id: string, v: Out<typeof InsuranceForm>) {
  await touch(db, id, { insurance_provider: v.provider, insurance_renewal: v.renewal, insurance_confirmed: true })
  await completeStep(db, id, 'insurance')
}

export async function saveRecordCheck(db: Db, id: string, v: Out<typeof RecordCheckForm>) {
  await touch(db, id, { check_type: v.type, check_level: v.level, check_number: v.number, check_issued: v.issued, check_update_service: v.updateService })
  await completeStep(db, id, 'record-check')
}

export async function saveDeclarations(db: Db, id: string, v: Out<typeof DeclarationsForm>) {
  await touch(db, id, {
    declared_true: true,
    consented_data_use: true,
    marketing_opt_in: v.marketing,
    marketing_opt_in_at: v.marketing ? new Date() : null,
    marketing_wording: v.marketing ? MARKETING_WORDING : null,
  })
  await completeStep(db, id, 'declarations')
}
