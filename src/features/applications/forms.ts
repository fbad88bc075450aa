import { z } from 'zod'
import { qualificationLevels } from './eligibility.ts'
import { checkCertificateNumber, checkRegistrationNumber, type RecordCheckType, type RegisteredBody, recordChecks, registeredBodies } from './registration-numbers.ts'

const text = (empty: string, max = 200, label = 'This') =>
  z.string().min(1, empty).max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)

/** UK postcodes (the usual shapes, including GIR 0AA); overseas addresses skip the check. */
export const UK_POSTCODE = /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i
export const normalisePostcode = (raw: string) => {
  const compact = raw.toUpperCase().replace(/\s+/g, '')
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact
}

const phone = z
  .string()
  .min(1, 'Enter a phone number, like 01632 960 001 or 07700 900 982')
  .regex(/^\+?[\d\s()-]+$/, 'Enter a phone number using only numbers, spaces, brackets, dashes and a leading +')
  .refine((v) => {
    const d = v.replace(/\D/g, '').length
    return d >= 10 && d <= 15
  }, 'Enter a phone number with 10 to 15 digits, like 01632 960 001')

export const HomeForm = z
  .object({
    addressLine1: text('Enter the first line of your home address', 100, 'Address line 1'),
    addressLine2: z.string().max(100, 'Address line 2 must be 100 characters or fewer'),
    town: text('Enter your town or city', 60, 'Town or city'),
    country: text('Enter your country', 60, 'Country'),
    postcode: z.string().max(12, 'Enter a real postcode, like SM1 9BH'),
    phone,
  })
  .superRefine((v, ctx) => {
    const uk = /^(uk|united kingdom|great britain|england|scotland|wales|northern ireland)$/i.test(v.country.trim())
    if (uk && v.postcode === '') ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'Enter your postcode, like SM1 9BH' })
    else if (uk && !UK_POSTCODE.test(v.postcode.replace(/\s+/g, ' ')))
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'Enter a real UK postcode, like SM1 9BH, or change the country if you live abroad' })
  })
  .transform((v) => ({ ...v, postcode: v.postcode ? normalisePostcode(v.postcode) : '' }))

const thisYear = () => new Date().getFullYear()

export const QualificationForm = z.object({
  title: text('Enter the name of the qualification, like BSc (Hons) Nursing', 150, 'Qualification'),
  level: z.enum(qualificationLevels.map((l) => l.value) as [string, ...string[]], { message: 'Select the level of the qualification' }),
  awardingBody: text('Enter who awarded it, like the university or college', 150, 'Awarding body'),
  year: z
    .string()
    .min(1, 'Enter the year you were awarded it, like 2015')
    .regex(/^\d{4}$/, 'Enter the year as 4 numbers, like 2015')
    .transform(Number)
    .refine((y) => y >= 1950, 'Enter a year after 1950')
    .refine((y) => y <= thisYear(), 'The year cannot be in the future'),
  clinical: z.enum(['yes', 'no'], { message: 'Select yes if this is a clinical qualification' }),
})

export const RegistrationForm = z
  .object({
    body: z.enum(registeredBodies.map((b) => b.value) as [RegisteredBody, ...RegisteredBody[]], { message: 'Select the registered body' }),
    profession: z.string().max(100, 'Profession must be 100 characters or fewer'),
    number: z.string().max(30, 'Enter the registration number as it appears on the register'),
  })
  .transform((v, ctx) => {
    if (v.body !== 'hcpc' && v.profession === '') {
      ctx.addIssue({ code: 'custom', path: ['profession'], message: 'Enter your profession, like Registered nurse (adult)' })
      return z.NEVER
    }
    const check = checkRegistrationNumber(v.body, v.number, v.profession)
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', path: [v.body === 'hcpc' && /profession/.test(check.message) ? 'profession' : 'number'], message: check.message })
      return z.NEVER
    }
    return { ...v, number: check.number }
  })

export const AssociationForm = z.object({ name: text('Enter the name of the association, like the Royal College of Nursing', 150, 'Association') })

export type MonthYear = { month: number; year: number }

const monthYear = (name: string, label: string) =>
  z.object({ [`${name}-month`]: z.string(), [`${name}-year`]: z.string() }).transform((v, ctx): MonthYear | null => {
    const month = v[`${name}-month`]!
    const year = v[`${name}-year`]!
    if (month === '' && year === '') return null
    if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12 || !/^\d{4}$/.test(year)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `${label} must be a real month and year, like 3 2019` })
      return z.NEVER
    }
    return { month: Number(month), year: Number(year) }
  })

const monthIndex = (d: MonthYear) => d.year * 12 + d.month - 1

