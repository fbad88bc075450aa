import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { requirePermission } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { emptyForm, type FormState } from '../../platform/views/context.ts'
import { listCompanies } from './companies.ts'
import { bounceCombinedCheque, combinedPayments, findCompanyInvoice, payCompanyInvoice, setCompanyContact } from './company-invoices.ts'
import { ManualPayment } from './manual-payment.ts'
import { CompaniesPage } from './views/companies.tsx'
import { StaffCompanyInvoicePage } from './views/staff.tsx'
import { isUuid } from '../../platform/http/ids.ts'

type IdParams = { Params: { id: string }; Querystring: { notice?: string } }
const Contact = z.object({ email: z.string().min(1, 'Enter the email address of the contact’s account').max(254, 'Email address must be 254 characters or fewer') })

/** Staff name a company's contact and record cheques and transfers on its combined invoices. */
export async function companyAdminRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  app.post<{ Params: { id: string } }>('/companies/:id/contact', { config: { permission: 'members:edit' } }, async (req, reply) => {
    const user = requirePermission(req, 'members:edit')
    if (!isUuid(req.params.id)) throw new NotFound()
    // Each company's form names its field after the company, so an error shows on the right one.
    const field = `email-${req.params.id}`
    const form = parseForm(Contact, { email: (req.body as Record<string, unknown> | undefined)?.[field] })
    const result = form.ok ? await setCompanyContact(db, user.id, req.params.id, form.data.email) : undefined
    if (!result?.ok) {
      const errors = { [field]: result && !result.ok ? result.message : (form.errors.email ?? 'Enter an email address') }
      return render(reply, CompaniesPage({ ctx: await viewContext(req), companies: await listCompanies(db), form: { values: { [field]: form.values.email ?? '' }, errors } }), 400)
    }
    return seeOther(reply, '/admin/companies')
  })

  const page = async (req: FastifyRequest<IdParams>, form: FormState) => {
    const invoice = isUuid(req.params.id) ? await findCompanyInvoice(db, req.params.id) : undefined
    if (!invoice) throw new NotFound()
    return StaffCompanyInvoicePage({ ctx: await viewContext(req), invoice, payments: await combinedPayments(db, invoice), form, notice: req.query.notice })
  }

  app.get<IdParams>('/payments/company-invoices/:id', { config: { permission: 'payments:record' } }, async (req, reply) => render(reply, await page(req, emptyForm)))

  app.post<IdParams>('/payments/company-invoices/:id', { config: { permission: 'payments:record' } }, async (req, reply) => {
    const user = requirePermission(req, 'payments:record')
    const form = parseForm(ManualPayment, req.body as Record<string, unknown>)
    if (!form.ok) return render(reply, await page(req, form), 400)
    const { recorded } = await payCompanyInvoice(db, config, req.params.id, { method: form.data.method, amountPence: form.data.pence, receivedOn: form.data.receivedOn, externalRef: form.data.ref, payer: form.data.payer, note: '', actorId: user.id })
    return seeOther(reply, `/admin/payments/company-invoices/${req.params.id}?notice=${recorded > 0 ? 'recorded' : 'duplicate'}`)
  })

  app.post<IdParams>('/payments/company-invoices/:id/bounced', { config: { permission: 'payments:record' } }, async (req, reply) => {
    const user = requirePermission(req, 'payments:record')
    if (!isUuid(req.params.id)) throw new NotFound()
    const ref = String((req.body as Record<string, unknown> | undefined)?.ref ?? '').slice(0, 100)
    await bounceCombinedCheque(db, config, req.params.id, ref, user.id)
    return seeOther(reply, `/admin/payments/company-invoices/${req.params.id}?notice=reversed`)
  })
}
