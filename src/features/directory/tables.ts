import type { ColumnType } from 'kysely'
import type { Generated, Timestamp } from '../../platform/db/tables.ts'

export interface DirectoryTables {
  directory_state: { id: Generated<boolean>; version: Generated<string> }
  postcode_districts: { outcode: string; latitude: number; longitude: number; region: string }
  directory_listings: {
    id: Generated<string>
    membership_id: string
    slug: string
    opted_in: Generated<boolean>
    display_name: string
    title: Generated<string>
    profession: string | null
    expertise: Generated<string[]>
    regions: Generated<string[]>
    counties: Generated<string[]>
    area_regions: Generated<string[]>
    base_outcode: string | null
    latitude: number | null
    longitude: number | null
    travel_miles: number | null
    bio: Generated<string>
    languages: Generated<string[]>
    taking_referrals: Generated<boolean>
    phone: Generated<string>
    website: Generated<string>
    words: ColumnType<string, never, never>
    /** Copied from the membership by triggers (migration 0011), so a search reads this table alone. */
    member_grade: ColumnType<string, never, never>
    member_paid_through: ColumnType<Date | null, never, never>
    /** Bits of `expertise` (by expertise_areas.position) and of `area_regions` (by ukRegions), set by a trigger (0014). */
    expertise_bits: ColumnType<number, never, never>
    region_bits: ColumnType<number, never, never>
    hidden_at: Date | null
    hidden_reason: string | null
    hidden_by: string | null
    opted_in_at: Date | null
    created_at: Timestamp
    updated_at: Timestamp
  }
  /** A narrow copy of each listing for searching, kept by a trigger (migration 0013); never written by the app. */
  directory_search: {
    listing_id: string
    display_name: string
    opted_in: boolean
    hidden_at: Date | null
    member_grade: string
    member_paid_through: Date | null
    expertise: string[]
    regions: string[]
    counties: string[]
    area_regions: string[]
    profession: string | null
    taking_referrals: boolean
    latitude: number | null
    longitude: number | null
    expertise_bits: number
    region_bits: number
  }
  directory_enquiries: {
    id: Generated<string>
    listing_id: string
    name: string
    organisation: Generated<string>
    email: string
    phone: Generated<string>
    message: string
    created_at: Timestamp
  }
}
