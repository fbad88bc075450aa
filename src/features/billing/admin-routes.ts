import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { Conflict, NotFound } from '../../platform/http/errors.ts'
import { parseForm } from '../../platform/http/forms.ts'
import { requirePermission } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { parsePounds, penceToDecimal } from '../../platform/money.ts'
import type { FormState } from '../../platform/views/context.ts'
import { importBankStatement, unmatchedLines } from './bank-import.ts'
import { confirmLink, listCompanies } from './companies.ts'
import { refundPayment } from './refunds.ts'
import { csvCell, listInvoices, paymentsBetween, paymentsToCheck } from './reports.ts'
import { ManualPayment } from './manual-payment.ts'
import { findInvoice, recordLedgerEntry } from './service.ts'
import { searchCompanyInvoices, searchInvoices } from './staff.ts'
import { BankPage } from './views/bank.tsx'
import { CompaniesPage } from './views/companies.tsx'
import { InvoicesPage, PaymentsReportPage, ToCheckPage } from './views/reports.tsx'
import { PaymentsSearchPage, StaffInvoicePage } from './views/staff.tsx'
import { isUuid } from '../../platform/http/ids.ts'

const permission = { config: { permission: 'payments:record' as const } }

type Params = { Params: { id: string; entryId?: string }; Querystring: { notice?: string } }

