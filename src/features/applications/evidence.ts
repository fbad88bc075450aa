import { checkGrade, type Evidence, type GradeCode, type QualificationLevel, type Thresholds, totalExperience } from './eligibility.ts'
import type { LoadedApplication } from './queries.ts'

/** What the eligibility rules need, drawn from an application's answers. */
export function evidenceOf(loaded: LoadedApplication): Evidence {
  const experience = totalExperience(loaded.work.map((w) => ({ months: w.cm_months, hours: w.cm_hours })))
  return {
    qualifications: loaded.qualifications.map((q) => ({ level: q.level as QualificationLevel, clinical: q.clinical })),
    registrations: loaded.registrations.map((r) => ({ verified: r.verified_at !== null && r.verified_status === 'Registered' })),
    months: experience.months,
    hours: experience.hours,
    expertise: loaded.application.expertise,
  }
}

export const eligibilityOf = (loaded: LoadedApplication, thresholds: Thresholds, grade = loaded.application.grade, requireVerified = false) =>
  checkGrade(grade as GradeCode, evidenceOf(loaded), thresholds, requireVerified)
