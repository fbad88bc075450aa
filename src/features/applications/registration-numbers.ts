/** Registered bodies and the shape of their numbers (rule 12). A well-formed number is not proof: staff verify. */

export const registeredBodies = [
  { value: 'nmc', label: 'Nursing and Midwifery Council (NMC)' },
  { value: 'hcpc', label: 'Health and Care Professions Council (HCPC)' },
  { value: 'swe', label: 'Social Work England' },
  { value: 'gmc', label: 'General Medical Council (GMC)' },
] as const

export type RegisteredBody = (typeof registeredBodies)[number]['value']

/** HCPC professions and the prefix their registration numbers carry. */
export const hcpcProfessions = [
  { value: 'OT', label: 'Occupational therapist' },
  { value: 'PH', label: 'Physiotherapist' },
  { value: 'SL', label: 'Speech and language therapist' },
  { value: 'PYL', label: 'Practitioner psychologist' },
  { value: 'DT', label: 'Dietitian' },
  { value: 'PA', label: 'Paramedic' },
  { value: 'CH', label: 'Chiropodist or podiatrist' },
  { value: 'AS', label: 'Arts therapist' },
  { value: 'BS', label: 'Biomedical scientist' },
  { value: 'CS', label: 'Clinical scientist' },
  { value: 'HAD', label: 'Hearing aid dispenser' },
  { value: 'ODP', label: 'Operating department practitioner' },
  { value: 'OR', label: 'Orthoptist' },
  { value: 'PO', label: 'Prosthetist or orthotist' },
  { value: 'RA', label: 'Radiographer' },
] as const

export const normaliseRegistrationNumber = (raw: string) => raw.toUpperCase().replace(/\s+/g, '')

export type NumberCheck = { ok: true; number: string } | { ok: false; message: string }

/** Normalises and checks a number for its body (and, for the HCPC, the profession's prefix). */
export function checkRegistrationNumber(body: RegisteredBody, raw: string, hcpcProfession?: string): NumberCheck {
  const number = normaliseRegistrationNumber(raw)
  if (number === '') return { ok: false, message: 'Enter the registration number' }
  switch (body) {
    case 'nmc':
      return /^\d{2}[A-Z]\d{4}[A-Z]$/.test(number)
        ? { ok: true, number }
        : { ok: false, message: 'An NMC PIN is 2 numbers, a letter, 4 numbers and a letter, like 12A3456E' }
    case 'gmc':
      return /^\d{7}$/.test(number) ? { ok: true, number } : { ok: false, message: 'A GMC reference number is 7 numbers, like 1234567' }
    case 'swe': {
      const match = number.match(/^SW(\d+)$/)
      if (!match || /^0+$/.test(match[1]!))
        return { ok: false, message: 'A Social Work England number is SW followed by numbers, like SW123' }
      return { ok: true, number: `SW${match[1]!.replace(/^0+/, '')}` }
    }
    case 'hcpc': {
      const profession = hcpcProfessions.find((p) => p.value === hcpcProfession)
      if (!profession) return { ok: false, message: 'Select the profession you are registered for' }
      return new RegExp(`^${profession.value}\\d{1,6}$`).test(number)
        ? { ok: true, number }
        : {
            ok: false,
            message: `An HCPC number for a ${profession.label.toLowerCase()} is ${profession.value} followed by up to 6 numbers, like ${profession.value}12345`,
          }
    }
  }
}

/** Criminal record checks (rule 13): the FAQ's "CRB" is now DBS in England and Wales. */
export const recordChecks = [
  { value: 'dbs', label: 'DBS (England and Wales)', hint: 'The Disclosure and Barring Service replaced the CRB in 2012. The certificate number is 12 numbers.' },
  { value: 'pvg', label: 'PVG (Scotland)', hint: 'Protecting Vulnerable Groups scheme. The number is 16 numbers.' },
  { value: 'accessni', label: 'AccessNI (Northern Ireland)', hint: 'The certificate number is printed on your certificate.' },
] as const

export type RecordCheckType = (typeof recordChecks)[number]['value']

export function checkCertificateNumber(type: RecordCheckType, raw: string): NumberCheck {
  const number = raw.replace(/[\s-]/g, '')
  if (number === '') return { ok: false, message: 'Enter the certificate number' }
  if (type === 'dbs')
    return /^\d{12}$/.test(number) ? { ok: true, number } : { ok: false, message: 'A DBS certificate number is 12 numbers, like 001234567890' }
  if (type === 'pvg')
    return /^\d{16}$/.test(number) ? { ok: true, number } : { ok: false, message: 'A PVG scheme membership number is 16 numbers' }
  return /^\d{6,16}$/.test(number) ? { ok: true, number } : { ok: false, message: 'An AccessNI certificate number is between 6 and 16 numbers' }
}