export const WorkForm = z
  .object({
    employer: text('Enter the employer', 150, 'Employer'),
    role: text('Enter your role, like Case manager', 150, 'Role'),
    cmMonths: z.string().regex(/^\d{0,3}$/, 'Enter months as a whole number, like 18'),
    cmHours: z.string().regex(/^\d{0,5}$/, 'Enter hours as a whole number, like 1200'),
    'from-month': z.string(),
    'from-year': z.string(),
    'to-month': z.string(),
    'to-year': z.string(),
  })
  .transform((v, ctx) => {
    const from = monthYear('from', 'The start date').safeParse(v)
    const to = monthYear('to', 'The end date').safeParse(v)
    if (!from.success) for (const issue of from.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    if (!to.success) for (const issue of to.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    if (!from.success || !to.success) return z.NEVER
    const now = new Date()
    const current = { month: now.getMonth() + 1, year: now.getFullYear() }
    if (!from.data) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Enter the month and year you started' })
      return z.NEVER
    }
    const dateProblems: [string, string][] = []
    if (monthIndex(from.data) > monthIndex(current)) dateProblems.push(['from', 'The start date must be in the past'])
    if (to.data && monthIndex(to.data) > monthIndex(current)) dateProblems.push(['to', 'The end date must be in the past; leave it empty if you still work there'])
    if (to.data && monthIndex(to.data) < monthIndex(from.data)) dateProblems.push(['to', 'The end date must be after the start date'])
    for (const [path, message] of dateProblems) ctx.addIssue({ code: 'custom', path: [path], message })
    if (dateProblems.length > 0) return z.NEVER
    const span = monthIndex(to.data ?? current) - monthIndex(from.data) + 1
    const months = Number(v.cmMonths || 0)
    const hours = Number(v.cmHours || 0)
    if (v.cmMonths === '' && v.cmHours === '')
      ctx.addIssue({ code: 'custom', path: ['cmMonths'], message: 'Enter the months or the hours of case management in this role; enter 0 if there were none' })
    else if (months > span) ctx.addIssue({ code: 'custom', path: ['cmMonths'], message: `You worked here for ${span} ${span === 1 ? 'month' : 'months'}, so enter ${span} or fewer` })
    else if (hours > span * 31 * 24 / 4) ctx.addIssue({ code: 'custom', path: ['cmHours'], message: 'That is more hours than the dates allow; check the hours' })
    return { employer: v.employer, role: v.role, from: from.data, to: to.data, months, hours }
  })

export const RefereeForm = z.object({
  name: text('Enter the referee’s full name', 100, 'Name'),
  email: z
    .string()
    .min(1, 'Enter the referee’s email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address in the correct format, like name@example.com')
    .transform((v) => v.toLowerCase()),
  phone,
  relationship: text('Tell us how the referee knows you, like Line manager at Acme Care', 150, 'Relationship'),
  kind: z.enum(['professional', 'personal'], { message: 'Select whether this is a professional or a personal reference' }),
})

export const InsuranceForm = z
  .object({
    provider: text('Enter the name of your insurer or the scheme that covers you', 150, 'Provider'),
    'renewal-day': z.string(),
    'renewal-month': z.string(),
    'renewal-year': z.string(),
    confirmed: z.string(),
  })
  .transform((v, ctx) => {
    const date = realDate(v['renewal-day'], v['renewal-month'], v['renewal-year'])
    if (!date) ctx.addIssue({ code: 'custom', path: ['renewal'], message: 'Enter the renewal date as a real date, like 31 3 2027' })
    else if (date < today()) ctx.addIssue({ code: 'custom', path: ['renewal'], message: 'The renewal date must be in the future: your cover must be current' })
    if (v.confirmed !== 'yes') ctx.addIssue({ code: 'custom', path: ['confirmed'], message: 'Confirm that you have appropriate professional indemnity insurance' })
    return date ? { provider: v.provider, renewal: date } : z.NEVER
  })

export const RecordCheckForm = z
  .object({
    type: z.enum(recordChecks.map((r) => r.value) as [RecordCheckType, ...RecordCheckType[]], { message: 'Select the type of criminal record check' }),
    level: z.enum(['basic', 'standard', 'enhanced', 'enhanced-barred'], { message: 'Select the level of the check' }),
    number: z.string().max(30, 'Enter the certificate number as printed'),
    'issued-day': z.string(),
    'issued-month': z.string(),
    'issued-year': z.string(),
    updateService: z.enum(['yes', 'no'], { message: 'Select yes if you subscribe to the DBS Update Service' }),
  })
  .transform((v, ctx) => {
    const number = checkCertificateNumber(v.type, v.number)
    if (!number.ok) ctx.addIssue({ code: 'custom', path: ['number'], message: number.message })
    const issued = realDate(v['issued-day'], v['issued-month'], v['issued-year'])
    if (!issued) ctx.addIssue({ code: 'custom', path: ['issued'], message: 'Enter the date of issue as a real date, like 14 6 2024' })
    else if (issued > today()) ctx.addIssue({ code: 'custom', path: ['issued'], message: 'The date of issue must be today or in the past' })
    if (!number.ok || !issued) return z.NEVER
    return { type: v.type, level: v.level, number: number.number, issued, updateService: v.updateService === 'yes' }
  })

export const DeclarationsForm = z
  .object({ truthful: z.string(), dataUse: z.string(), marketing: z.string() })
  .superRefine((v, ctx) => {
    if (v.truthful !== 'yes') ctx.addIssue({ code: 'custom', path: ['truthful'], message: 'Confirm that the information you have given is true' })
    if (v.dataUse !== 'yes') ctx.addIssue({ code: 'custom', path: ['dataUse'], message: 'Agree to how we use your information, so we can process your application' })
  })
  .transform((v) => ({ marketing: v.marketing === 'yes' }))

export const MARKETING_WORDING = 'Send me the CMSUK newsletter and news of events by email. I can unsubscribe at any time.'

/** A date from three boxes, or null when it is not a real calendar date. */
export function realDate(day: string, month: string, year: string): Date | null {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null
  const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  return d.getUTCDate() === Number(day) && d.getUTCMonth() === Number(month) - 1 && Number(year) >= 1900 && Number(year) <= 2100 ? d : null
}

function today() {
  const now = new Date()
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))
}
