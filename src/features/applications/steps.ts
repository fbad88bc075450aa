/** The questions of the application, in order. Supporters skip those about practice (rule 7). */
export const allSteps = [
  { slug: 'home', title: 'Your home details', practisingOnly: false },
  { slug: 'qualifications', title: 'Qualifications', practisingOnly: true },
  { slug: 'registrations', title: 'Registered bodies', practisingOnly: true },
  { slug: 'associations', title: 'Professional associations', practisingOnly: false },
  { slug: 'work-history', title: 'Work history', practisingOnly: true },
  { slug: 'expertise', title: 'Areas of expertise and where you work', practisingOnly: true },
  { slug: 'referees', title: 'Referees', practisingOnly: false },
  { slug: 'insurance', title: 'Professional indemnity insurance', practisingOnly: true },
  { slug: 'record-check', title: 'Criminal record check', practisingOnly: true },
  { slug: 'evidence', title: 'Evidence (optional)', practisingOnly: false },
  { slug: 'declarations', title: 'Declarations', practisingOnly: false },
] as const

export type StepSlug = (typeof allSteps)[number]['slug']

export const stepsFor = (grade: string) => allSteps.filter((s) => grade !== 'supporter' || !s.practisingOnly)

export function nextStep(grade: string, current: StepSlug): string {
  const steps = stepsFor(grade)
  const i = steps.findIndex((s) => s.slug === current)
  const next = steps[i + 1]
  return next ? `/apply/${next.slug}` : '/apply/check'
}

export function previousStep(grade: string, current: StepSlug): string {
  const steps = stepsFor(grade)
  const i = steps.findIndex((s) => s.slug === current)
  return i > 0 ? `/apply/${steps[i - 1]!.slug}` : '/apply/grade'
}

export const isStep = (slug: string): slug is StepSlug => allSteps.some((s) => s.slug === slug)

/** The 12 UK regions (ITL1) for "geographic areas of work". */
export const ukRegions = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
  'Wales',
  'Scotland',
  'Northern Ireland',
] as const
