const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const gbpWhole = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 })

/** Money is integer pence everywhere; this is the only place it becomes pounds for people. */
export function formatMoney(pence: number, options: { wholePounds?: boolean } = {}) {
  if (!Number.isInteger(pence)) throw new TypeError(`Money must be whole pence, got ${pence}`)
  if (options.wholePounds && pence % 100 === 0) return gbpWhole.format(pence / 100)
  return gbp.format(pence / 100)
}

/** Pence as the decimal string payment providers want, without floating point: 6000 → "60.00". */
export function penceToDecimal(pence: number) {
  if (!Number.isInteger(pence)) throw new TypeError(`Money must be whole pence, got ${pence}`)
  const sign = pence < 0 ? '-' : ''
  const abs = Math.abs(pence)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** "£1,234.5", "60" or "48.00" → pence, without floating point; null when it is not an amount of money. */
export function parsePounds(input: string): number | null {
  const clean = input.trim().replace(/^£/, '').replace(/,/g, '')
  const match = clean.match(/^(\d{1,7})(?:\.(\d{1,2}))?$/)
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}
