import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { addDays, discounted, hasBenefits, invoiceStatus, membershipStatus, membershipYearEnd, nextTerm, proRataFirstFee, yearTermEnd } from './rules.ts'

describe('invoice status from the ledger', () => {
  it('moves from issued to part paid to paid, and back with a bounced cheque', () => {
    assert.equal(invoiceStatus(7500, [], false), 'issued')
    assert.equal(invoiceStatus(7500, [{ kind: 'payment', amount: 2500 }], false), 'part_paid')
    assert.equal(invoiceStatus(7500, [{ kind: 'payment', amount: 2500 }, { kind: 'payment', amount: 5000 }], false), 'paid')
    assert.equal(invoiceStatus(7500, [{ kind: 'payment', amount: 7500 }, { kind: 'reversal', amount: -7500 }], false), 'issued')
    assert.equal(invoiceStatus(7500, [{ kind: 'payment', amount: 7500 }, { kind: 'refund', amount: -7500 }], false), 'refunded')
    assert.equal(invoiceStatus(7500, [{ kind: 'payment', amount: 8000 }], false), 'overpaid')
    assert.equal(invoiceStatus(7500, [{ kind: 'payment', amount: 7500 }], true), 'void')
  })
})

describe('company discount (rule 2)', () => {
  it('takes 20% off, rounding half up to the penny', () => {
    assert.equal(discounted(7500, 20), 6000)
    assert.equal(discounted(6000, 20), 4800)
    assert.equal(discounted(1, 50), 0, 'half a penny off rounds up')
    assert.equal(discounted(3, 50), 1)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (pence, percent) => {
        const after = discounted(pence, percent)
        assert.ok(Number.isInteger(after) && after >= 0 && after <= pence)
        assert.ok(Math.abs(pence - after - (pence * percent) / 100) <= 0.5)
      }),
    )
  })
})

describe('terms (rule 18)', () => {
  it('lasts a year from activation', () => {
    assert.equal(yearTermEnd('2026-12-03'), '2027-12-02')
    assert.equal(yearTermEnd('2028-02-29'), '2029-02-27')
    assert.equal(yearTermEnd('2026-01-01'), '2026-12-31')
  })

  it('renews from the old end date, not the payment date', () => {
    assert.deepEqual(nextTerm(null, '2026-12-03', 'joining'), { starts: '2026-12-03', ends: '2027-12-02' })
    assert.deepEqual(nextTerm('2027-12-02', '2027-12-20', 'renewal'), { starts: '2027-12-03', ends: '2028-12-02' })
    assert.deepEqual(nextTerm('2027-12-02', '2027-11-10', 'renewal'), { starts: '2027-12-03', ends: '2028-12-02' })
  })
})

describe('membership status (rules 16, 18, 19)', () => {
  const term = [{ starts: '2026-01-10', ends: '2027-01-09' }]
  it('is approved-unpaid without a paid term, with no benefits', () => {
    assert.equal(membershipStatus([], '2026-06-01'), 'approved_unpaid')
    assert.equal(hasBenefits('approved_unpaid'), false)
  })
  it('is active, then renewal due 30 days before the end, in grace for 30 days after, then lapsed', () => {
    assert.equal(membershipStatus(term, '2026-06-01'), 'active')
    assert.equal(membershipStatus(term, '2026-12-10'), 'active')
    assert.equal(membershipStatus(term, '2026-12-11'), 'renewal_due')
    assert.equal(membershipStatus(term, '2027-01-09'), 'renewal_due')
    assert.equal(membershipStatus(term, '2027-01-10'), 'in_grace')
    assert.equal(membershipStatus(term, '2027-02-08'), 'in_grace')
    assert.equal(membershipStatus(term, '2027-02-09'), 'lapsed')
    assert.equal(hasBenefits('in_grace'), true)
    assert.equal(hasBenefits('lapsed'), false)
  })
  it('is active again once the renewal is paid', () => {
    assert.equal(membershipStatus([...term, { starts: '2027-01-10', ends: '2028-01-09' }], '2026-12-20'), 'active')
  })
  it('never has benefits more than the grace period after the last paid day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 800 }), (offset) => {
        const today = addDays('2026-01-10', offset)
        const status = membershipStatus(term, today)
        if (offset < 0) assert.equal(status, 'active', 'paid and about to start')
        else if (offset <= 364 + 30) assert.ok(hasBenefits(status), `${today}: ${status}`)
        else assert.equal(status, 'lapsed')
      }),
    )
  })
})

