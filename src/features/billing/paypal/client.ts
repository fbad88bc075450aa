import { createPublicKey, verify } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { penceToDecimal } from '../../../platform/money.ts'

export type PayPalSettings = {
  apiBase: string
  clientId: string
  clientSecret: string
  webhookId: string
  certHosts: string[]
  /** Where the buyer is sent to pay: the site's CSP must let its Pay form redirect there. */
  checkoutOrigins: string[]
  test: boolean
  /** Every call gives up after this long (default 10 s). */
  timeoutMs?: number
}

export class PayPalError extends Error {
  constructor(
    readonly status: number,
    readonly issue: string,
  ) {
    super(`PayPal answered ${status}${issue ? ` ${issue}` : ''}`)
  }
}

export type CaptureResult = { captureId: string; status: string; amountPence: number; currency: string } | undefined

export type PayPalClient = ReturnType<typeof createPayPalClient>

/** PayPal Orders v2 over fetch, with a cached token refreshed once on 401 and a time-out on every call. */
export function createPayPalClient(settings: PayPalSettings) {
  const TIMEOUT_MS = settings.timeoutMs ?? 10_000
  let token: { value: string; expires: number } | undefined

  async function accessToken(force = false) {
    if (!force && token && token.expires > Date.now()) return token.value
    const res = await fetch(`${settings.apiBase}/v1/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    if (!res.ok) throw new PayPalError(res.status, 'AUTHENTICATION_FAILURE')
    const json = (await res.json()) as { access_token: string; expires_in: number }
    token = { value: json.access_token, expires: Date.now() + (json.expires_in - 60) * 1000 }
    return token.value
  }

  async function call(method: string, path: string, body?: unknown, requestId?: string, retried = false): Promise<Record<string, unknown>> {
    const res = await fetch(`${settings.apiBase}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await accessToken(retried)}`,
        'content-type': 'application/json',
        ...(requestId ? { 'PayPal-Request-Id': requestId } : {}),
        prefer: 'return=representation',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    if (res.status === 401 && !retried) return call(method, path, body, requestId, true)
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>
    if (!res.ok) {
      const details = json.details as { issue?: string }[] | undefined
      throw new PayPalError(res.status, details?.[0]?.issue ?? String(json.name ?? ''))
    }
    return json
  }

  const captureOf = (order: Record<string, unknown>): CaptureResult => {
    const units = order.purchase_units as { payments?: { captures?: { id: string; status: string; amount: { value: string; currency_code: string } }[] } }[] | undefined
    const capture = units?.[0]?.payments?.captures?.[0]
    if (!capture) return undefined
    const [pounds, pence = '00'] = capture.amount.value.split('.')
    return { captureId: capture.id, status: capture.status, amountPence: Number(pounds) * 100 + Number(pence.padEnd(2, '0')), currency: capture.amount.currency_code }
  }

  return {
    test: settings.test,
    checkoutOrigins: settings.checkoutOrigins,
    async createOrder(input: { requestId: string; invoiceNumber: string; reference: string; description: string; amountPence: number; returnUrl: string; cancelUrl: string }) {
      const order = await call(
        'POST',
        '/v2/checkout/orders',
        {
          intent: 'CAPTURE',
          purchase_units: [
            { reference_id: input.reference, invoice_id: input.invoiceNumber, custom_id: input.reference, description: input.description, amount: { currency_code: 'GBP', value: penceToDecimal(input.amountPence) } },
          ],
          payment_source: { paypal: { experience_context: { return_url: input.returnUrl, cancel_url: input.cancelUrl, user_action: 'PAY_NOW', shipping_preference: 'NO_SHIPPING' } } },
        },
        input.requestId,
      )
      const links = order.links as { rel: string; href: string }[]
      const approve = links.find((l) => l.rel === 'payer-action') ?? links.find((l) => l.rel === 'approve')
      if (!approve) throw new PayPalError(500, 'NO_APPROVAL_LINK')
      return { orderId: String(order.id), approveUrl: approve.href }
    },
    async captureOrder(orderId: string, requestId: string) {
      return captureOf(await call('POST', `/v2/checkout/orders/${encodeURIComponent(orderId)}/capture`, {}, requestId))
    },
    async refundCapture(captureId: string, amountPence: number, requestId: string) {
      const refund = await call('POST', `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`, { amount: { currency_code: 'GBP', value: penceToDecimal(amountPence) } }, requestId)
      return { refundId: String(refund.id), status: String(refund.status) }
    },
    async getOrder(orderId: string) {
      const order = await call('GET', `/v2/checkout/orders/${encodeURIComponent(orderId)}`)
      return { status: String(order.status), capture: captureOf(order) }
    },
    /**
     * Verifies a webhook before anything else: RSA-SHA256 over "id|time|webhookId|crc32(body)" with the
     * certificate at PAYPAL-CERT-URL, which must be on an allowed host. Returns the event, or null.
     */
    async verifyWebhook(headers: Record<string, string | string[] | undefined>, rawBody: string) {
      const get = (name: string) => {
        const v = headers[name]
        return typeof v === 'string' ? v : undefined
      }
      const id = get('paypal-transmission-id')
      const time = get('paypal-transmission-time')
      const signature = get('paypal-transmission-sig')
      const certUrl = get('paypal-cert-url')
      if (!id || !time || !signature || !certUrl) return null
      let host: string
      try {
        host = new URL(certUrl).host
      } catch {
        return null
      }
      if (!settings.certHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))) return null
      const cert = await fetch(certUrl, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then((r) => (r.ok ? r.text() : null)).catch(() => null)
      if (!cert) return null
      const message = `${id}|${time}|${settings.webhookId}|${crc32(rawBody) >>> 0}`
      let ok = false
      try {
        ok = verify('sha256', Buffer.from(message), createPublicKey(cert), Buffer.from(signature, 'base64'))
      } catch {
        ok = false
      }
      if (!ok) return null
      try {
        return JSON.parse(rawBody) as { id: string; event_type: string; resource: { id: string; status?: string; amount?: { value: string; currency_code: string }; supplementary_data?: { related_ids?: { order_id?: string } } } }
      } catch {
        return null
      }
    },
  }
}
