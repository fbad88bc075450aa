import { ukRegions } from '../applications/steps.ts'

export type Region = (typeof ukRegions)[number]
export { ukRegions }

/**
 * Counties by UK region, for "geographic areas of work": England's ceremonial counties, Wales's preserved
 * counties, Scotland's council areas and Northern Ireland's six counties.
 */
export const countiesByRegion: Record<Region, readonly string[]> = {
  'North East': ['County Durham', 'Northumberland', 'Tyne and Wear'],
  'North West': ['Cheshire', 'Cumbria', 'Greater Manchester', 'Lancashire', 'Merseyside'],
  'Yorkshire and the Humber': ['East Riding of Yorkshire', 'North Yorkshire', 'South Yorkshire', 'West Yorkshire'],
  'East Midlands': ['Derbyshire', 'Leicestershire', 'Lincolnshire', 'Northamptonshire', 'Nottinghamshire', 'Rutland'],
  'West Midlands': ['Herefordshire', 'Shropshire', 'Staffordshire', 'Warwickshire', 'West Midlands (county)', 'Worcestershire'],
  'East of England': ['Bedfordshire', 'Cambridgeshire', 'Essex', 'Hertfordshire', 'Norfolk', 'Suffolk'],
  London: ['Greater London'],
  'South East': ['Berkshire', 'Buckinghamshire', 'East Sussex', 'Hampshire', 'Isle of Wight', 'Kent', 'Oxfordshire', 'Surrey', 'West Sussex'],
  'South West': ['Bristol', 'Cornwall', 'Devon', 'Dorset', 'Gloucestershire', 'Somerset', 'Wiltshire'],
  Wales: ['Clwyd', 'Dyfed', 'Gwent', 'Gwynedd', 'Mid Glamorgan', 'Powys', 'South Glamorgan', 'West Glamorgan'],
  Scotland: [
    'Aberdeen City',
    'Aberdeenshire',
    'Angus',
    'Argyll and Bute',
    'City of Edinburgh',
    'Clackmannanshire',
    'Dumfries and Galloway',
    'Dundee City',
    'East Ayrshire',
    'East Dunbartonshire',
    'East Lothian',
    'East Renfrewshire',
    'Falkirk',
    'Fife',
    'Glasgow City',
    'Highland',
    'Inverclyde',
    'Midlothian',
    'Moray',
    'Na h-Eileanan Siar',
    'North Ayrshire',
    'North Lanarkshire',
    'Orkney Islands',
    'Perth and Kinross',
    'Renfrewshire',
    'Scottish Borders',
    'Shetland Islands',
    'South Ayrshire',
    'South Lanarkshire',
    'Stirling',
    'West Dunbartonshire',
    'West Lothian',
  ],
  'Northern Ireland': ['County Antrim', 'County Armagh', 'County Down', 'County Fermanagh', 'County Londonderry', 'County Tyrone'],
}

const regionByCounty = new Map(Object.entries(countiesByRegion).flatMap(([region, counties]) => counties.map((c) => [c, region as Region] as const)))

export const isRegion = (value: string): value is Region => (ukRegions as readonly string[]).includes(value)
export const isCounty = (value: string) => regionByCounty.has(value)
export const regionOfCounty = (county: string): Region | undefined => regionByCounty.get(county)

/** The regions a listing is found under: those chosen whole, and those of the chosen counties. */
export function searchedRegions(regions: readonly string[], counties: readonly string[]): Region[] {
  const all = new Set<string>([...regions.filter(isRegion), ...counties.flatMap((c) => regionOfCounty(c) ?? [])])
  return ukRegions.filter((r) => all.has(r))
}

/** The professions a purchaser can search by, and how a member's registrations lead to them. */
export const professions = [
  { value: 'nurse', label: 'Nurse' },
  { value: 'occupational-therapist', label: 'Occupational therapist' },
  { value: 'physiotherapist', label: 'Physiotherapist' },
  { value: 'speech-and-language-therapist', label: 'Speech and language therapist' },
  { value: 'psychologist', label: 'Psychologist' },
  { value: 'social-worker', label: 'Social worker' },
  { value: 'doctor', label: 'Doctor' },
  { value: 'allied-health-professional', label: 'Other allied health professional' },
  { value: 'vocational-rehabilitation', label: 'Vocational rehabilitation specialist' },
] as const

const hcpcProfession: Record<string, string> = { OT: 'occupational-therapist', PH: 'physiotherapist', SL: 'speech-and-language-therapist', PYL: 'psychologist' }

/** The professions a member's record supports: one for each registration, and vocational rehabilitation with 'Vocational'. */
export function professionsFromRecord(registrations: { body: string; profession: string }[], expertise: readonly string[]): string[] {
  const found = new Set<string>()
  for (const r of registrations) {
    if (r.body === 'nmc') found.add('nurse')
    else if (r.body === 'swe') found.add('social-worker')
    else if (r.body === 'gmc') found.add('doctor')
    else if (r.body === 'hcpc') found.add(hcpcProfession[r.profession] ?? 'allied-health-professional')
  }
  if (expertise.includes('vocational')) found.add('vocational-rehabilitation')
  return professions.map((p) => p.value).filter((p) => found.has(p))
}

export const professionLabel = (value: string | null) => professions.find((p) => p.value === value)?.label
