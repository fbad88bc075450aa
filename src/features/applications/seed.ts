import type { Db } from '../../platform/db/database.ts'

/** The staff-editable list of areas of expertise; only "Vocational" is open to those without a clinical registration. */
const areas: [code: string, label: string, clinical: boolean][] = [
  ['vocational', 'Vocational', false],
  ['brain-injury', 'Brain injury', true],
  ['spinal-cord-injury', 'Spinal cord injury', true],
  ['orthopaedic-trauma', 'Orthopaedic and trauma', true],
  ['paediatrics', 'Paediatrics', true],
  ['mental-health', 'Mental health', true],
  ['neurological-conditions', 'Neurological conditions', true],
  ['amputation', 'Amputation', true],
  ['burns', 'Burns', true],
  ['chronic-pain', 'Chronic pain', true],
  ['older-people', 'Older people', true],
]

export async function seedExpertiseAreas(db: Db) {
  await db
    .insertInto('expertise_areas')
    .values(areas.map(([code, label, clinical], position) => ({ code, label, clinical, position })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute()
}
