import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { formatMoney, parsePounds, penceToDecimal } from './money.ts'

describe('money', () => {
  it('shows pence as pounds', () => {
    assert.equal(formatMoney(7500), '£75.00')
    assert.equal(formatMoney(4800), '£48.00')
    assert.equal(formatMoney(1), '£0.01')
    assert.equal(formatMoney(7500, { wholePounds: true }), '£75')
    assert.equal(formatMoney(7550, { wholePounds: true }), '£75.50')
    assert.equal(formatMoney(123456789), '£1,234,567.89')
  })

  it('refuses fractions of a penny', () => {
    assert.throws(() => formatMoney(10.5), TypeError)
    assert.throws(() => penceToDecimal(0.1), TypeError)
  })

  it('turns pence into the decimal string PayPal wants, without floating point', () => {
    assert.equal(penceToDecimal(6000), '60.00')
    assert.equal(penceToDecimal(5), '0.05')
    assert.equal(penceToDecimal(-250), '-2.50')
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (pence) => {
        const decimal = penceToDecimal(pence)
        assert.match(decimal, /^-?\d+\.\d{2}$/)
        const [pounds, pennies] = decimal.replace('-', '').split('.')
        assert.equal((Number(pounds) * 100 + Number(pennies)) * (decimal.startsWith('-') ? -1 : 1), pence)
      }),
    )
  })
})

describe('parsePounds', () => {
  it('reads amounts as people type them', () => {
    assert.equal(parsePounds('£60.00'), 6000)
    assert.equal(parsePounds('60'), 6000)
    assert.equal(parsePounds('1,234.5'), 123450)
    assert.equal(parsePounds('0.05'), 5)
    assert.equal(parsePounds('60.005'), null)
    assert.equal(parsePounds('-5'), null)
    assert.equal(parsePounds('sixty'), null)
  })
})
