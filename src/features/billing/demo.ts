import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { addDays, toDateOnly } from './rules.ts'
import { issueJoiningInvoice, recordLedgerEntry } from './service.ts'

/**
 * Demo members in each state: approved with an open invoice (to try Pay), active Case Manager, active
 * Associate, and lapsed. Terms are back-dated by recording the payments on past dates.
 */
export async function seedDemoMembers(db: Db, config: Config, users: { approved: string; member: string; associate: string; lapsed: string }) {
  const today = toDateOnly(new Date())
  const make = async (userId: string, grade: string, number: string) => {
    const m = await db.insertInto('memberships').values({ user_id: userId, number, grade, application_id: null }).returning('id').executeTakeFirstOrThrow()
    return issueJoiningInvoice(db, { id: m.id, userId, grade })
  }
  await make(users.approved, 'case-manager', 'CM900001')
  const pay = async (invoice: { id: string; total_pence: number }, receivedOn: string, ref: string) =>
    recordLedgerEntry(db, config, { invoiceId: invoice.id, kind: 'payment', method: 'bacs', amountPence: invoice.total_pence, receivedOn, externalRef: ref, payer: '', note: 'Demo', actorId: null })
  await pay(await make(users.member, 'case-manager', 'CM900002'), addDays(today, -120), 'DEMO-1')
  await pay(await make(users.associate, 'associate', 'CM900003'), addDays(today, -40), 'DEMO-2')
  await pay(await make(users.lapsed, 'case-manager', 'CM900004'), addDays(today, -500), 'DEMO-3')
}
