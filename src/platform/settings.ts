import type { Db } from './db/database.ts'

/** Staff-editable settings with their seeded defaults. Every number in the domain rules lives here. */
export const settingDefaults = {
  society: {
    name: 'Case Management Society UK',
    shortName: 'CMSUK',
    postalAddress: 'CMSUK\nPO Box 293\nSutton\nSurrey\nSM1 9BH',
    chequePayee: 'CMSUK',
  },
  company_discount: { minMembers: 4, percent: 20 },
  grade_rules: { months: 24, hours: 2500 },
  membership_number: { prefix: 'CM', digits: 6 },
  references: { linkDays: 21, reminderDays: 7 },
  billing: {
    vatTreatment: 'exempt' as 'exempt' | 'standard',
    payWithinDays: 60,
    renewalNoticeDays: 30,
    graceDays: 30,
    /** Rule 18: a year from activation, or a fixed membership year starting on the 1st of this month with pro-rata first fees. */
    termMode: 'anniversary' as 'anniversary' | 'fixed',
    yearStartMonth: 1,
    referencePrefix: 'CM',
    bank: { accountName: 'CMSUK', sortCode: '00-00-00', accountNumber: '00000000', bankName: 'Demo Bank plc' },
  },
}

export type Settings = typeof settingDefaults
export type SettingKey = keyof Settings

/** Settings are read on nearly every page and change rarely: each process keeps them for a few seconds. */
const CACHE_MS = 5000
const cache = new WeakMap<Db, Map<SettingKey, { value: unknown; until: number; generation: number }>>()
/** Moved by every save in this process, so a save is seen at once here whichever connection or transaction reads. */
let generation = 0

export async function getSetting<K extends SettingKey>(db: Db, key: K): Promise<Settings[K]> {
  const kept = cache.get(db)?.get(key)
  if (kept && kept.until > Date.now() && kept.generation === generation) return kept.value as Settings[K]
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
  const value = { ...settingDefaults[key], ...((row?.value ?? {}) as Partial<Settings[K]>) }
  if (!cache.has(db)) cache.set(db, new Map())
  cache.get(db)!.set(key, { value, until: Date.now() + CACHE_MS, generation })
  return value
}

/** Saves a setting; this process sees it at once, other processes within a few seconds. */
export async function saveSetting<K extends SettingKey>(db: Db, key: K, value: Settings[K]) {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute()
  forgetSettings()
}

/** After a transaction that saved settings commits: reads that raced the commit are not kept. */
export function forgetSettings() {
  generation++
}

export async function seedSettings(db: Db) {
  await db
    .insertInto('settings')
    .values(Object.entries(settingDefaults).map(([key, value]) => ({ key, value: JSON.stringify(value) })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}
