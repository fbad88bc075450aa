import { z } from 'zod'
import { isCounty, isRegion } from './areas.ts'
import { distanceChoices, outwardCode } from './postcodes.ts'

export const BIO_MAX = 1500
const PHONE = /^\+?[\d\s()-]+$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean)

/** What a member chooses to publish. Expertise and profession are checked against their record afterwards (rule 5). */
export const ListingForm = z
  .object({
    optedIn: z.enum(['yes', 'no'], { message: 'Select whether to be listed in Find a Case Manager' }),
    title: z.string().max(100, 'Professional title must be 100 characters or fewer'),
    profession: z.string(),
    expertise: z.string().transform(list),
    regions: z.string().transform((v) => list(v).filter(isRegion)),
    counties: z.string().transform((v) => list(v).filter(isCounty)),
    basePostcode: z
      .string()
      .max(10, 'Enter a postcode like SW1A 1AA, or a district like SW1A')
      .refine((v) => v === '' || outwardCode(v) !== undefined, 'Enter a UK postcode like SW1A 1AA, or just its first part, like SW1A'),
    travelMiles: z.string().refine((v) => v === '' || (distanceChoices as readonly number[]).includes(Number(v)), 'Select how far you travel'),
    bio: z.string().max(BIO_MAX, `Your biography must be ${BIO_MAX.toLocaleString('en-GB')} characters or fewer`),
    languages: z
      .string()
      .max(200, 'Languages must be 200 characters or fewer')
      .transform(list)
      .refine((l) => l.length <= 10, 'List up to 10 languages'),
    takingReferrals: z.enum(['yes', 'no'], { message: 'Select whether you are taking new referrals' }),
    phone: z
      .string()
      .max(30, 'Phone number must be 30 characters or fewer')
      .refine((v) => v === '' || (PHONE.test(v) && v.replace(/\D/g, '').length >= 10), 'Enter a work phone number like 01632 960 001, or leave it empty'),
    website: z
      .string()
      .max(200, 'Website must be 200 characters or fewer')
      .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), 'Enter a website address starting with https://, or leave it empty'),
  })
  .superRefine((v, ctx) => {
    if (v.optedIn !== 'yes') return
    if (v.regions.length === 0 && v.counties.length === 0 && v.basePostcode === '')
      ctx.addIssue({ code: 'custom', path: ['regions'], message: 'Choose at least one region or county where you work, or give your base postcode' })
  })

export type ListingInput = z.output<typeof ListingForm>

export const EnquiryForm = z.object({
  name: z.string().min(1, 'Enter your name').max(100, 'Name must be 100 characters or fewer'),
  organisation: z.string().max(150, 'Organisation must be 150 characters or fewer'),
  email: z
    .string()
    .min(1, 'Enter your email address, so the case manager can reply')
    .max(254, 'Email address must be 254 characters or fewer')
    .refine((v) => EMAIL.test(v), 'Enter an email address in the correct format, like name@example.com')
    .transform((v) => v.toLowerCase()),
  phone: z
    .string()
    .max(30, 'Phone number must be 30 characters or fewer')
    .refine((v) => v === '' || (PHONE.test(v) && v.replace(/\D/g, '').length >= 10), 'Enter a phone number like 01632 960 001, or leave it empty'),
  message: z.string().min(1, 'Enter your message').max(3000, 'Your message must be 3,000 characters or fewer'),
  consent: z.literal('yes', { message: 'Confirm that we may pass your details to this case manager' }),
})

export type EnquiryInput = z.output<typeof EnquiryForm>

export const HideForm = z.object({
  reason: z.string().min(1, 'Give the reason for hiding this listing; the member is told it').max(500, 'The reason must be 500 characters or fewer'),
})

/** The hidden field people never see; only bots fill it in. */
export const HONEYPOT_FIELD = 'website_url'
