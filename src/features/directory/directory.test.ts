import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely'
import { countiesByRegion, professionsFromRecord, regionOfCounty, searchedRegions, ukRegions } from './areas.ts'
import { milesBetween, outwardCode } from './postcodes.ts'
import { criteriaFrom, searchQuery, searchUrl, wordsQuery } from './search.ts'

const codes = new Set(['brain-injury', 'paediatrics', 'vocational'])

describe('postcodes', () => {
  it('takes the district from a full postcode or a district, in any case and spacing', () => {
    assert.equal(outwardCode('sw1a 1aa'), 'SW1A')
    assert.equal(outwardCode('SW1A1AA'), 'SW1A')
    assert.equal(outwardCode(' M1 '), 'M1')
    assert.equal(outwardCode('EH12 9XY'), 'EH12')
    assert.equal(outwardCode('BT7 1NN'), 'BT7')
    for (const bad of ['', 'NOT A CODE', '12345', 'SW1A 1A', 'W1A 1AAA', 'SW1A-1AA']) assert.equal(outwardCode(bad), undefined, bad)
  })

  it('measures great-circle miles as the data was checked: M1 to SW1A is 162.5 miles, EH1 to SW1A 331.6', () => {
    const sw1a = { latitude: 51.5045, longitude: -0.1323 }
    const line = (code: string) => readFileSync(new URL('../../../data/uk-outcodes.csv', import.meta.url), 'utf8').split('\n').find((l) => l.startsWith(`${code},`))!.split(',')
    const at = (code: string) => ({ latitude: Number(line(code)[1]), longitude: Number(line(code)[2]) })
    assert.deepEqual(at('SW1A'), sw1a)
    assert.equal(milesBetween(at('M1'), sw1a).toFixed(1), '162.5')
    assert.equal(milesBetween(at('EH1'), sw1a).toFixed(1), '331.6')
    assert.equal(milesBetween(sw1a, sw1a), 0)
  })
})

describe('areas', () => {
  it('knows the region of every county, and finds a listing under the regions of its counties', () => {
    for (const region of ukRegions) for (const county of countiesByRegion[region]) assert.equal(regionOfCounty(county), region)
    assert.deepEqual(searchedRegions(['Wales'], ['Kent', 'Surrey', 'Unknown']), ['South East', 'Wales'])
  })

  it('derives professions from registrations, and vocational rehabilitation from the Vocational expertise', () => {
    assert.deepEqual(professionsFromRecord([{ body: 'nmc', profession: 'Registered nurse' }, { body: 'hcpc', profession: 'OT' }], []), ['nurse', 'occupational-therapist'])
    assert.deepEqual(professionsFromRecord([{ body: 'hcpc', profession: 'RA' }], ['vocational']), ['allied-health-professional', 'vocational-rehabilitation'])
    assert.deepEqual(professionsFromRecord([], []), [])
  })
})

describe('search criteria', () => {
  it('reads a URL, dropping what the site does not know', () => {
    const c = criteriaFrom({ q: ' brain ', region: 'Atlantis', county: 'Kent', postcode: 'SW1A 1AA', miles: '7', expertise: ['paediatrics', 'nonsense', 'paediatrics'], profession: 'wizard', taking: 'yes', page: '0' }, codes)
    assert.deepEqual(c, { words: 'brain', region: '', county: 'Kent', postcode: 'SW1A 1AA', miles: 25, expertise: ['paediatrics'], profession: '', taking: true, page: 1 })
  })

  it('writes the same search back as a URL that reads to the same criteria', () => {
    const arbitrary = fc.record({
      q: fc.constantFrom('', 'brain', 'Jo Smith'),
      region: fc.constantFrom('', ...ukRegions),
      postcode: fc.constantFrom('', 'SW1A 1AA', 'M1'),
      miles: fc.constantFrom('5', '10', '25', '50', '100'),
      expertise: fc.subarray([...codes]),
      taking: fc.constantFrom('', 'yes'),
      page: fc.integer({ min: 1, max: 50 }).map(String),
    })
    fc.assert(
      fc.property(arbitrary, (query) => {
        const c = criteriaFrom(query, codes)
        const url = new URL(searchUrl(c), 'http://x')
        const params: Record<string, string | string[]> = {}
        for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key)
        const again = criteriaFrom(params, codes)
        // Without a postcode the distance does not matter, so the URL leaves it out.
        assert.deepEqual(c.postcode ? again : { ...again, miles: c.miles }, c)
      }),
    )
  })

  it('turns words into a prefix query of letters and digits only', () => {
    assert.equal(wordsQuery("brain inj'; drop table --"), 'brain:* & inj:* & drop:* & table:*')
    assert.equal(wordsQuery('  '), undefined)
    assert.equal(wordsQuery('Siân O’Neill'), 'siân:* & o:* & neill:*')
  })
})

describe('the search query', () => {
  it('matches the checked-in SQL snapshot (UPDATE_SNAPSHOTS=1 rewrites it after a deliberate change)', () => {
    const db = new Kysely<unknown>({
      dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler() },
    })
    const criteria = criteriaFrom({ postcode: 'SW1A 1AA', miles: '25', expertise: ['brain-injury'], region: 'London', taking: 'yes', q: 'rehabilitation' }, codes)
    const compiled = searchQuery({ criteria, near: { latitude: 51.5045, longitude: -0.1323 }, northernIreland: false, benefitsIfPaidThrough: '2026-11-03', areas: [...codes].map((code, position) => ({ code, position })) }).compile(db)
    const text = `-- The directory search (src/features/directory/search.ts) for: postcode SW1A within 25 miles, region London,\n-- expertise brain-injury, taking referrals, words "rehabilitation". Parameters:\n-- ${JSON.stringify(compiled.parameters)}\n${compiled.sql}\n`
    const file = new URL('./search-query.snapshot.sql', import.meta.url)
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(file, text)
    assert.equal(text, readFileSync(file, 'utf8'))
  })
})
