import type { Generated, Timestamp } from '../../platform/db/tables.ts'

export interface MembershipTables {
  grades: {
    id: Generated<number>
    code: string
    name: string
    fee_pence: number
    summary: string
    criteria: string[]
    practising: boolean
    position: number
    created_at: Timestamp
  }
}
