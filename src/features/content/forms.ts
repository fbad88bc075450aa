import { z } from 'zod'

export const bestTimeOptions = [
  { value: 'morning', label: 'Morning (9am to 12pm)' },
  { value: 'afternoon', label: 'Afternoon (12pm to 5pm)' },
  { value: 'any', label: 'Any time during office hours' },
] as const

const UK_OR_INTERNATIONAL_PHONE = /^\+?[\d\s()-]+$/

export const CallbackForm = z.object({
  name: z
    .string()
    .min(1, 'Enter your name')
    .max(100, 'Name must be 100 characters or fewer'),
  phone: z
    .string()
    .min(1, 'Enter a phone number, like 01632 960 001 or 07700 900 982')
    .regex(UK_OR_INTERNATIONAL_PHONE, 'Enter a phone number using only numbers, spaces, brackets, dashes and a leading +')
    .refine((v) => {
      const digits = v.replace(/\D/g, '').length
      return digits >= 10 && digits <= 15
    }, 'Enter a phone number with 10 to 15 digits, like 01632 960 001 or +44 7700 900 982'),
  email: z
    .string()
    .max(254, 'Email address must be 254 characters or fewer')
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter an email address in the correct format, like name@example.com')
    .transform((v) => (v === '' ? null : v.toLowerCase())),
  bestTime: z.enum(['morning', 'afternoon', 'any'], { message: 'Select the best time to call you' }),
  about: z
    .string()
    .min(1, 'Tell us what you would like to talk about')
    .max(1000, 'What you would like to talk about must be 1,000 characters or fewer'),
})

export type CallbackInput = z.output<typeof CallbackForm>

/** The hidden field people never see; only bots fill it in. */
export const HONEYPOT_FIELD = 'website'
