import { createSign, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { crc32 } from 'node:zlib'

/**
 * A local stand-in for PayPal's REST API (Orders v2) and buyer pages, for development and tests. In memory,
 * on 127.0.0.1 only. It checks what the real one checks (credentials, GBP with two decimals, request-id replay,
 * one order per invoice, capture only after approval) and signs webhooks with a key it makes at start.
 */
export type CaptureOutcome = 'completed' | 'pending' | 'declined'

type Order = {
  id: string
  status: 'CREATED' | 'APPROVED' | 'COMPLETED'
  invoiceId: string
  amount: { currency_code: string; value: string }
  returnUrl: string
  cancelUrl: string
  capture?: { id: string; status: string; amount: { currency_code: string; value: string } }
  refunds: { id: string; amount: string }[]
}

export type FakePayPal = {
  baseUrl: string
  clientId: string
  clientSecret: string
  webhookId: string
  setNextCapture: (outcome: CaptureOutcome) => void
  /** Delays the next capture response by this many milliseconds (to test time-outs); the capture still happens. */
  delayNextCapture: (ms: number) => void
  /** Makes the next capture report this amount instead of the order's (to test the amount check). */
  misreportNextCapture: (value: string) => void
  /** A signed webhook for an order's capture, as PayPal would POST it. */
  webhookFor: (orderId: string, eventType?: string) => { headers: Record<string, string>; body: string }
  orders: Map<string, Order>
  close: () => Promise<void>
}

export async function startFakePayPal(): Promise<FakePayPal> {
  const clientId = 'fake-client-id'
  const clientSecret = 'fake-client-secret'
  const webhookId = `WH-FAKE-${randomBytes(4).toString('hex')}`
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const orders = new Map<string, Order>()
  const replies = new Map<string, { status: number; body: unknown }>()
  const tokens = new Set<string>()
  let nextCapture: CaptureOutcome = 'completed'
  let captureDelay = 0
  let misreport: string | undefined

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const body = await readBody(req)
    const send = (status: number, payload: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type })
      res.end(type === 'application/json' ? JSON.stringify(payload) : String(payload))
    }
    const authorised = () => tokens.has(String(req.headers.authorization ?? '').replace(/^Bearer /, ''))
    const replay = (key: string, run: () => { status: number; body: unknown }) => {
      const requestId = req.headers['paypal-request-id']
      const cacheKey = requestId ? `${key}:${requestId}` : undefined
      const cached = cacheKey ? replies.get(cacheKey) : undefined
      const result = cached ?? run()
      if (cacheKey) replies.set(cacheKey, result)
      return result
    }

    if (req.method === 'POST' && url.pathname === '/v1/oauth2/token') {
      const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`
      if (req.headers.authorization !== expected) return send(401, { error: 'invalid_client' })
      const token = randomBytes(16).toString('hex')
      tokens.add(token)
      return send(200, { access_token: token, token_type: 'Bearer', expires_in: 32400 })
    }
    if (url.pathname.startsWith('/v2/') && !authorised()) return send(401, { name: 'AUTHENTICATION_FAILURE' })

    if (req.method === 'POST' && url.pathname === '/v2/checkout/orders') {
      const result = replay('create', () => {
        const input = JSON.parse(body || '{}')
        const unit = input.purchase_units?.[0]
        const ctx = input.payment_source?.paypal?.experience_context
        if (unit?.amount?.currency_code !== 'GBP' || !/^\d+\.\d{2}$/.test(unit?.amount?.value ?? '') || !ctx?.return_url)
          return { status: 422, body: { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'INVALID_PARAMETER_VALUE' }] } }
        if ([...orders.values()].some((o) => o.invoiceId === unit.invoice_id && o.status === 'COMPLETED'))
          return { status: 422, body: { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'DUPLICATE_INVOICE_ID' }] } }
        const id = randomBytes(8).toString('hex').toUpperCase()
        orders.set(id, { id, status: 'CREATED', invoiceId: unit.invoice_id, amount: unit.amount, returnUrl: ctx.return_url, cancelUrl: ctx.cancel_url, refunds: [] })
        return { status: 201, body: orderJson(orders.get(id)!, baseUrl) }
      })
      return send(result.status, result.body)
    }
    const orderMatch = url.pathname.match(/^\/v2\/checkout\/orders\/([A-Z0-9]+)(\/capture)?$/)
    if (orderMatch) {
      const order = orders.get(orderMatch[1]!)
      if (!order) return send(404, { name: 'RESOURCE_NOT_FOUND' })
      if (req.method === 'GET' && !orderMatch[2]) return send(200, orderJson(order, baseUrl))
      if (req.method === 'POST' && orderMatch[2]) {
        const result = replay(`capture:${order.id}`, () => {
          if (order.status === 'CREATED') return { status: 422, body: { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_NOT_APPROVED' }] } }
          if (order.status === 'COMPLETED') return { status: 422, body: { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_ALREADY_CAPTURED' }] } }
          const outcome = nextCapture
          nextCapture = 'completed'
          if (outcome === 'declined') return { status: 422, body: { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'INSTRUMENT_DECLINED' }] } }
          order.status = 'COMPLETED'
          order.capture = { id: `CAP-${randomBytes(6).toString('hex').toUpperCase()}`, status: outcome === 'pending' ? 'PENDING' : 'COMPLETED', amount: misreport ? { currency_code: 'GBP', value: misreport } : order.amount }
          misreport = undefined
          return { status: 201, body: orderJson(order, baseUrl) }
        })
        if (captureDelay > 0) {
          const ms = captureDelay
          captureDelay = 0
          await new Promise((r) => setTimeout(r, ms))
        }
        return send(result.status, result.body)
      }
    }
    const refundMatch = url.pathname.match(/^\/v2\/payments\/captures\/([\w-]+)\/refund$/)
    if (req.method === 'POST' && refundMatch) {
      const order = [...orders.values()].find((o) => o.capture?.id === refundMatch[1])
      if (!order) return send(404, { name: 'RESOURCE_NOT_FOUND' })
      const amount = JSON.parse(body || '{}').amount?.value ?? order.amount.value
      const refund = { id: `REF-${randomBytes(5).toString('hex').toUpperCase()}`, amount }
      order.refunds.push(refund)
      return send(201, { id: refund.id, status: 'COMPLETED', amount: { currency_code: 'GBP', value: amount } })
    }
    if (req.method === 'GET' && url.pathname === '/checkoutnow') {
      const order = orders.get(url.searchParams.get('token') ?? '')
      if (!order) return send(404, 'No such order', 'text/plain')
      return send(200, buyerPage(order), 'text/html; charset=utf-8')
    }
    if (req.method === 'POST' && url.pathname === '/checkoutnow/approve') {
      const order = orders.get(new URLSearchParams(body).get('token') ?? '')
      if (!order) return send(404, 'No such order', 'text/plain')
      if (order.status === 'CREATED') order.status = 'APPROVED'
      res.writeHead(303, { location: `${order.returnUrl}${order.returnUrl.includes('?') ? '&' : '?'}token=${order.id}&PayerID=FAKEBUYER` })
      return res.end()
    }
    if (req.method === 'GET' && url.pathname.startsWith('/certs/')) return send(200, publicPem, 'application/x-pem-file')
    send(404, { name: 'NOT_FOUND' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    baseUrl,
    clientId,
    clientSecret,
    webhookId,
    orders,
    setNextCapture: (outcome) => {
      nextCapture = outcome
    },
    delayNextCapture: (ms) => {
      captureDelay = ms
    },
    misreportNextCapture: (value) => {
      misreport = value
    },
    webhookFor: (orderId, eventType = 'PAYMENT.CAPTURE.COMPLETED') => {
      const order = orders.get(orderId)
      const capture = order?.capture ?? { id: 'CAP-UNKNOWN', status: 'COMPLETED', amount: order?.amount ?? { currency_code: 'GBP', value: '0.00' } }
      const body = JSON.stringify({
        id: `WH-${randomUUID()}`,
        event_type: eventType,
        resource: { id: capture.id, status: eventType === 'PAYMENT.CAPTURE.COMPLETED' ? 'COMPLETED' : capture.status, amount: capture.amount, supplementary_data: { related_ids: { order_id: orderId } } },
      })
      const transmissionId = randomUUID()
      const transmissionTime = new Date().toISOString()
      const signer = createSign('RSA-SHA256')
      signer.update(`${transmissionId}|${transmissionTime}|${webhookId}|${crc32(body) >>> 0}`)
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'paypal-transmission-id': transmissionId,
          'paypal-transmission-time': transmissionTime,
          'paypal-transmission-sig': signer.sign(privateKey, 'base64'),
          'paypal-cert-url': `${baseUrl}/certs/fake-cert`,
          'paypal-auth-algo': 'SHA256withRSA',
        },
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function orderJson(order: Order, baseUrl: string) {
  return {
    id: order.id,
    status: order.status,
    purchase_units: [{ invoice_id: order.invoiceId, amount: order.amount, ...(order.capture ? { payments: { captures: [order.capture] } } : {}) }],
    links: [{ rel: 'payer-action', href: `${baseUrl}/checkoutnow?token=${order.id}`, method: 'GET' }],
  }
}

function buyerPage(order: Order) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test PayPal</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}button{font:inherit;font-weight:700;background:#0b3d91;color:#fff;border:0;border-radius:4px;padding:.7rem 1.4rem}a{color:#0b3d91}</style></head>
<body><main><h1>Test PayPal</h1><p>This is the test payment page. No real money moves.</p><p>Pay <strong>£${order.amount.value}</strong> to CMSUK.</p>
<form method="post" action="/checkoutnow/approve"><input type="hidden" name="token" value="${order.id}"><button type="submit">Pay</button></form>
<p><a href="${order.cancelUrl}">Cancel and return to CMSUK</a></p></main></body></html>`
}

function readBody(req: http.IncomingMessage) {
  return new Promise<string>((resolve) => {
    let data = ''
    req.on('data', (c) => {
      data += c
    })
    req.on('end', () => resolve(data))
  })
}
