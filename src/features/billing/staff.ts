import type { Db } from '../../platform/db/database.ts'

/** Staff search for payments: by membership number, name, email or invoice reference. */
export async function searchInvoices(db: Db, query: string) {
  const q = query.trim()
  if (q.length < 2) return []
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return db
    .selectFrom('invoices as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('memberships as m', 'm.id', 'i.membership_id')
    .select(['i.id', 'i.number', 'i.reference', 'i.total_pence', 'i.issued_at', 'u.name', 'u.email', 'm.number as membershipNumber'])
    .where((eb) => eb.or([eb('m.number', 'ilike', q), eb('i.reference', 'ilike', q), eb('i.number', 'ilike', q), eb('u.name', 'ilike', like), eb('u.email', 'ilike', like)]))
    .orderBy('i.issued_at', 'desc')
    .limit(50)
    .execute()
}

/** Combined company invoices by number, reference or company name, for the same search. */
export async function searchCompanyInvoices(db: Db, query: string) {
  const q = query.trim()
  if (q.length < 2) return []
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return db
    .selectFrom('company_invoices as c')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .select(['c.id', 'c.number', 'c.reference', 'c.total_pence', 'co.name as companyName'])
    .where((eb) => eb.or([eb('c.reference', 'ilike', q), eb('c.number', 'ilike', q), eb('co.name', 'ilike', like)]))
    .where('c.voided_at', 'is', null)
    .orderBy('c.issued_at', 'desc')
    .limit(20)
    .execute()
}
