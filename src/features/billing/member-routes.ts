import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { requireUser } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { sendMessage } from '../../platform/mail/compose.ts'
import { formatMoney } from '../../platform/money.ts'
import { getSetting } from '../../platform/settings.ts'
import { findMembership } from '../membership/service.ts'
import { cardPaymentProblems } from './card-payments.ts'
import { nameEmployer } from './companies.ts'
import { combinedInvoiceCovering } from './company-invoices.ts'
import { invoicePdf } from './pdf.ts'
import { findInvoice } from './service.ts'
import { EmployerPage } from './views/companies.tsx'
import { InvoicePage } from './views/invoice.tsx'
import { isUuid } from '../../platform/http/ids.ts'

const problems: Record<string, string> = {
  ...cardPaymentProblems,
  'bank-details-sent': 'We have emailed you the bank details and the reference to quote.',
}

const Employer = z.object({ company: z.string().min(2, 'Enter the name of the company you work for').max(150, 'The name must be 150 characters or fewer') })

export async function billingMemberRoutes(app: FastifyInstance, { db, config, viewContext, paypal }: AppDeps) {
  const currentEmployer = async (userId: string) => {
    const row = await db.selectFrom('company_links as l').innerJoin('companies as c', 'c.id', 'l.company_id').select(['c.name', 'l.confirmed_at']).where('l.user_id', '=', userId).executeTakeFirst()
    return row && { name: row.name, confirmed: row.confirmed_at !== null }
  }

  app.get('/account/employer', async (req, reply) => {
    const user = requireUser(req)
    return render(reply, EmployerPage({ ctx: await viewContext(req), form: { values: {}, errors: {} }, current: await currentEmployer(user.id) }))
  })

  app.post('/account/employer', async (req, reply) => {
    const user = requireUser(req)
    const form = parseForm(Employer, req.body as Record<string, unknown>)
    if (!form.ok) return render(reply, EmployerPage({ ctx: await viewContext(req), form, current: await currentEmployer(user.id) }), 400)
    await nameEmployer(db, user.id, form.data.company)
    return seeOther(reply, '/account/employer')
  })

  app.get<{ Params: { id: string } }>('/account/invoices/:id/pdf', async (req, reply) => {
    const user = requireUser(req)
    if (!isUuid(req.params.id)) throw new NotFound()
    const found = await findInvoice(db, req.params.id)
    if (!found || found.userId !== user.id) throw new NotFound()
    const [membership, society, billing] = await Promise.all([findMembership(db, user.id), getSetting(db, 'society'), getSetting(db, 'billing')])
    const pdf = await invoicePdf({ invoice: found.view, member: { name: user.name, email: user.email, membershipNumber: membership?.number ?? '' }, society, bank: billing.bank })
    const paid = found.view.status === 'paid' || found.view.status === 'overpaid'
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${paid ? 'receipt' : 'invoice'}-${found.view.number}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf)
  })

  /** The FAQ's "please email and request the appropriate information" for BACS, as a button. */
  app.post<{ Params: { id: string } }>('/account/invoices/:id/bank-details', { config: { rateLimit: { max: 5, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const user = requireUser(req)
    if (!isUuid(req.params.id)) throw new NotFound()
    const found = await findInvoice(db, req.params.id)
    if (!found || found.userId !== user.id) throw new NotFound()
    const billing = await getSetting(db, 'billing')
    await sendMessage(db, config, {
      to: user.email,
      template: 'bank-details',
      subject: `How to pay invoice ${found.view.number} by bank transfer`,
      greeting: `Dear ${user.name},`,
      paragraphs: [
        `To pay ${formatMoney(found.view.totalPence - found.view.paidPence)} by BACS, please transfer it to:`,
        `Account name: ${billing.bank.accountName}\nBank: ${billing.bank.bankName}\nSort code: ${billing.bank.sortCode}\nAccount number: ${billing.bank.accountNumber}\nReference: ${found.view.reference}`,
        'Quote the reference exactly, so we can match your payment. It can take a few working days to show in your account.',
      ],
      action: { label: 'See your invoice', url: `${config.publicBaseUrl}/account/invoices/${found.view.id}` },
    })
    return seeOther(reply, `/account/invoices/${found.view.id}?problem=bank-details-sent`)
  })

  app.get<{ Params: { id: string }; Querystring: { problem?: string } }>('/account/invoices/:id', async (req, reply) => {
    const user = requireUser(req)
    if (!isUuid(req.params.id)) throw new NotFound()
    const found = await findInvoice(db, req.params.id)
    if (!found || found.userId !== user.id) throw new NotFound()
    const [membership, society, billing, combined] = await Promise.all([findMembership(db, user.id), getSetting(db, 'society'), getSetting(db, 'billing'), combinedInvoiceCovering(db, req.params.id)])
    const open = found.view.status === 'issued' || found.view.status === 'part_paid'
    const employerNotice = combined && open ? `${combined.companyName} is paying this invoice with its combined invoice ${combined.number}, so you do not need to pay it yourself.` : undefined
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
        notice: problems[req.query.problem ?? ''] ?? employerNotice,
      }),
    )
  })
}
