import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from '../../platform/db/database.ts'

const csvPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/uk-outcodes.csv')

/** Loads the postcode districts shipped in data/uk-outcodes.csv (see data/README.md for source and licence). */
export async function seedPostcodeDistricts(db: Db) {
  const lines = (await readFile(csvPath, 'utf8')).trim().split('\n').slice(1)
  const rows = lines.map((line) => {
    const [outcode, latitude, longitude, region] = line.split(',')
    return { outcode: outcode!.trim(), latitude: Number(latitude), longitude: Number(longitude), region: region!.trim() }
  })
  for (let i = 0; i < rows.length; i += 1000)
    await db.insertInto('postcode_districts').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.column('outcode').doNothing()).execute()
}
