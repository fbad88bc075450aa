import type { ColumnType } from 'kysely'
import type { Generated, Timestamp } from '../db/tables.ts'

export interface AuditTables {
  audit_log: {
    id: Generated<number>
    at: Timestamp
    actor_id: string | null
    subject_id: string | null
    action: string
    detail: ColumnType<Record<string, unknown>, string | undefined, string>
  }
}
