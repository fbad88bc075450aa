import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { requireUser } from '../../platform/http/guards.ts'
import { render } from '../../platform/http/render.ts'
import { getSetting } from '../../platform/settings.ts'
import { findMembership } from '../membership/service.ts'
import { findInvoice } from './service.ts'
import { InvoicePage } from './views/invoice.tsx'

const problems: Record<string, string> = {
  paypal_unavailable: 'We could not reach PayPal just now. Nothing has been charged. Please try again in a few minutes, or pay by cheque or BACS.',
  not_payable: 'This invoice has nothing left to pay.',
  busy: 'A payment for this invoice is already being set up. Please try again in a moment.',
}

export async function billingMemberRoutes(app: FastifyInstance, { db, viewContext, paypal }: AppDeps) {
  app.get<{ Params: { id: string }; Querystring: { problem?: string } }>('/account/invoices/:id', async (req, reply) => {
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
        cardPayments: paypal !== undefined,
        testPayments: paypal?.test ?? false,
        notice: problems[req.query.problem ?? ''],
      }),
    )
  })
}
