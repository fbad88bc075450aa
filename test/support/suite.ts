import { after, before } from 'node:test'
import { createTestApp, type TestApp } from './app.ts'
import { startSmtpSink } from './smtp-sink.ts'

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>

/** Stands for a value made in a `before` hook; using it before the hook has run is a mistake, and says so. */
function later<T extends object>(name: string): { value: T | undefined; proxy: T } {
  const holder: { value: T | undefined; proxy: T } = {
    value: undefined,
    proxy: new Proxy({} as T, {
      get(_, key) {
        if (!holder.value) throw new Error(`${name} is made in a before() hook and is not ready yet`)
        return Reflect.get(holder.value, key)
      },
    }),
  }
  return holder
}

/** The app on a database of its own for the test file: made before its tests, closed after them. */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const app = later<TestApp>('The test app')
  before(async () => {
    app.value = await createTestApp(env)
  })
  after(async () => app.value?.close())
  return app.proxy
}

/**
 * The app with its email going to a real SMTP server of the file's own. One hook makes both, in order: Node's
 * test runner starts the top-level before() hooks of a file together, so two hooks could not depend on each other.
 */
export function useTestAppAndSmtp(env: Record<string, string> = {}): { t: TestApp; smtp: SmtpSink } {
  const app = later<TestApp>('The test app')
  const sink = later<SmtpSink>('The SMTP sink')
  before(async () => {
    sink.value = await startSmtpSink()
    app.value = await createTestApp({ SMTP_URL: sink.value.url, ...env })
  })
  after(async () => {
    await app.value?.close()
    await sink.value?.close()
  })
  return { t: app.proxy, smtp: sink.proxy }
}