describe('renewal reminders (rule 18)', () => {
  it('are due 30, 14 and 1 days before the end, 7 days after, and at lapse', async () => {
    const { reminderStage } = await import('./rules.ts')
    const end = '2027-01-09'
    assert.equal(reminderStage(end, '2026-12-09'), null)
    assert.equal(reminderStage(end, '2026-12-10'), '30-days')
    assert.equal(reminderStage(end, '2026-12-26'), '14-days')
    assert.equal(reminderStage(end, '2027-01-08'), '1-day')
    assert.equal(reminderStage(end, '2027-01-09'), '1-day')
    assert.equal(reminderStage(end, '2027-01-12'), null)
    assert.equal(reminderStage(end, '2027-01-16'), '7-days-after')
    assert.equal(reminderStage(end, '2027-02-09'), 'lapsed')
    assert.equal(reminderStage(end, '2027-06-01'), null, 'no emails to long-lapsed members')
  })
})

describe('upgrade difference (rule 8)', () => {
  it('charges the fee difference for the days left in the term', async () => {
    const { upgradeDifference } = await import('./rules.ts')
    const term = { starts: '2026-01-01', ends: '2026-12-31' }
    assert.equal(upgradeDifference(6000, 7500, term, '2026-01-01'), 1500, 'whole term: the whole difference')
    assert.equal(upgradeDifference(6000, 7500, term, '2026-07-02'), 752, '183 of 365 days left: £15 × 183 / 365 = £7.52')
    assert.equal(upgradeDifference(6000, 7500, term, '2027-01-01'), 0, 'term over')
    assert.equal(upgradeDifference(7500, 6000, term, '2026-06-01'), 0, 'never a negative charge')
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (offset) => {
        const due = upgradeDifference(6000, 7500, term, addDays('2026-01-01', offset))
        assert.ok(Number.isInteger(due) && due >= 0 && due <= 1500)
      }),
    )
  })
})

describe('a fixed membership year (rule 18)', () => {
  it('ends the year on the day before the start month comes round again', () => {
    assert.equal(membershipYearEnd('2026-12-03', 1), '2026-12-31')
    assert.equal(membershipYearEnd('2026-12-03', 4), '2027-03-31')
    assert.equal(membershipYearEnd('2027-03-31', 4), '2027-03-31')
    assert.equal(membershipYearEnd('2027-04-01', 4), '2028-03-31')
    assert.equal(membershipYearEnd('2028-02-29', 3), '2028-02-29')
  })

  it('charges the whole months left, the month of joining included', () => {
    assert.deepEqual(proRataFirstFee(7500, '2026-12-03', 1), { pence: 625, months: 1, ends: '2026-12-31' })
    assert.deepEqual(proRataFirstFee(7500, '2026-12-03', 4), { pence: 2500, months: 4, ends: '2027-03-31' })
    assert.deepEqual(proRataFirstFee(7500, '2026-01-31', 1), { pence: 7500, months: 12, ends: '2026-12-31' })
    assert.deepEqual(proRataFirstFee(6000, '2026-06-15', 1), { pence: 3500, months: 7, ends: '2026-12-31' })
  })

  it('never charges more than the fee nor less than a month, and a year start month joiner pays it all', () => {
    const day = fc.date({ min: new Date('2024-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), day, fc.integer({ min: 1, max: 12 }), (fee, date, month) => {
        const { pence, months, ends } = proRataFirstFee(fee, date, month)
        assert.ok(months >= 1 && months <= 12)
        assert.ok(pence <= fee && pence >= Math.floor(fee / 12))
        assert.ok(ends >= date)
        if (Number(date.slice(5, 7)) === month) assert.equal(pence, fee)
      }),
    )
  })

  it('the joining term ends with the year of its invoice; a renewal is a whole year on', () => {
    const fixed = { mode: 'fixed' as const, yearStartMonth: 1 }
    assert.deepEqual(nextTerm(null, '2026-12-10', 'joining', fixed, '2026-12-03'), { starts: '2026-12-10', ends: '2026-12-31' })
    assert.deepEqual(nextTerm(null, '2027-01-10', 'joining', fixed, '2026-12-03'), { starts: '2027-01-10', ends: '2027-12-31' })
    assert.deepEqual(nextTerm('2026-12-31', '2026-12-20', 'renewal', fixed), { starts: '2027-01-01', ends: '2027-12-31' })
  })
})
