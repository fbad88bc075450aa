import type { Config } from '../../../config.ts'
import { createPayPalClient, type PayPalClient } from './client.ts'
import { startFakePayPal } from './fake-server.ts'

/** PayPal for real with credentials; otherwise (never in production) the built-in test PayPal. */
export async function startPayPal(config: Config): Promise<{ client: PayPalClient; close: () => Promise<void>; description: string }> {
  if (config.payments.mode === 'paypal') {
    const client = createPayPalClient({
      ...config.payments,
      certHosts: ['paypal.com'],
      checkoutOrigins: ['https://www.paypal.com', 'https://www.sandbox.paypal.com'],
      test: !config.payments.apiBase.includes('api-m.paypal.com'),
    })
    return { client, close: async () => undefined, description: `PayPal at ${config.payments.apiBase}` }
  }
  const fake = await startFakePayPal()
  const client = createPayPalClient({
    apiBase: fake.baseUrl,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    webhookId: fake.webhookId,
    certHosts: [new URL(fake.baseUrl).host],
    checkoutOrigins: [fake.baseUrl],
    test: true,
  })
  return { client, close: fake.close, description: `test PayPal at ${fake.baseUrl}` }
}
