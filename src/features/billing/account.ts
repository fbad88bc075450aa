import type { Db } from '../../platform/db/database.ts'
import { formatMoney } from '../../platform/money.ts'
import type { MembershipStatus } from './rules.ts'
import { currentTerm, invoicesFor, statusOfMembership } from './service.ts'
import { invoiceStatusLabels } from './views/invoice.tsx'

export const membershipStatusLabels: Record<MembershipStatus, string> = {
  approved_unpaid: 'Approved: pay the invoice to activate your membership',
  active: 'Active',
  renewal_due: 'Active: renewal due',
  in_grace: 'In the grace period: please renew now',
  lapsed: 'Lapsed',
}

/** What Your account shows of a member's billing: the derived status, the term and the invoices. */
export async function membershipBilling(db: Db, userId: string) {
  const membership = await db.selectFrom('memberships').select('id').where('user_id', '=', userId).executeTakeFirst()
  if (!membership) return undefined
  const [status, term, invoices] = await Promise.all([statusOfMembership(db, membership.id), currentTerm(db, membership.id), invoicesFor(db, userId)])
  return {
    status,
    statusLabel: membershipStatusLabels[status],
    term,
    invoices: invoices.map((i) => ({
      id: i.id,
      number: i.number,
      total: formatMoney(i.totalPence),
      statusLabel: invoiceStatusLabels[i.status],
      payable: i.status === 'issued' || i.status === 'part_paid',
    })),
  }
}
