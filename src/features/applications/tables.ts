import type { ColumnType } from 'kysely'
import type { Generated, Timestamp } from '../../platform/db/tables.ts'

export type ApplicationStatus = 'draft' | 'submitted' | 'changes_requested' | 'approved' | 'rejected'
type DateColumn = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Id = Generated<string>

export interface ApplicationTables {
  expertise_areas: { code: string; label: string; clinical: boolean; position: number }
  applications: {
    id: Id
    user_id: string
    kind: Generated<'new' | 'upgrade'>
    grade: string
    status: Generated<ApplicationStatus>
    address_line1: Generated<string>
    address_line2: Generated<string>
    town: Generated<string>
    postcode: Generated<string>
    country: Generated<string>
    phone: Generated<string>
    expertise: Generated<string[]>
    regions: Generated<string[]>
    insurance_provider: string | null
    insurance_renewal: DateColumn
    insurance_confirmed: Generated<boolean>
    check_type: string | null
    check_level: string | null
    check_number: string | null
    check_issued: DateColumn
    check_update_service: boolean | null
    declared_true: Generated<boolean>
    consented_data_use: Generated<boolean>
    marketing_opt_in: Generated<boolean>
    marketing_opt_in_at: Date | null
    marketing_wording: string | null
    completed_steps: Generated<string[]>
    changes_requested: string | null
    decision_reason: string | null
    decided_grade: string | null
    decided_by: string | null
    decided_at: Date | null
    submitted_at: Date | null
    created_at: Timestamp
    updated_at: Timestamp
  }
  application_qualifications: { id: Id; application_id: string; title: string; level: string; awarding_body: string; year: number; clinical: boolean; created_at: Timestamp }
  application_registrations: {
    id: Id
    application_id: string
    body: string
    profession: string
    number: string
    verified_at: Date | null
    verified_by: string | null
    verified_register: string | null
    verified_status: string | null
    created_at: Timestamp
  }
  application_associations: { id: Id; application_id: string; name: string; created_at: Timestamp }
  application_work: {
    id: Id
    application_id: string
    employer: string
    role: string
    started_on: ColumnType<Date, Date | string, Date | string>
    ended_on: DateColumn
    cm_months: Generated<number>
    cm_hours: Generated<number>
    created_at: Timestamp
  }
  application_referees: {
    id: Id
    application_id: string
    name: string
    email: string
    phone: string
    relationship: string
    kind: 'professional' | 'personal'
    token_hash: string | null
    invited_at: Date | null
    reminded_at: Date | null
    replaced_at: Date | null
    response: ColumnType<Record<string, string> | null, string | null, string | null>
    responded_at: Date | null
    created_at: Timestamp
  }
  application_files: { id: Id; application_id: string; filename: string; content_type: string; size_bytes: number; storage_key: string; created_at: Timestamp }
  application_events: { id: Generated<number>; application_id: string; at: Timestamp; actor_id: string | null; event: string; detail: Generated<string> }
  memberships: {
    id: Id
    user_id: string
    number: string
    grade: string
    application_id: string | null
    approved_at: Timestamp
    /** Kept by triggers: the end of the latest term still paid in full (decision 008). */
    paid_through: ColumnType<Date | null, never, never>
  }
}
