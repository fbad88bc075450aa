import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { checkGrade, type Evidence, gradesMet, type QualificationLevel, refereeProblems } from './eligibility.ts'
import { checkCertificateNumber, checkRegistrationNumber } from './registration-numbers.ts'

const nurse = (months: number, hours: number, extra: Partial<Evidence> = {}): Evidence => ({
  qualifications: [{ level: 'degree', clinical: true }],
  registrations: [{ verified: false }],
  months,
  hours,
  expertise: ['brain-injury'],
  ...extra,
})

describe('Case Manager experience (rule 3)', () => {
  it('24 months and 0 hours qualifies; 10 months and 2,500 hours qualifies', () => {
    assert.equal(checkGrade('case-manager', nurse(24, 0)).eligible, true)
    assert.equal(checkGrade('case-manager', nurse(10, 2500)).eligible, true)
  })

  it('23 months and 2,499 hours does not, and says why and what else fits', () => {
    const result = checkGrade('case-manager', nurse(23, 2499))
    assert.equal(result.eligible, false)
    assert.equal(result.alternative, 'associate')
    assert.deepEqual(result.reasons, [
      'Case Manager needs 24 months or 2,500 hours of case management experience; you have 23 months or 2,499 hours. You could apply as an Associate now.',
    ])
  })

  it('is met exactly when months ≥ 24 or hours ≥ 2,500, other criteria being met', () => {
    fc.assert(
      fc.property(fc.nat(600), fc.nat(20000), (months, hours) => {
        assert.equal(checkGrade('case-manager', nurse(months, hours)).eligible, months >= 24 || hours >= 2500)
        assert.equal(checkGrade('associate', nurse(months, hours)).eligible, true, 'Associate has no experience rule (rule 6)')
      }),
    )
  })
})

describe('qualifications and registrations', () => {
  const levels: QualificationLevel[] = ['certificate', 'diploma', 'degree', 'postgraduate', 'masters', 'doctorate']
  it('needs a diploma or higher for the practising grades', () => {
    fc.assert(
      fc.property(fc.constantFrom(...levels), fc.boolean(), fc.nat(100), (level, clinical, months) => {
        const e = nurse(months + 24, 0, { qualifications: [{ level, clinical }], expertise: clinical ? ['brain-injury'] : ['vocational'] })
        assert.equal(checkGrade('associate', e).eligible, level !== 'certificate')
      }),
    )
    const result = checkGrade('associate', nurse(30, 0, { qualifications: [{ level: 'certificate', clinical: true }] }))
    assert.match(result.reasons[0]!, /diploma or higher/)
  })

  it('a clinical qualification needs a registration', () => {
    const result = checkGrade('associate', nurse(30, 0, { registrations: [] }))
    assert.equal(result.eligible, false)
    assert.ok(result.reasons.some((r) => /endorsed by a current registration/.test(r)))
  })

  it('staff deciding need the registration verified', () => {
    assert.equal(checkGrade('case-manager', nurse(30, 0), undefined, true).eligible, false)
    assert.equal(checkGrade('case-manager', nurse(30, 0, { registrations: [{ verified: true }] }), undefined, true).eligible, true)
  })
})

describe('areas of expertise (rules 4 and 5)', () => {
  const vocational = (expertise: string[]): Evidence => ({ qualifications: [{ level: 'diploma', clinical: false }], registrations: [], months: 30, hours: 0, expertise })

  it('a vocational case manager without a clinical qualification or registration may be a Case Manager, with Vocational only', () => {
    const ok = checkGrade('case-manager', vocational(['vocational']))
    assert.equal(ok.eligible, true)
    assert.ok(ok.reasons.some((r) => /only area of expertise recorded is ‘Vocational’/.test(r)))
    const clinical = checkGrade('case-manager', vocational(['vocational', 'spinal-cord-injury']))
    assert.equal(clinical.eligible, false)
    assert.match(clinical.reasons.join(' '), /Clinical areas of expertise need a clinical qualification and a registration/)
  })

  it('never allows a clinical area without a clinical qualification and a registration', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom('case-manager', 'associate') as fc.Arbitrary<'case-manager' | 'associate'>, (clinicalQual, registered, verified, grade) => {
        const e: Evidence = {
          qualifications: [{ level: 'degree', clinical: clinicalQual }],
          registrations: registered ? [{ verified }] : [],
          months: 30,
          hours: 0,
          expertise: ['mental-health'],
        }
        const applying = checkGrade(grade, e).eligible
        const deciding = checkGrade(grade, e, undefined, true).eligible
        if (applying) assert.ok(clinicalQual && registered)
        if (deciding) assert.ok(clinicalQual && registered && verified)
      }),
    )
  })
})

