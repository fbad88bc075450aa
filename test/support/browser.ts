import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, chromium, type Page } from 'playwright-core'
import { createTestApp, type TestApp } from './app.ts'
import { freePort } from './process.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Debian's Chromium, never a browser downloaded by a test tool. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/**
 * A test app served on a free port of 127.0.0.1, with PUBLIC_BASE_URL pointing at it so the links
 * in its emails work in the browser.
 */
export async function servedTestApp(env: Record<string, string> = {}): Promise<{ t: TestApp; base: string }> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const t = await createTestApp({ PUBLIC_BASE_URL: base, ...env })
  await t.app.listen({ port, host: '127.0.0.1' })
  return { t, base }
}

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] }

/** WCAG 2.x A and AA rules of axe-core; returns readable violations (none expected). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    return result.violations
  })
  return (violations as AxeViolation[]).map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}
