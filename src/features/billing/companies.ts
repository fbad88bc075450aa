import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { getSetting } from '../../platform/settings.ts'
import { hasBenefits } from './rules.ts'
import { statusOfMembership } from './service.ts'

/** A member names their employer; the link counts for the discount only once staff confirm it (rule 2). */
export async function nameEmployer(db: Db, userId: string, companyName: string) {
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('companies').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', companyName.toLowerCase())).executeTakeFirst()
    const companyId = existing?.id ?? (await trx.insertInto('companies').values({ name: companyName }).returning('id').executeTakeFirstOrThrow()).id
    await trx
      .insertInto('company_links')
      .values({ user_id: userId, company_id: companyId, confirmed_by: null, confirmed_at: null })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ company_id: companyId, confirmed_by: null, confirmed_at: null }))
      .execute()
  })
}

export async function confirmLink(db: Db, actorId: string, userId: string) {
  const link = await db.updateTable('company_links').set({ confirmed_by: actorId, confirmed_at: new Date() }).where('user_id', '=', userId).returning('company_id').executeTakeFirst()
  if (link) await audit(db, { action: 'company_link_confirmed', actorId, subjectId: userId, detail: { companyId: link.company_id } })
}

/** Confirmed members who are active or approved with an invoice to pay: the ones that count towards the discount. */
export async function countingMembers(db: Db, companyId: string, including?: string) {
  const links = await db
    .selectFrom('company_links as l')
    .innerJoin('memberships as m', 'm.user_id', 'l.user_id')
    .select(['l.user_id', 'm.id as membershipId'])
    .where('l.company_id', '=', companyId)
    .where('l.confirmed_at', 'is not', null)
    .execute()
  let count = 0
  for (const link of links) {
    if (link.user_id === including) {
      count++
      continue
    }
    const status = await statusOfMembership(db, link.membershipId)
    const invoiced = status === 'approved_unpaid' && (await db.selectFrom('invoices').select('id').where('membership_id', '=', link.membershipId).where('voided_at', 'is', null).executeTakeFirst()) !== undefined
    if (hasBenefits(status) || invoiced) count++
  }
  return count
}

/** The discount for an invoice being issued to this member now, if their confirmed company qualifies. */
export async function companyDiscountFor(db: Db, userId: string): Promise<{ percent: number; companyName: string } | undefined> {
  const link = await db
    .selectFrom('company_links as l')
    .innerJoin('companies as c', 'c.id', 'l.company_id')
    .select(['c.id', 'c.name'])
    .where('l.user_id', '=', userId)
    .where('l.confirmed_at', 'is not', null)
    .executeTakeFirst()
  if (!link) return undefined
  const rule = await getSetting(db, 'company_discount')
  return (await countingMembers(db, link.id, userId)) >= rule.minMembers ? { percent: rule.percent, companyName: link.name } : undefined
}

export async function listCompanies(db: Db) {
  const companies = await db
    .selectFrom('companies as c')
    .leftJoin('users as u', 'u.id', 'c.contact_user_id')
    .select(['c.id', 'c.name', 'u.name as contactName', 'u.email as contactEmail'])
    .orderBy('c.name')
    .execute()
  const rule = await getSetting(db, 'company_discount')
  return Promise.all(
    companies.map(async (c) => {
      const members = await db
        .selectFrom('company_links as l')
        .innerJoin('users as u', 'u.id', 'l.user_id')
        .select(['u.id', 'u.name', 'u.email', 'l.confirmed_at'])
        .where('l.company_id', '=', c.id)
        .orderBy('u.name')
        .execute()
      const counting = await countingMembers(db, c.id)
      const combinedInvoices = await db.selectFrom('company_invoices').select(['id', 'number', 'total_pence', 'voided_at']).where('company_id', '=', c.id).orderBy('issued_at', 'desc').limit(10).execute()
      return { ...c, members, counting, qualifies: counting >= rule.minMembers, minMembers: rule.minMembers, combinedInvoices }
    }),
  )
}
