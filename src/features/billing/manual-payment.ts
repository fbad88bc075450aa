import { z } from 'zod'
import { parsePounds } from '../../platform/money.ts'
import { realDate } from '../applications/forms.ts'

/** A cheque or transfer staff have received: method, date, amount and its reference. */
export const ManualPayment = z
  .object({
    method: z.enum(['cheque', 'bacs'], { message: 'Select how it was paid' }),
    amount: z.string().min(1, 'Enter the amount received, like 60.00'),
    ref: z.string().min(1, 'Enter the cheque number or the bank reference').max(100, 'The reference must be 100 characters or fewer'),
    payer: z.string().max(100, 'Paid by must be 100 characters or fewer'),
    'received-day': z.string(),
    'received-month': z.string(),
    'received-year': z.string(),
  })
  .transform((v, ctx) => {
    const pence = parsePounds(v.amount)
    if (pence === null || pence === 0) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter the amount in pounds and pence, like 60.00' })
    const received = realDate(v['received-day'], v['received-month'], v['received-year'])
    if (!received || received > new Date()) ctx.addIssue({ code: 'custom', path: ['received'], message: 'Enter the date it was received, like 3 12 2026; it cannot be in the future' })
    if (pence === null || pence === 0 || !received || received > new Date()) return z.NEVER
    return { method: v.method, pence, ref: v.ref, payer: v.payer, receivedOn: received.toISOString().slice(0, 10) }
  })

