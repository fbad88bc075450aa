import type { Config } from '../../config.ts'
import { hashToken, randomToken } from '../../platform/crypto.ts'
import type { Db } from '../../platform/db/database.ts'
import { sendMessage } from '../../platform/mail/compose.ts'
import { getSetting } from '../../platform/settings.ts'
import { recordEvent } from './commands.ts'
import { refereeProblems, type Thresholds } from './eligibility.ts'
import { eligibilityOf } from './evidence.ts'
import type { LoadedApplication } from './queries.ts'
import { stepsFor } from './steps.ts'

export type Problem = { href: string; message: string }

/** Everything that stops an application being submitted, each with the page that fixes it. */
export function submissionProblems(loaded: LoadedApplication, thresholds: Thresholds): Problem[] {
  const { application: a } = loaded
  const problems: Problem[] = []
  const done = new Set(a.completed_steps)
  const needs = (slug: string, ok: boolean, message: string) => {
    if (!ok) problems.push({ href: `/apply/${slug}`, message })
  }
  const steps = new Set(stepsFor(a.grade).map((s) => s.slug))
  needs('home', done.has('home'), 'Add your home address and phone number')
  if (steps.has('qualifications')) needs('qualifications', loaded.qualifications.length > 0, 'Add at least one qualification')
  if (steps.has('work-history')) needs('work-history', loaded.work.length > 0, 'Add your work history')
  if (steps.has('expertise')) needs('expertise', a.expertise.length > 0 && a.regions.length > 0, 'Choose your areas of expertise and where you work')
  if (steps.has('insurance')) needs('insurance', a.insurance_confirmed, 'Confirm your professional indemnity insurance')
  if (steps.has('record-check')) needs('record-check', done.has('record-check'), 'Give the details of your criminal record check')
  // An upgrade rests on the references of the application that made them a member.
  if (a.kind !== 'upgrade') for (const message of refereeProblems(loaded.referees, loaded.user.email)) needs('referees', false, message)
  needs('declarations', a.declared_true && a.consented_data_use, 'Confirm the declarations')
  if (!loaded.user.email_verified_at)
    problems.push({ href: '/account', message: `Confirm your email address: follow the link we sent to ${loaded.user.email}` })
  const eligibility = eligibilityOf(loaded, thresholds)
  if (problems.length === 0 && !eligibility.eligible)
    for (const reason of eligibility.reasons) problems.push({ href: '/apply/grade', message: reason })
  return problems
}

/** Submits (or resubmits after changes): referees not yet asked get their private link, the applicant a confirmation. */
export async function submitApplication(db: Db, config: Config, loaded: LoadedApplication) {
  const references = await getSetting(db, 'references')
  const resubmission = loaded.application.status === 'changes_requested'
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('applications')
      .set({ status: 'submitted', submitted_at: new Date(), updated_at: new Date() })
      .where('id', '=', loaded.application.id)
      .where('status', 'in', ['draft', 'changes_requested'])
      .returning('id')
      .executeTakeFirst()
    if (!updated) return
    const toAsk = loaded.application.kind === 'upgrade' ? [] : loaded.referees.filter((r) => !r.invited_at)
    for (const referee of toAsk) await inviteReferee(trx, config, loaded, referee, references.linkDays)
    await recordEvent(trx, loaded.application.id, resubmission ? 'resubmitted' : 'submitted', loaded.user.id)
    await sendMessage(trx, config, {
      to: loaded.user.email,
      template: 'application-submitted',
      subject: resubmission ? 'We have your updated application' : 'We have your application',
      greeting: `Dear ${loaded.user.name},`,
      paragraphs: [
        'Thank you for applying to join CMSUK. Here is what happens next:',
        '1. We have emailed your two referees a private link to give their reference.\n2. The office reviews your application, checks your registrations on their registers and reads your references.\n3. We email you our decision.',
        'You do not pay anything until your application is approved. Once approved you will receive an email informing you of the fee due to activate your membership.',
      ],
      action: { label: 'See your application', url: `${config.publicBaseUrl}/apply/status` },
    })
  })
}

type Referee = LoadedApplication['referees'][number]

export async function inviteReferee(db: Db, config: Config, loaded: LoadedApplication, referee: Pick<Referee, 'id' | 'name' | 'email'>, linkDays: number) {
  const token = randomToken()
  await db.updateTable('application_referees').set({ token_hash: hashToken(token), invited_at: new Date() }).where('id', '=', referee.id).execute()
  await sendMessage(db, config, {
    to: referee.email,
    template: 'reference-request',
    subject: `Reference request for ${loaded.user.name}`,
    greeting: `Dear ${referee.name},`,
    paragraphs: [
      `${loaded.user.name} has applied to join the Case Management Society UK and has named you as a referee.`,
      `Please follow the link below to tell us how you know them and add any comments. It takes about five minutes, and the link works for ${linkDays} days.`,
      'If you do not know this person, please ignore this email.',
    ],
    action: { label: 'Give your reference', url: `${config.publicBaseUrl}/reference?token=${token}` },
  })
}