/** Registered inside the back office, so every route here has passed backOfficeGuard. */
export async function billingAdminRoutes(app: FastifyInstance, { db, config, viewContext, paypal }: AppDeps) {
  app.get<{ Querystring: { q?: string } }>('/payments', permission, async (req, reply) => {
    const query = (req.query.q ?? '').slice(0, 100)
    const [results, combined] = await Promise.all([searchInvoices(db, query), searchCompanyInvoices(db, query)])
    return render(reply, PaymentsSearchPage({ ctx: await viewContext(req), query, results, combined }))
  })

  const invoicePage = async (req: FastifyRequest<Params>, reply: FastifyReply, form: FormState, status = 200) => {
    if (!isUuid(req.params.id)) throw new NotFound()
    const found = await findInvoice(db, req.params.id)
    if (!found) throw new NotFound()
    const [member, ledger] = await Promise.all([
      db.selectFrom('users as u').innerJoin('memberships as m', 'm.user_id', 'u.id').select(['u.name', 'm.number as membershipNumber']).where('u.id', '=', found.userId).executeTakeFirstOrThrow(),
      db.selectFrom('ledger_entries').select(['id', 'kind', 'method', 'amount_pence', 'received_on', 'external_ref']).where('invoice_id', '=', req.params.id).orderBy('created_at').execute(),
    ])
    return render(
      reply,
      StaffInvoicePage({
        ctx: await viewContext(req),
        invoice: found.view,
        member,
        form,
        notice: req.query.notice,
        ledger: ledger.map((e) => ({ id: e.id, kind: e.kind, method: e.method, amountPence: e.amount_pence, receivedOn: e.received_on.toISOString().slice(0, 10), externalRef: e.external_ref })),
      }),
      status,
    )
  }

  app.get<{ Querystring: { status?: string } }>('/invoices', permission, async (req, reply) => {
    const filter = (['open', 'paid', 'overdue'] as const).find((f) => f === req.query.status) ?? 'open'
    return render(reply, InvoicesPage({ ctx: await viewContext(req), filter, rows: await listInvoices(db, filter) }))
  })

  const period = (q: { from?: string; to?: string }) => {
    const valid = (d?: string) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) ? d : undefined)
    const to = valid(q.to) ?? new Date().toISOString().slice(0, 10)
    const from = valid(q.from) ?? `${to.slice(0, 7)}-01`
    return { from, to }
  }

  app.get<{ Querystring: { from?: string; to?: string } }>('/payments/report', permission, async (req, reply) => {
    const { from, to } = period(req.query)
    return render(reply, PaymentsReportPage({ ctx: await viewContext(req), from, to, ...(await paymentsBetween(db, from, to)) }))
  })

  app.get<{ Querystring: { from?: string; to?: string } }>('/payments/report.csv', { config: { permission: 'members:export' } }, async (req, reply) => {
    const { from, to } = period(req.query)
    const { rows } = await paymentsBetween(db, from, to)
    const lines = [['received_on', 'member', 'invoice', 'reference', 'kind', 'method', 'amount_gbp', 'external_reference'].join(',')]
    for (const r of rows) lines.push([r.receivedOn, r.name, r.invoice, r.reference, r.kind, r.method, penceToDecimal(r.amount_pence), r.external_ref ?? ''].map(csvCell).join(','))
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="payments-${from}-to-${to}.csv"`)
      .header('cache-control', 'no-store')
      .send(`${lines.join('\n')}\n`)
  })

  app.get('/payments/to-check', permission, async (req, reply) => render(reply, ToCheckPage({ ctx: await viewContext(req), ...(await paymentsToCheck(db)) })))

  app.get('/companies', { config: { permission: 'members:edit' } }, async (req, reply) => render(reply, CompaniesPage({ ctx: await viewContext(req), companies: await listCompanies(db) })))

  app.post<{ Params: { userId: string } }>('/companies/links/:userId/confirm', { config: { permission: 'members:edit' } }, async (req, reply) => {
    const user = requirePermission(req, 'members:edit')
    if (!isUuid(req.params.userId)) throw new NotFound()
    await confirmLink(db, user.id, req.params.userId)
    return seeOther(reply, '/admin/companies')
  })

  app.get('/payments/bank', permission, async (req, reply) => render(reply, BankPage({ ctx: await viewContext(req), unmatched: await unmatchedLines(db) })))

  app.post('/payments/bank', permission, async (req, reply) => {
    const user = requirePermission(req, 'payments:record')
    const fail = async (error: string) => render(reply, BankPage({ ctx: await viewContext(req), unmatched: await unmatchedLines(db), error }), 400)
    if (!req.isMultipart()) return fail('Choose the CSV file to import')
    const file = await req.file()
    if (!file || file.filename === '') return fail('Choose the CSV file to import')
    const content = await file.toBuffer().catch(() => null)
    if (!content || content.length === 0) return fail('The file is empty or too large')
    if (content.includes(0)) return fail('The file must be a CSV text file, not a spreadsheet')
    const report = await importBankStatement(db, config, user.id, content.toString('utf8'))
    return render(reply, BankPage({ ctx: await viewContext(req), report, unmatched: await unmatchedLines(db) }))
  })

  app.get<Params>('/payments/invoices/:id', permission, async (req, reply) => invoicePage(req, reply, { values: {}, errors: {} }))

  app.post<Params>('/payments/invoices/:id', permission, async (req, reply) => {
    const user = requirePermission(req, 'payments:record')
    if (!isUuid(req.params.id)) throw new NotFound()
    const form = parseForm(ManualPayment, req.body as Record<string, unknown>)
    if (!form.ok) return invoicePage(req, reply, form, 400)
    try {
      const result = await recordLedgerEntry(db, config, {
        invoiceId: req.params.id,
        kind: 'payment',
        method: form.data.method,
        amountPence: form.data.pence,
        receivedOn: form.data.receivedOn,
        externalRef: form.data.ref.toUpperCase(),
        payer: form.data.payer,
        note: '',
        actorId: user.id,
      })
      const notice = !result.recorded ? 'duplicate' : result.activated ? 'activated' : 'recorded'
      return seeOther(reply, `/admin/payments/invoices/${req.params.id}?notice=${notice}`)
    } catch (error) {
      if (error instanceof Conflict) return invoicePage(req, reply, { values: form.values, errors: { method: error.message } }, 400)
      throw error
    }
  })

  app.post<Params>('/payments/invoices/:id/entries/:entryId/refund', permission, async (req, reply) => {
    const user = requirePermission(req, 'payments:record')
    const entryId = req.params.entryId ?? ''
    if (!isUuid(req.params.id) || !isUuid(entryId)) throw new NotFound()
    const body = req.body as Record<string, unknown>
    const pence = parsePounds(String(body[`refund-${entryId}`] ?? ''))
    if (pence === null) return invoicePage(req, reply, { values: {}, errors: { [`refund-${entryId}`]: 'Enter the amount to refund, like 75.00' } }, 400)
    try {
      await refundPayment(db, config, paypal, { invoiceId: req.params.id, entryId, amountPence: pence, actorId: user.id, note: String(body.note ?? '').slice(0, 200) })
    } catch (error) {
      if (error instanceof Conflict) return invoicePage(req, reply, { values: {}, errors: { [`refund-${entryId}`]: error.message } }, 400)
      throw error
    }
    return seeOther(reply, `/admin/payments/invoices/${req.params.id}?notice=refunded`)
  })

  app.post<Params>('/payments/invoices/:id/entries/:entryId/bounced', permission, async (req, reply) => {
    const user = requirePermission(req, 'payments:record')
    const entryId = req.params.entryId ?? ''
    if (!isUuid(req.params.id) || !isUuid(entryId)) throw new NotFound()
    const entry = await db.selectFrom('ledger_entries').select(['amount_pence', 'external_ref', 'method', 'kind']).where('id', '=', entryId).where('invoice_id', '=', req.params.id).executeTakeFirst()
    if (entry?.kind !== 'payment' || entry.method !== 'cheque') throw new NotFound()
    await recordLedgerEntry(db, config, {
      invoiceId: req.params.id,
      kind: 'reversal',
      method: 'cheque',
      amountPence: entry.amount_pence,
      receivedOn: new Date().toISOString().slice(0, 10),
      externalRef: entry.external_ref,
      payer: '',
      note: 'Cheque bounced',
      actorId: user.id,
    })
    return seeOther(reply, `/admin/payments/invoices/${req.params.id}?notice=reversed`)
  })
}
