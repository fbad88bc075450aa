import { createHash } from 'node:crypto'
import { parsePounds } from '../../platform/money.ts'

export type BankLine = { lineNo: number; date: string; description: string; amountPence: number; fingerprint: string }
export type BankCsv = { lines: BankLine[]; errors: { lineNo: number; message: string }[]; skippedDebits: number }

/** Splits one CSV record, honouring double quotes ("a, b" and "" inside quotes). */
function fields(line: string): string[] {
  const out: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"'
        i++
      } else if (c === '"') quoted = false
      else current += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      out.push(current)
      current = ''
    } else current += c
  }
  out.push(current)
  return out.map((f) => f.trim())
}

function isoDate(raw: string): string | null {
  let y: number
  let m: number
  let d: number
  const iso = raw.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  const uk = raw.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/)
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])]
  else return null
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null
}

/**
 * A bank statement export: date, description, amount (credits positive). A header row is skipped; a line
 * that cannot be read is reported by its line number and the rest still count. Each line gets a fingerprint
 * (its content and how many identical lines came before it), so importing the same file twice adds nothing.
 */
export function parseBankCsv(text: string): BankCsv {
  const result: BankCsv = { lines: [], errors: [], skippedDebits: 0 }
  const seen = new Map<string, number>()
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  for (const [index, row] of rows.entries()) {
    const lineNo = index + 1
    if (row.trim() === '') continue
    const [date = '', description = '', amount = '', ...rest] = fields(row)
    if (lineNo === 1 && /date/i.test(date) && /amount/i.test(`${amount} ${rest.join(' ')}`)) continue
    const iso = isoDate(date)
    const negative = /^-|^\(.*\)$/.test(amount)
    const pence = parsePounds(amount.replace(/^[-(]|\)$/g, ''))
    const problem = !iso
      ? `the date ‘${date}’ is not a date like 2026-12-03 or 03/12/2026`
      : pence === null
        ? `the amount ‘${amount}’ is not an amount like 75.00`
        : description === ''
          ? 'the description is empty'
          : undefined
    if (problem || !iso || pence === null) {
      result.errors.push({ lineNo, message: `Line ${lineNo}: ${problem}` })
      continue
    }
    if (negative || pence === 0) {
      result.skippedDebits++
      continue
    }
    const key = `${iso}|${description}|${pence}`
    const occurrence = (seen.get(key) ?? 0) + 1
    seen.set(key, occurrence)
    result.lines.push({ lineNo, date: iso, description, amountPence: pence, fingerprint: createHash('sha256').update(`${key}|${occurrence}`).digest('hex').slice(0, 32) })
  }
  return result
}
