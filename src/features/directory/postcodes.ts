import type { Db } from '../../platform/db/database.ts'

/** Great-circle distances in miles, with the Earth radius the shipped data was checked with. */
export const EARTH_RADIUS_MILES = 3958.76
export const distanceChoices = [5, 10, 25, 50, 100] as const
export const DEFAULT_MILES = 25

export type Point = { latitude: number; longitude: number }

export function milesBetween(a: Point, b: Point): number {
  const rad = (d: number) => (d * Math.PI) / 180
  const h = Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h))
}

const FULL = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/
const DISTRICT = /^[A-Z]{1,2}\d[A-Z\d]?$/

/** The outward code (district) of a full UK postcode or of a district on its own; undefined if it is neither. */
export function outwardCode(raw: string): string | undefined {
  const text = raw.trim().toUpperCase().replace(/\s+/g, ' ')
  return FULL.exec(text)?.[1] ?? (DISTRICT.test(text) ? text : undefined)
}

export const isNorthernIreland = (outcode: string) => /^BT\d/.test(outcode)

export type PostcodeLookup =
  | { kind: 'found'; outcode: string; point: Point; region: string }
  | { kind: 'northern-ireland'; outcode: string }
  | { kind: 'unknown'; outcode: string }
  | { kind: 'invalid' }

type District = { latitude: number; longitude: number; region: string }

/** The districts are reference data (data/uk-outcodes.csv): each process reads them once, and the database again on a miss. */
const districtsByDb = new WeakMap<Db, Promise<Map<string, District>>>()

async function findDistrict(db: Db, outcode: string): Promise<District | undefined> {
  let districts = districtsByDb.get(db)
  if (!districts) {
    districts = db
      .selectFrom('postcode_districts')
      .selectAll()
      .execute()
      .then((rows) => new Map(rows.map((r) => [r.outcode, { latitude: r.latitude, longitude: r.longitude, region: r.region }])))
    districtsByDb.set(db, districts)
    districts.catch(() => districtsByDb.delete(db))
  }
  const known = (await districts).get(outcode)
  if (known) return known
  const row = await db.selectFrom('postcode_districts').selectAll().where('outcode', '=', outcode).executeTakeFirst()
  if (row) (await districts).set(outcode, { latitude: row.latitude, longitude: row.longitude, region: row.region })
  return row
}

export async function lookUpPostcode(db: Db, raw: string): Promise<PostcodeLookup> {
  const outcode = outwardCode(raw)
  if (!outcode) return { kind: 'invalid' }
  if (isNorthernIreland(outcode)) return { kind: 'northern-ireland', outcode }
  const found = await findDistrict(db, outcode)
  return found ? { kind: 'found', outcode, point: { latitude: found.latitude, longitude: found.longitude }, region: found.region } : { kind: 'unknown', outcode }
}
