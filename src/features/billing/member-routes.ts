import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { requireUser } from '../../platform/http/guards.ts'
import { render } from '../../platform/http/render.ts'
import { getSetting } from '../../platform/settings.ts'
import { findMembership } from '../membership/service.ts'
import { findInvoice } from './service.ts'
import { InvoicePage } from './views/invoice.tsx'

/** Card payments arrive with the PayPal provider; until then the invoice offers cheque and BACS. */
export const CARD_PAYMENTS_AVAILABLE = false

export async function billingMemberRoutes(app: FastifyInstance, { db, viewContext }: AppDeps) {
  app.get<{ Params: { id: string } }>('/account/invoices/:id', async (req, reply) => {
    const user = requireUser(req)
    if (!/^[0-9a-f-]{36}$/.test(req.params.id)) throw new NotFound()
    const found = await findInvoice(db, req.params.id)
    if (!found || found.userId !== user.id) throw new NotFound()
    const [membership, society, billing] = await Promise.all([findMembership(db, user.id), getSetting(db, 'society'), getSetting(db, 'billing')])
    return render(
      reply,
      InvoicePage({
        ctx: await viewContext(req),
        invoice: found.view,
        member: { name: user.name, membershipNumber: membership?.number ?? '' },
        payee: society.chequePayee,
        postalAddress: society.postalAddress,
        bank: billing.bank,
        cardPayments: CARD_PAYMENTS_AVAILABLE,
      }),
    )
  })
}
