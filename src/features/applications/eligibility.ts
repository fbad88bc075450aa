/**
 * Grade eligibility (rules 3–7, 9), as pure functions: every result carries its reasons in plain English,
 * shown to the applicant while they apply and to staff when they decide.
 */

export type GradeCode = 'case-manager' | 'associate' | 'supporter'

export const qualificationLevels = [
  { value: 'certificate', label: 'Certificate', rank: 1 },
  { value: 'diploma', label: 'Diploma', rank: 2 },
  { value: 'degree', label: "Bachelor's degree", rank: 3 },
  { value: 'postgraduate', label: 'Postgraduate certificate or diploma', rank: 4 },
  { value: 'masters', label: "Master's degree", rank: 5 },
  { value: 'doctorate', label: 'Doctorate', rank: 6 },
] as const

export type QualificationLevel = (typeof qualificationLevels)[number]['value']

export type Evidence = {
  qualifications: { level: QualificationLevel; clinical: boolean }[]
  registrations: { verified: boolean }[]
  months: number
  hours: number
  expertise: string[]
}

export type Thresholds = { months: number; hours: number }
export const defaultThresholds: Thresholds = { months: 24, hours: 2500 }

export const VOCATIONAL = 'vocational'

export type Eligibility = {
  grade: GradeCode
  eligible: boolean
  reasons: string[]
  /** A grade the applicant does meet now, when the chosen one is not met. */
  alternative?: GradeCode
}

const gradeNames: Record<GradeCode, string> = { 'case-manager': 'Case Manager', associate: 'Associate', supporter: 'Supporter' }
const n = (value: number) => value.toLocaleString('en-GB')

export const hasDiplomaOrHigher = (e: Evidence) => e.qualifications.some((q) => rankOf(q.level) >= 2)
const rankOf = (level: QualificationLevel) => qualificationLevels.find((l) => l.value === level)?.rank ?? 0
export const hasClinicalQualification = (e: Evidence) => e.qualifications.some((q) => q.clinical)
export const meetsExperience = (e: Evidence, t: Thresholds) => e.months >= t.months || e.hours >= t.hours

/** Rule 5: clinical areas need a clinical qualification and a registration (verified, when `requireVerified`). */
export function clinicalExpertiseAllowed(e: Evidence, requireVerified: boolean) {
  return hasClinicalQualification(e) && e.registrations.some((r) => !requireVerified || r.verified)
}

export function expertiseProblems(e: Evidence, requireVerified: boolean): string[] {
  const clinical = e.expertise.filter((x) => x !== VOCATIONAL)
  if (clinical.length === 0 || clinicalExpertiseAllowed(e, requireVerified)) return []
  return [
    requireVerified
      ? 'Clinical areas of expertise need a clinical qualification and a registration that the office has verified; until then only ‘Vocational’ can be recorded.'
      : 'Clinical areas of expertise need a clinical qualification and a registration with its registered body. Without them, choose ‘Vocational’ only.',
  ]
}

function practisingReasons(e: Evidence, requireVerified: boolean): string[] {
  const reasons: string[] = []
  if (!hasDiplomaOrHigher(e))
    reasons.push('Needs a diploma or higher qualification in health, social, vocational or human services related to case management.')
  if (hasClinicalQualification(e) && e.registrations.length === 0)
    reasons.push('A clinical qualification must be endorsed by a current registration with its registered body, such as the NMC or HCPC.')
  if (requireVerified && hasClinicalQualification(e) && e.registrations.length > 0 && !e.registrations.some((r) => r.verified))
    reasons.push('The registration has not yet been verified on the register by the office.')
  reasons.push(...expertiseProblems(e, requireVerified))
  return reasons
}

/**
 * Checks one grade. `requireVerified` is true for staff deciding (registrations must have been checked
 * on the register) and false while applying (a registration the applicant gave counts for now).
 */
export function checkGrade(grade: GradeCode, e: Evidence, t: Thresholds = defaultThresholds, requireVerified = false): Eligibility {
  if (grade === 'supporter') {
    const reasons = e.expertise.length > 0 ? ['Supporters do not practise case management, so no areas of expertise are recorded.'] : []
    return { grade, eligible: reasons.length === 0, reasons: reasons.length ? reasons : ['Supporter membership has no criteria.'] }
  }
  const reasons = practisingReasons(e, requireVerified)
  if (grade === 'case-manager' && !meetsExperience(e, t))
    reasons.push(
      `Case Manager needs ${n(t.months)} months or ${n(t.hours)} hours of case management experience; you have ${n(e.months)} ${e.months === 1 ? 'month' : 'months'} or ${n(e.hours)} ${e.hours === 1 ? 'hour' : 'hours'}.`,
    )
  if (reasons.length === 0) {
    const met =
      grade === 'case-manager'
        ? [`Meets the Case Manager criteria, with ${n(e.months)} months or ${n(e.hours)} hours of case management experience.`]
        : ['Meets the Associate criteria.']
    if (!hasClinicalQualification(e) && e.registrations.length === 0)
      met.push('As a vocational case manager without a clinical qualification, the only area of expertise recorded is ‘Vocational’.')
    return { grade, eligible: true, reasons: met }
  }
  const alternative = grade === 'case-manager' && checkGrade('associate', e, t, requireVerified).eligible ? 'associate' : undefined
  if (alternative) reasons[reasons.length - 1] += ` You could apply as an ${gradeNames[alternative]} now.`
  return { grade, eligible: false, reasons, alternative }
}

export const gradesMet = (e: Evidence, t: Thresholds = defaultThresholds, requireVerified = false) =>
  (['case-manager', 'associate', 'supporter'] as GradeCode[]).filter((g) => checkGrade(g, e, t, requireVerified).eligible)

/** Case management experience from work history: months counted from the dates of case management roles. */
export function totalExperience(history: { months: number; hours: number }[]) {
  return history.reduce((sum, h) => ({ months: sum.months + h.months, hours: sum.hours + h.hours }), { months: 0, hours: 0 })
}

/** Referee rules (rule 14): exactly two, both professional or one of each, not the applicant, not the same person twice. */
export function refereeProblems(referees: { email: string; kind: 'professional' | 'personal' }[], applicantEmail: string): string[] {
  const problems: string[] = []
  if (referees.length !== 2) problems.push('Give exactly two referees.')
  if (referees.filter((r) => r.kind === 'personal').length > 1) problems.push('At least one referee must be professional: both professional, or one professional and one personal.')
  const emails = referees.map((r) => r.email.toLowerCase())
  if (emails.includes(applicantEmail.toLowerCase())) problems.push('A referee cannot be you: give someone else’s email address.')
  if (new Set(emails).size !== emails.length) problems.push('Your two referees must be different people with different email addresses.')
  return problems
}
