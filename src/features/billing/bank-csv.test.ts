import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseBankCsv } from './bank-csv.ts'

describe('bank statement CSV', () => {
  it('reads dates, descriptions with commas, and amounts; skips the header and debits', () => {
    const csv = 'Date,Description,Amount\n2026-12-01,"SMITH A, CM-26-01001",75.00\n02/12/2026,BANK CHARGE,-5.00\n03/12/2026,JONES CM-26-01002,£48.00\n'
    const result = parseBankCsv(csv)
    assert.deepEqual(
      result.lines.map((l) => [l.lineNo, l.date, l.description, l.amountPence]),
      [
        [2, '2026-12-01', 'SMITH A, CM-26-01001', 7500],
        [4, '2026-12-03', 'JONES CM-26-01002', 4800],
      ],
    )
    assert.equal(result.skippedDebits, 1)
    assert.deepEqual(result.errors, [])
  })

  it('reports malformed lines by number and keeps the rest', () => {
    const result = parseBankCsv('2026-13-01,X,10.00\n2026-12-01,Y,ten\n2026-12-01,,10.00\n2026-12-02,OK,10.00')
    assert.deepEqual(result.errors.map((e) => e.lineNo), [1, 2, 3])
    assert.match(result.errors[0]!.message, /Line 1: the date ‘2026-13-01’ is not a date/)
    assert.equal(result.lines.length, 1)
  })

  it('gives identical lines different fingerprints, and the same file the same fingerprints', () => {
    const csv = '2026-12-01,PAYMENT,60.00\n2026-12-01,PAYMENT,60.00'
    const a = parseBankCsv(csv).lines.map((l) => l.fingerprint)
    assert.notEqual(a[0], a[1])
    assert.deepEqual(parseBankCsv(csv).lines.map((l) => l.fingerprint), a)
  })
})
