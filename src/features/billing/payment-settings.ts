import { z } from 'zod'
import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { parsePounds, penceToDecimal } from '../../platform/money.ts'
import { forgetSettings, getSetting, type Settings, saveSetting } from '../../platform/settings.ts'
import { type Grade, listGrades, setGradeFee } from '../membership/service.ts'

const whole = (label: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, `Enter ${label} as a whole number of days`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label[0]!.toUpperCase()}${label.slice(1)} must be between ${min} and ${max} days`)

/** The fee table and how members pay: staff-editable (issue 5), used by every invoice issued afterwards. */
export const PaymentSettingsForm = z.object({
  vatTreatment: z.enum(['exempt', 'standard'], { message: 'Select how VAT applies to subscriptions' }),
  termMode: z.enum(['anniversary', 'fixed'], { message: 'Select how the membership term runs' }),
  yearStartMonth: z.string().regex(/^(?:[1-9]|1[0-2])$/, 'Select the month the membership year starts').transform(Number),
  payWithinDays: whole('the time to pay an invoice', 7, 365),
  renewalNoticeDays: whole('the renewal notice', 7, 90),
  graceDays: whole('the grace period', 0, 90),
  accountName: z.string().min(1, 'Enter the bank account name').max(100, 'Account name must be 100 characters or fewer'),
  bankName: z.string().min(1, 'Enter the name of the bank').max(100, 'Bank name must be 100 characters or fewer'),
  sortCode: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .refine((v) => /^\d{6}$/.test(v), 'Enter a sort code of 6 numbers, like 30-99-50')
    .transform((v) => `${v.slice(0, 2)}-${v.slice(2, 4)}-${v.slice(4)}`),
  accountNumber: z
    .string()
    .transform((v) => v.replace(/\s/g, ''))
    .refine((v) => /^\d{8}$/.test(v), 'Enter an account number of 8 numbers'),
  chequePayee: z.string().min(1, 'Enter who cheques are made payable to').max(100, 'The payee must be 100 characters or fewer'),
  postalAddress: z.string().min(1, 'Enter the address cheques are posted to').max(300, 'The address must be 300 characters or fewer'),
})

export type PaymentSettingsInput = z.output<typeof PaymentSettingsForm>

export const feeField = (code: string) => `fee-${code}`

/** The form's answers as stored now: fees in pounds, settings as typed. */
export async function paymentSettingsValues(db: Db): Promise<{ values: Record<string, string>; grades: Grade[] }> {
  const [grades, billing, society] = await Promise.all([listGrades(db), getSetting(db, 'billing'), getSetting(db, 'society')])
  const values: Record<string, string> = {
    vatTreatment: billing.vatTreatment,
    termMode: billing.termMode,
    yearStartMonth: String(billing.yearStartMonth),
    payWithinDays: String(billing.payWithinDays),
    renewalNoticeDays: String(billing.renewalNoticeDays),
    graceDays: String(billing.graceDays),
    ...billing.bank,
    chequePayee: society.chequePayee,
    postalAddress: society.postalAddress,
  }
  for (const g of grades) values[feeField(g.code)] = penceToDecimal(g.feePence)
  return { values, grades }
}

/** Fees for each grade from the posted form, or a message for each one that is not an amount. */
export function parseFees(grades: Grade[], body: Record<string, string>): { fees: Map<string, number>; errors: Record<string, string> } {
  const fees = new Map<string, number>()
  const errors: Record<string, string> = {}
  for (const g of grades) {
    const pence = parsePounds(body[feeField(g.code)] ?? '')
    if (pence === null || pence > 1_000_000) errors[feeField(g.code)] = `Enter the ${g.name} fee in pounds and pence, like 75.00`
    else fees.set(g.code, pence)
  }
  return { fees, errors }
}

export async function savePaymentSettings(db: Db, actorId: string, fees: Map<string, number>, input: PaymentSettingsInput) {
  await db.transaction().execute(async (trx) => {
    const [billing, society, grades] = await Promise.all([getSetting(trx, 'billing'), getSetting(trx, 'society'), listGrades(trx)])
    const next: Settings['billing'] = {
      ...billing,
      vatTreatment: input.vatTreatment,
      termMode: input.termMode,
      yearStartMonth: input.yearStartMonth,
      payWithinDays: input.payWithinDays,
      renewalNoticeDays: input.renewalNoticeDays,
      graceDays: input.graceDays,
      bank: { accountName: input.accountName, bankName: input.bankName, sortCode: input.sortCode, accountNumber: input.accountNumber },
    }
    await saveSetting(trx, 'billing', next)
    await saveSetting(trx, 'society', { ...society, chequePayee: input.chequePayee, postalAddress: input.postalAddress })
    const feeChanges: Record<string, string> = {}
    for (const g of grades) {
      const pence = fees.get(g.code)
      if (pence === undefined || pence === g.feePence) continue
      await setGradeFee(trx, g.code, pence)
      feeChanges[g.code] = `${penceToDecimal(g.feePence)} → ${penceToDecimal(pence)}`
    }
    await audit(trx, { action: 'settings_changed', actorId, detail: { fees: feeChanges, billing: Object.keys(next).filter((k) => JSON.stringify(next[k as keyof typeof next]) !== JSON.stringify(billing[k as keyof typeof billing])) } })
  })
  forgetSettings()
}
