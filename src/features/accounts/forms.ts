import { z } from 'zod'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const emailField = (empty = 'Enter your email address') =>
  z
    .string()
    .min(1, empty)
    .max(254, 'Email address must be 254 characters or fewer')
    .regex(EMAIL, 'Enter an email address in the correct format, like name@example.com')
    .transform((v) => v.toLowerCase())

export const SignInForm = z.object({
  email: emailField(),
  password: z.string().min(1, 'Enter your password').max(1000, 'Enter your password'),
})

export const ForgotPasswordForm = z.object({ email: emailField() })

/** Strength is checked by passwordProblem() once the person's name and email are known. */
export const NewPasswordForm = z
  .object({
    password: z.string(),
    confirm: z.string(),
  })
  .refine((v) => v.confirm === v.password, { path: ['confirm'], message: 'The passwords do not match' })

export const ChangePasswordForm = z
  .object({
    current: z.string().min(1, 'Enter your current password'),
    password: z.string(),
    confirm: z.string(),
  })
  .refine((v) => v.confirm === v.password, { path: ['confirm'], message: 'The passwords do not match' })

export const ChangeEmailForm = z.object({
  email: emailField('Enter your new email address'),
  password: z.string().min(1, 'Enter your password'),
})

export const TwoFactorForm = z.object({
  code: z
    .string()
    .min(1, 'Enter the 6-digit code from your authenticator app, or a recovery code')
    .max(40, 'Enter the 6-digit code from your authenticator app, or a recovery code'),
})

export const EnableTwoFactorForm = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code your authenticator app shows, like 123456')),
})

export const DisableTwoFactorForm = z.object({ password: z.string().min(1, 'Enter your password') })

export const roleOptions = [
  { value: 'office', label: 'Office staff', hint: 'Callbacks, applications, payments, members and content' },
  { value: 'admin', label: 'Administrator', hint: 'Everything office staff can do, plus staff, settings, exports and the audit log' },
]

const roles = z
  .string()
  .transform((v) => v.split(',').filter(Boolean))
  .pipe(
    z
      .array(z.enum(['office', 'admin'], { message: 'Choose a role from the list' }))
      .min(1, 'Select at least one role'),
  )

export const InviteStaffForm = z.object({
  name: z.string().min(1, 'Enter their full name').max(100, 'Name must be 100 characters or fewer'),
  email: emailField('Enter their email address'),
  roles,
})

export const RolesForm = z.object({ roles: z.string().transform((v) => v.split(',').filter(Boolean)).pipe(z.array(z.enum(['office', 'admin']))) })

/** Only paths on this site: never a redirect to another host after sign-in. */
export function safeReturnPath(next: unknown) {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && next.length < 500 ? next : undefined
}
