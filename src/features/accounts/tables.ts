import type { Generated, Timestamp } from '../../platform/db/tables.ts'

export type StaffRole = 'office' | 'admin'
export type SessionStage = 'two_factor' | 'full'
export type TokenPurpose = 'password_reset' | 'email_verification' | 'email_change' | 'set_password'

export interface AccountTables {
  users: {
    id: Generated<string>
    email: string
    name: string
    password_hash: string | null
    roles: Generated<StaffRole[]>
    email_verified_at: Date | null
    totp_secret: string | null
    totp_enabled_at: Date | null
    totp_last_step: number | null
    lockout_notified_at: Date | null
    disabled_at: Date | null
    created_at: Timestamp
    updated_at: Timestamp
  }
  sessions: {
    id: Generated<string>
    token_hash: string
    user_id: string
    stage: SessionStage
    user_agent: Generated<string>
    created_at: Timestamp
    last_seen_at: Timestamp
    expires_at: Date
  }
  auth_tokens: {
    id: Generated<string>
    token_hash: string
    user_id: string
    purpose: TokenPurpose
    new_email: string | null
    created_at: Timestamp
    expires_at: Date
    used_at: Date | null
  }
  recovery_codes: { id: Generated<number>; user_id: string; code_hash: string; used_at: Date | null }
  sign_in_failures: { id: Generated<number>; email: string; at: Timestamp }
}
