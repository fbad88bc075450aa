import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { Conflict } from '../../platform/http/errors.ts'
import { sendMessage } from '../../platform/mail/compose.ts'
import { formatMoney } from '../../platform/money.ts'
import { getSetting } from '../../platform/settings.ts'
import { issueJoiningInvoice, issueUpgradeInvoice } from '../billing/service.ts'
import { listGrades } from '../membership/service.ts'
import { recordEvent } from './commands.ts'
import type { GradeCode } from './eligibility.ts'
import { eligibilityOf } from './evidence.ts'
import { loadApplication } from './queries.ts'

export const queues = [
  { value: 'submitted', label: 'Submitted' },
  { value: 'awaiting-references', label: 'Awaiting references' },
  { value: 'changes-requested', label: 'Changes requested' },
  { value: 'ready', label: 'Ready for decision' },
  { value: 'decided', label: 'Decided' },
] as const
export type Queue = (typeof queues)[number]['value']

const answered = sql<number>`(select count(*) from application_referees r where r.application_id = a.id and r.replaced_at is null and r.responded_at is not null)`
const unverified = sql<number>`(select count(*) from application_registrations g where g.application_id = a.id and (g.verified_at is null or g.verified_status <> 'Registered'))`

/** The review queues, each a filter over status, references received and registrations verified. */
export async function listQueue(db: Db, queue: Queue) {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.grade', 'a.status', 'a.submitted_at', 'a.decided_at', 'u.name', 'u.email', answered.as('references'), unverified.as('unverified')])
  if (queue === 'submitted') q = q.where('a.status', '=', 'submitted')
  if (queue === 'awaiting-references') q = q.where('a.status', '=', 'submitted').where(answered, '<', 2)
  if (queue === 'changes-requested') q = q.where('a.status', '=', 'changes_requested')
  if (queue === 'ready') q = q.where('a.status', '=', 'submitted').where(answered, '>=', 2).where(unverified, '=', 0)
  if (queue === 'decided') q = q.where('a.status', 'in', ['approved', 'rejected'])
  return q.orderBy(queue === 'decided' ? 'a.decided_at' : 'a.submitted_at', queue === 'decided' ? 'desc' : 'asc').limit(200).execute()
}

export async function queueCounts(db: Db): Promise<Record<Queue, number>> {
  const counts = {} as Record<Queue, number>
  for (const { value } of queues) counts[value] = (await listQueue(db, value)).length
  return counts
}

export async function verifyRegistration(db: Db, actorId: string, applicationId: string, registrationId: string, check: { register: string; status: string; checkedOn: Date }) {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('application_registrations')
      .set({ verified_at: check.checkedOn, verified_by: actorId, verified_register: check.register, verified_status: check.status })
      .where('id', '=', registrationId)
      .where('application_id', '=', applicationId)
      .returning('number')
      .executeTakeFirst()
    if (!updated) return
    await recordEvent(trx, applicationId, 'registration checked', actorId, `${check.register}: ${check.status}`)
    await audit(trx, { action: 'registration_verified', actorId, detail: { applicationId, register: check.register, status: check.status } })
  })
}

export async function addNote(db: Db, actorId: string, applicationId: string, note: string) {
  await recordEvent(db, applicationId, 'note', actorId, note)
}

/** The next membership number in the configured format, e.g. CM000123. */
async function nextMembershipNumber(db: Db) {
  const format = await getSetting(db, 'membership_number')
  const { n } = (await sql<{ n: number }>`select nextval('membership_number_seq')::int as n`.execute(db)).rows[0]!
  return `${format.prefix}${String(n).padStart(format.digits, '0')}`
}

/**
 * Approves as applied or as another grade the applicant meets (with registrations verified), assigns the
 * membership number and emails the fee now due. Nothing is paid before this (rule 15).
 */
