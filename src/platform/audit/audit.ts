import type { Db } from '../db/database.ts'

/** The security and staff actions we record; never passwords, tokens or codes in `detail`. */
export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'lockout'
  | 'sign_out'
  | 'password_changed'
  | 'password_reset'
  | 'email_change_requested'
  | 'email_changed'
  | 'email_verified'
  | 'two_factor_enabled'
  | 'two_factor_disabled'
  | 'recovery_code_used'
  | 'sessions_revoked'
  | 'staff_invited'
  | 'roles_changed'
  | 'staff_created'
  | 'callback_updated'
  | 'email_retried'
  | 'registration_verified'
  | 'application_approved'
  | 'application_rejected'
  | 'application_changes_requested'
  | 'payment_recorded'
  | 'payment_reversed'
  | 'payment_refunded'
  | 'company_link_confirmed'
  | 'directory_opted_in'
  | 'directory_opted_out'
  | 'directory_listing_hidden'
  | 'directory_listing_shown'
  | 'settings_changed'
  | 'company_contact_set'
  | 'company_invoice_created'
  | 'company_invoice_cancelled'

export async function audit(
  db: Db,
  entry: { action: AuditAction; actorId?: string | null; subjectId?: string | null; detail?: Record<string, unknown> },
) {
  await db
    .insertInto('audit_log')
    .values({
      action: entry.action,
      actor_id: entry.actorId ?? null,
      subject_id: entry.subjectId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute()
}
