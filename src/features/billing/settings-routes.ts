import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { normaliseBody, parseForm } from '../../platform/http/forms.ts'
import { requirePermission } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import { listGrades } from '../membership/service.ts'
import { PaymentSettingsForm, parseFees, paymentSettingsValues, savePaymentSettings } from './payment-settings.ts'
import { PaymentSettingsPage } from './views/payment-settings.tsx'

const permission = { config: { permission: 'settings:edit' as const } }

/** The fee table, bank details, VAT and term rules, edited by administrators. */
export async function paymentSettingsRoutes(app: FastifyInstance, { db, viewContext }: AppDeps) {
  app.get<{ Querystring: { saved?: string } }>('/settings/payments', permission, async (req, reply) => {
    requirePermission(req, 'settings:edit')
    const { values, grades } = await paymentSettingsValues(db)
    return render(reply, PaymentSettingsPage({ ctx: await viewContext(req), form: { values, errors: {} }, grades, saved: req.query.saved === '1' }))
  })

  app.post('/settings/payments', permission, async (req, reply) => {
    const user = requirePermission(req, 'settings:edit')
    const body = req.body as Record<string, unknown>
    const grades = await listGrades(db)
    const form = parseForm(PaymentSettingsForm, body)
    const fees = parseFees(grades, normaliseBody(body))
    const errors = { ...fees.errors, ...form.errors }
    if (!form.ok || Object.keys(errors).length > 0) return render(reply, PaymentSettingsPage({ ctx: await viewContext(req), form: { values: normaliseBody(body), errors }, grades, saved: false }), 400)
    await savePaymentSettings(db, user.id, fees.fees, form.data)
    return seeOther(reply, '/admin/settings/payments?saved=1')
  })
}