describe('Supporter (rule 7)', () => {
  it('has no criteria and records no expertise', () => {
    const none: Evidence = { qualifications: [], registrations: [], months: 0, hours: 0, expertise: [] }
    assert.equal(checkGrade('supporter', none).eligible, true)
    assert.deepEqual(gradesMet(none), ['supporter'])
  })
})

describe('referees (rule 14)', () => {
  const ref = (email: string, kind: 'professional' | 'personal') => ({ email, kind })
  it('accepts two professional, or one professional and one personal', () => {
    assert.deepEqual(refereeProblems([ref('a@x.org', 'professional'), ref('b@x.org', 'professional')], 'me@x.org'), [])
    assert.deepEqual(refereeProblems([ref('a@x.org', 'professional'), ref('b@x.org', 'personal')], 'me@x.org'), [])
  })
  it('refuses two personal, the applicant, a duplicate and a wrong count', () => {
    assert.equal(refereeProblems([ref('a@x.org', 'personal'), ref('b@x.org', 'personal')], 'me@x.org').length, 1)
    assert.match(refereeProblems([ref('Me@x.org', 'professional'), ref('b@x.org', 'professional')], 'me@x.org')[0]!, /cannot be you/)
    assert.match(refereeProblems([ref('a@x.org', 'professional'), ref('A@x.org', 'professional')], 'me@x.org')[0]!, /different people/)
    assert.match(refereeProblems([ref('a@x.org', 'professional')], 'me@x.org')[0]!, /exactly two/)
  })
})

describe('registration numbers (rule 12)', () => {
  it('checks NMC, HCPC, Social Work England and GMC formats and normalises them', () => {
    assert.deepEqual(checkRegistrationNumber('nmc', ' 12a3456e '), { ok: true, number: '12A3456E' })
    assert.deepEqual(checkRegistrationNumber('nmc', '123456E'), { ok: false, message: 'An NMC PIN is 2 numbers, a letter, 4 numbers and a letter, like 12A3456E' })
    assert.deepEqual(checkRegistrationNumber('hcpc', 'ot 12345', 'OT'), { ok: true, number: 'OT12345' })
    assert.equal(checkRegistrationNumber('hcpc', 'PH12345', 'OT').ok, false, 'the prefix must match the profession')
    assert.equal(checkRegistrationNumber('hcpc', 'OT1234567', 'OT').ok, false)
    assert.deepEqual(checkRegistrationNumber('swe', 'SW000123'), { ok: true, number: 'SW123' })
    assert.equal(checkRegistrationNumber('swe', 'SW000').ok, false)
    assert.deepEqual(checkRegistrationNumber('gmc', '1234567'), { ok: true, number: '1234567' })
    assert.equal(checkRegistrationNumber('gmc', '123456').ok, false)
  })

  it('checks certificate numbers (rule 13)', () => {
    assert.equal(checkCertificateNumber('dbs', '0012 3456 7890').ok, true)
    assert.equal(checkCertificateNumber('dbs', '12345').ok, false)
    assert.equal(checkCertificateNumber('pvg', '1234567890123456').ok, true)
    assert.equal(checkCertificateNumber('pvg', '123456789012').ok, false)
  })
})