export async function approve(db: Db, config: Config, actorId: string, applicationId: string, grade: GradeCode, reason: string) {
  const loaded = await loadApplication(db, applicationId)
  if (loaded?.application.status !== 'submitted') throw new Conflict('not_submitted', 'Only a submitted application can be decided.')
  const thresholds = await getSetting(db, 'grade_rules')
  const result = eligibilityOf(loaded, thresholds, grade, true)
  if (!result.eligible) throw new Conflict('not_eligible', result.reasons.join(' '))
  if (grade !== loaded.application.grade && reason === '') throw new Conflict('reason_needed', 'Give a reason for approving a different grade.')
  const grades = await listGrades(db)
  const gradeInfo = grades.find((g) => g.code === grade)!
  await db.transaction().execute(async (trx) => {
    const number = await nextMembershipNumber(trx)
    await trx
      .updateTable('applications')
      .set({ status: 'approved', decided_grade: grade, decided_by: actorId, decided_at: new Date(), decision_reason: reason || null, updated_at: new Date() })
      .where('id', '=', applicationId)
      .execute()
    const before = await trx.selectFrom('memberships').select(['id', 'grade']).where('user_id', '=', loaded.user.id).executeTakeFirst()
    const membership = await trx
      .insertInto('memberships')
      .values({ user_id: loaded.user.id, number, grade, application_id: applicationId })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ grade }))
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow()
    // An upgrade changes the grade of a paying member; a new member gets the invoice that activates them.
    const invoice =
      loaded.application.kind === 'upgrade'
        ? before && (await issueUpgradeInvoice(trx, { id: membership.id, userId: loaded.user.id, fromGrade: before.grade, toGrade: grade }))
        : await issueJoiningInvoice(trx, { id: membership.id, userId: loaded.user.id, grade })
    await recordEvent(trx, applicationId, 'approved', actorId, `As ${gradeInfo.name}${reason ? `: ${reason}` : ''}. Membership number ${number}`)
    await audit(trx, { action: 'application_approved', actorId, subjectId: loaded.user.id, detail: { applicationId, grade, number } })
    await sendMessage(trx, config, {
      to: loaded.user.email,
      template: 'application-approved',
      subject: 'Your CMSUK membership application has been approved',
      greeting: `Dear ${loaded.user.name},`,
      paragraphs: [
        `We are pleased to tell you that your application has been approved for ${gradeInfo.name} membership.${grade !== loaded.application.grade ? ` ${reason}` : ''}`,
        `Your membership number is ${membership.number}.`,
        loaded.application.kind === 'upgrade'
          ? `Your membership is now ${gradeInfo.name}.${invoice ? ` The difference in fees for the rest of your current term is ${formatMoney(invoice.total_pence)} (invoice ${invoice.number}, reference ${invoice.reference}).` : ''}`
          : invoice
            ? `The fee due to activate your membership is ${formatMoney(invoice.total_pence)} (invoice ${invoice.number}). Your membership becomes active when it is paid. Please quote the reference ${invoice.reference} with a BACS transfer.`
            : `Your membership is now ${gradeInfo.name}.`,
        'To pay by card, sign in with the Login link at the top right of our website, view your profile and press the Pay button. You can also pay by cheque or BACS; the invoice shows how.',
      ],
      action: invoice ? { label: 'See your invoice', url: `${config.publicBaseUrl}/account/invoices/${invoice.id}` } : { label: 'Sign in', url: `${config.publicBaseUrl}/login` },
    })
  })
}

export async function reject(db: Db, config: Config, actorId: string, applicationId: string, reason: string) {
  await decideWithoutApproval(db, config, actorId, applicationId, 'rejected', reason)
}

export async function requestChanges(db: Db, config: Config, actorId: string, applicationId: string, changes: string) {
  await decideWithoutApproval(db, config, actorId, applicationId, 'changes_requested', changes)
}

async function decideWithoutApproval(db: Db, config: Config, actorId: string, applicationId: string, status: 'rejected' | 'changes_requested', text: string) {
  const loaded = await loadApplication(db, applicationId)
  if (loaded?.application.status !== 'submitted') throw new Conflict('not_submitted', 'Only a submitted application can be decided.')
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('applications')
      .set(
        status === 'rejected'
          ? { status, decision_reason: text, decided_by: actorId, decided_at: new Date(), updated_at: new Date() }
          : { status, changes_requested: text, updated_at: new Date() },
      )
      .where('id', '=', applicationId)
      .execute()
    await recordEvent(trx, applicationId, status === 'rejected' ? 'rejected' : 'changes requested', actorId, text)
    await audit(trx, { action: status === 'rejected' ? 'application_rejected' : 'application_changes_requested', actorId, subjectId: loaded.user.id, detail: { applicationId } })
    await sendMessage(trx, config, {
      to: loaded.user.email,
      template: status === 'rejected' ? 'application-rejected' : 'application-changes',
      subject: status === 'rejected' ? 'Your CMSUK membership application' : 'Please update your CMSUK membership application',
      greeting: `Dear ${loaded.user.name},`,
      paragraphs:
        status === 'rejected'
          ? ['Thank you for applying to join CMSUK. We are sorry to tell you that we cannot approve your application.', `The reason: ${text}`, 'If you have questions, please contact the office.']
          : ['Thank you for applying to join CMSUK. Before we can decide, we need you to change some of your answers:', text, 'Sign in, change your answers and resubmit your application.'],
      action: status === 'rejected' ? undefined : { label: 'Change your answers', url: `${config.publicBaseUrl}/apply/check` },
    })
  })
}
