import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { sendMessage } from '../../platform/mail/compose.ts'

/** Every email the accounts feature sends, queued in the caller's transaction. */
export function accountEmails(db: Db, config: Config) {
  const url = (path: string) => `${config.publicBaseUrl}${path}`
  const send = (to: string, template: string, subject: string, greetingName: string, paragraphs: string[], action?: { label: string; path: string }) =>
    sendMessage(db, config, {
      to,
      template,
      subject,
      greeting: `Dear ${greetingName},`,
      paragraphs,
      action: action && { label: action.label, url: url(action.path) },
    })

  return {
    verifyEmail: (to: string, name: string, token: string) =>
      send(to, 'verify-email', 'Confirm your email address', name, [
        'Please confirm this is your email address by following the link below. The link works for 7 days.',
        'If you did not create an account with us, you can ignore this email.',
      ], { label: 'Confirm my email address', path: `/verify-email?token=${token}` }),

    passwordReset: (to: string, name: string, token: string) =>
      send(to, 'password-reset', 'Choose a new password', name, [
        'Someone, hopefully you, asked to reset the password for your account. Follow the link below to choose a new one.',
        'The link works once, for 60 minutes. If you did not ask for it, ignore this email: your password stays as it is.',
      ], { label: 'Choose a new password', path: `/reset-password?token=${token}` }),

    passwordChanged: (to: string, name: string) =>
      send(to, 'password-changed', 'Your password has been changed', name, [
        'The password for your account was changed, and every other place you were signed in has been signed out.',
        'If you did not do this, reset your password now and tell the office.',
      ], { label: 'Reset my password', path: '/forgot-password' }),

    confirmNewEmail: (to: string, name: string, token: string) =>
      send(to, 'email-change-confirm', 'Confirm your new email address', name, [
        'You asked to use this address for your account. Follow the link below to confirm it. The link works for 24 hours.',
        'Until you do, we keep using your old address.',
      ], { label: 'Confirm my new email address', path: `/confirm-email?token=${token}` }),

    emailChangeNotice: (to: string, name: string, newEmail: string) =>
      send(to, 'email-change-notice', 'Your email address is being changed', name, [
        `Someone signed in to your account asked to change its email address to ${newEmail}.`,
        'If this was not you, sign in and change your password, or contact the office.',
      ]),

    lockout: (to: string, name: string) =>
      send(to, 'sign-in-lockout', 'Several failed attempts to sign in to your account', name, [
        'There were 5 unsuccessful attempts to sign in to your account in the last 15 minutes, so we have paused sign-in for it for 15 minutes.',
        'If this was you, wait and try again, or choose a new password. If it was not, your password kept your account safe; you may still like to change it.',
      ], { label: 'Choose a new password', path: '/forgot-password' }),

    staffInvite: (to: string, name: string, token: string, invitedBy: string) =>
      send(to, 'staff-invite', 'You have been invited to the back office', name, [
        `${invitedBy} has given you access to the back office of the society's website.`,
        'Follow the link below to choose your password. The link works for 7 days. When you first sign in you will set up two-factor authentication with an app on your phone.',
      ], { label: 'Choose my password', path: `/set-password?token=${token}` }),

    staffAccess: (to: string, name: string, invitedBy: string) =>
      send(to, 'staff-access', 'You now have access to the back office', name, [
        `${invitedBy} has given your account access to the back office. Sign in as usual; you will be asked to set up two-factor authentication first.`,
      ], { label: 'Sign in', path: '/login' }),
  }
}
