import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { confirmLink, nameEmployer } from './companies.ts'
import { addDays, toDateOnly } from './rules.ts'
import { issueJoiningInvoice, recordLedgerEntry } from './service.ts'

export const DEMO_COMPANY = 'Demo Case Management Ltd'

/**
 * Demo members in each state: active Case Manager, active Associate, a colleague, all at one demo company
 * with a confirmed link, so the approved member's open invoice (the one to try Pay with) shows the company
 * discount; and a lapsed member. Terms are back-dated by recording the payments on past dates.
 */
export async function seedDemoMembers(db: Db, config: Config, users: { approved: string; member: string; associate: string; lapsed: string; colleague?: string; contact?: string }) {
  const today = toDateOnly(new Date())
  for (const id of [users.member, users.associate, users.colleague, users.approved]) {
    if (!id) continue
    await nameEmployer(db, id, DEMO_COMPANY)
    await confirmLink(db, id, id)
  }
  const make = async (userId: string, grade: string, number: string) => {
    const m = await db.insertInto('memberships').values({ user_id: userId, number, grade, application_id: null }).returning('id').executeTakeFirstOrThrow()
    return issueJoiningInvoice(db, { id: m.id, userId, grade })
  }
  const pay = async (invoice: { id: string; total_pence: number }, receivedOn: string, ref: string) =>
    recordLedgerEntry(db, config, { invoiceId: invoice.id, kind: 'payment', method: 'bacs', amountPence: invoice.total_pence, receivedOn, externalRef: ref, payer: '', note: 'Demo', actorId: null })
  await pay(await make(users.member, 'case-manager', 'CM900002'), addDays(today, -120), 'DEMO-1')
  await pay(await make(users.associate, 'associate', 'CM900003'), addDays(today, -40), 'DEMO-2')
  if (users.colleague) await pay(await make(users.colleague, 'case-manager', 'CM900005'), addDays(today, -200), 'DEMO-4')
  await pay(await make(users.lapsed, 'case-manager', 'CM900004'), addDays(today, -500), 'DEMO-3')
  await make(users.approved, 'case-manager', 'CM900001')
  if (users.contact) await db.updateTable('companies').set({ contact_user_id: users.contact }).where('name', '=', DEMO_COMPANY).execute()
}
