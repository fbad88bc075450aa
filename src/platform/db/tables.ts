import type { ColumnType, JSONColumnType } from 'kysely'

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
export type Generated<T> = ColumnType<T, T | undefined, T>

export interface PlatformTables {
  seed_runs: { name: string; applied_at: Timestamp }
  settings: { key: string; value: JSONColumnType<object>; updated_at: Timestamp }
}
