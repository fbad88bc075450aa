import { hashToken, randomToken } from '../../platform/crypto.ts'
import type { Db } from '../../platform/db/database.ts'
import { addAssociation, addQualification, addReferee, addRegistration, addWork, completeStep, saveExpertise, saveHome, startApplication } from './commands.ts'

const home = { addressLine1: '12 Station Road', addressLine2: '', town: 'Sutton', postcode: 'SM1 9BH', country: 'United Kingdom', phone: '01632 960 101' }

/** Demo data: a submitted Case Manager application (one reference in, one waiting) and a half-filled draft. */
export async function seedDemoApplications(db: Db, users: { applicant: string; draft: string }) {
  const submitted = (await startApplication(db, users.applicant, 'case-manager'))!
  await saveHome(db, submitted, home)
  await addQualification(db, submitted, { title: 'BSc (Hons) Adult Nursing', level: 'degree', awardingBody: 'University of Surrey', year: 2010, clinical: 'yes' })
  await addRegistration(db, submitted, { body: 'nmc', profession: 'Registered nurse (adult)', number: '10A1234B' })
  await addAssociation(db, submitted, 'Royal College of Nursing')
  await addWork(db, submitted, { employer: 'Surrey Case Management Ltd', role: 'Case manager', from: { month: 4, year: 2019 }, to: null, months: 40, hours: 0 })
  await saveExpertise(db, submitted, ['brain-injury', 'orthopaedic-trauma'], ['London', 'South East'])
  await addReferee(db, submitted, { name: 'Dr Rob Hart', email: 'rob.hart@example.org', phone: '01632 960 201', relationship: 'Clinical lead, Surrey Case Management', kind: 'professional' })
  await addReferee(db, submitted, { name: 'Jo Patel', email: 'jo.patel@example.org', phone: '01632 960 202', relationship: 'Former colleague at St Helier Hospital', kind: 'professional' })
  const renewal = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 31))
  await db
    .updateTable('applications')
    .set({
      insurance_provider: 'RCN indemnity scheme',
      insurance_renewal: renewal,
      insurance_confirmed: true,
      check_type: 'dbs',
      check_level: 'enhanced',
      check_number: '001234567890',
      check_issued: '2025-06-14',
      check_update_service: true,
      declared_true: true,
      consented_data_use: true,
      status: 'submitted',
      submitted_at: new Date(Date.now() - 3 * 86_400_000),
    })
    .where('id', '=', submitted)
    .execute()
  for (const step of ['qualifications', 'registrations', 'associations', 'work-history', 'referees', 'insurance', 'record-check', 'evidence', 'declarations'] as const)
    await completeStep(db, submitted, step)
  const referees = await db.selectFrom('application_referees').select('id').where('application_id', '=', submitted).orderBy('created_at').execute()
  for (const [i, r] of referees.entries())
    await db
      .updateTable('application_referees')
      .set({
        token_hash: hashToken(randomToken()),
        invited_at: new Date(Date.now() - 3 * 86_400_000),
        ...(i === 0
          ? { responded_at: new Date(Date.now() - 86_400_000), response: JSON.stringify({ knownHow: 'I am her clinical lead', capacity: 'manager', duration: '5 years', comments: 'A thorough and compassionate case manager.' }) }
          : {}),
      })
      .where('id', '=', r.id)
      .execute()
  await db.insertInto('application_events').values({ application_id: submitted, event: 'submitted', actor_id: users.applicant, detail: '' }).execute()

  const draft = (await startApplication(db, users.draft, 'associate'))!
  await saveHome(db, draft, { ...home, addressLine1: '3 Mill Lane', town: 'Leeds', postcode: 'LS1 4AP' })
  await addQualification(db, draft, { title: 'Diploma in Occupational Therapy', level: 'diploma', awardingBody: 'Leeds Beckett University', year: 2018, clinical: 'yes' })
  await completeStep(db, draft, 'qualifications')
}
