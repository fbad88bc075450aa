import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { Conflict, NotFound } from '../../platform/http/errors.ts'
import { requireUser } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { getSetting } from '../../platform/settings.ts'
import { cardPaymentProblems, startCardPayment } from './card-payments.ts'
import { combinedInvoicePdf } from './pdf.ts'
import { NOTHING_TO_PAY, cancelCompanyInvoice, companiesContactedBy, companyInvoicesFor, createCompanyInvoice, findCompanyInvoice, payableMemberInvoices } from './company-invoices.ts'
import { CompanyInvoicePage, CompanyPaymentsPage } from './views/company-invoices.tsx'
import { isUuid } from '../../platform/http/ids.ts'

type IdParams = { Params: { id: string }; Querystring: { notice?: string; problem?: string } }

const problems: Record<string, string> = { ...cardPaymentProblems, nothing_to_pay: NOTHING_TO_PAY }

/** A company's contact pays its members' memberships with one combined invoice (issue 5, item 7). */
export async function companyPaymentRoutes(app: FastifyInstance, { db, config, viewContext, paypal }: AppDeps) {
  /** The combined invoice, if the signed-in person is its company's contact; otherwise nobody learns it exists. */
  const ownInvoice = async (userId: string, id: string) => {
    const invoice = isUuid(id) ? await findCompanyInvoice(db, id) : undefined
    if (!invoice || invoice.companyContactId !== userId) throw new NotFound()
    return invoice
  }

  app.get<{ Querystring: { problem?: string } }>('/account/company', async (req, reply) => {
    const user = requireUser(req)
    const companies = await companiesContactedBy(db, user.id)
    if (companies.length === 0) throw new NotFound()
    const withInvoices = await Promise.all(companies.map(async (c) => ({ ...c, payable: await payableMemberInvoices(db, c.id), invoices: await companyInvoicesFor(db, c.id) })))
    return render(reply, CompanyPaymentsPage({ ctx: await viewContext(req), companies: withInvoices, notice: problems[req.query.problem ?? ''] }))
  })

  app.post<{ Params: { companyId: string } }>('/account/company/:companyId/invoices', async (req, reply) => {
    const user = requireUser(req)
    const companies = await companiesContactedBy(db, user.id)
    if (!companies.some((c) => c.id === req.params.companyId)) throw new NotFound()
    try {
      return seeOther(reply, `/account/company/invoices/${await createCompanyInvoice(db, user.id, req.params.companyId)}`)
    } catch (error) {
      if (error instanceof Conflict) return seeOther(reply, `/account/company?problem=${error.id}`)
      throw error
    }
  })

  app.get<IdParams>('/account/company/invoices/:id', async (req, reply) => {
    const user = requireUser(req)
    const invoice = await ownInvoice(user.id, req.params.id)
    const [society, billing] = await Promise.all([getSetting(db, 'society'), getSetting(db, 'billing')])
    return render(
      reply,
      CompanyInvoicePage({
        ctx: await viewContext(req),
        invoice,
        payee: society.chequePayee,
        postalAddress: society.postalAddress,
        bank: billing.bank,
        cardPayments: Boolean(paypal),
        testPayments: paypal?.test ?? false,
        notice: req.query.notice === 'paid' ? 'paid' : problems[req.query.problem ?? ''],
      }),
    )
  })

  app.get<IdParams>('/account/company/invoices/:id/pdf', async (req, reply) => {
    const user = requireUser(req)
    const invoice = await ownInvoice(user.id, req.params.id)
    const [society, billing] = await Promise.all([getSetting(db, 'society'), getSetting(db, 'billing')])
    const pdf = await combinedInvoicePdf({ invoice, contact: { name: user.name, email: user.email }, society, bank: billing.bank })
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${invoice.number}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf)
  })

  app.post<IdParams>('/account/company/invoices/:id/pay', { config: { rateLimit: { max: 20, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const user = requireUser(req)
    const invoice = await ownInvoice(user.id, req.params.id)
    if (!paypal) throw new NotFound()
    try {
      return reply.redirect(await startCardPayment(db, config, paypal, { kind: 'company', id: invoice.id }), 303)
    } catch (error) {
      if (error instanceof Conflict) return seeOther(reply, `/account/company/invoices/${invoice.id}?problem=${encodeURIComponent(error.id)}`)
      throw error
    }
  })

  app.post<IdParams>('/account/company/invoices/:id/cancel', async (req, reply) => {
    const user = requireUser(req)
    const invoice = await ownInvoice(user.id, req.params.id)
    await cancelCompanyInvoice(db, user.id, invoice.id)
    return seeOther(reply, '/account/company')
  })
}
