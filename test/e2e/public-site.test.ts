import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'playwright-core'
import type { TestApp } from '../support/app.ts'
import { axeViolations, launchBrowser, servedTestApp } from '../support/browser.ts'

let t: TestApp
let browser: Browser
let base: string
before(async () => {
  ;({ t, base } = await servedTestApp())
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await t?.close()
})

const pages = [
  '/',
  '/what-is-case-management',
  '/membership',
  '/benefits',
  '/faq',
  '/contact',
  '/request-a-callback',
  '/request-a-callback/thank-you',
  '/apply',
  '/privacy',
  '/no-such-page',
  '/dev/mail',
]

async function open(width: number) {
  const context = await browser.newContext({ viewport: { width, height: 800 } })
  return { page: await context.newPage(), close: () => context.close() }
}

describe('the public site in Chromium', () => {
  for (const width of [1280, 320]) {
    it(`has no WCAG A or AA violations on any page at ${width}px, and nothing scrolls sideways`, async () => {
      const { page, close } = await open(width)
      try {
        for (const path of pages) {
          await page.goto(`${base}${path}`)
          assert.deepEqual(await axeViolations(page), [], `axe on ${path}`)
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
          assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the ${width}px window`)
        }
      } finally {
        await close()
      }
    })
  }

  it('has a skip link and a Login link in the top right corner of the header', async () => {
    const { page, close } = await open(1280)
    try {
      await page.goto(base)
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim())
      assert.equal(focused, 'Skip to main content')
      const login = page.locator('header').getByRole('link', { name: 'Login' })
      const box = (await login.boundingBox())!
      assert.ok(box.x > 1280 / 2 && box.y < 100, `Login is at ${box.x},${box.y}`)
      assert.equal(await login.getAttribute('href'), '/login')
    } finally {
      await close()
    }
  })

  it('lets a visitor request a callback, correcting a mistake on the way', async () => {
    const { page, close } = await open(390)
    try {
      await page.goto(base)
      await page.getByRole('contentinfo').getByRole('link', { name: 'Request a Callback' }).click()
      await page.getByLabel('Your name').fill('Ann Smith')
      await page.getByLabel('Phone number').fill('12')
      await page.getByRole('button', { name: 'Request a callback' }).click()

      assert.equal(await page.title(), 'Error: Request a Callback – CMSUK')
      const summary = page.getByRole('alert')
      assert.match(await summary.innerText(), /There is a problem/)
      assert.deepEqual(await axeViolations(page), [], 'axe on the page with errors')
      await summary.getByRole('link', { name: /Enter a phone number/ }).click()
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'phone')
      assert.equal(await page.getByLabel('Your name').inputValue(), 'Ann Smith')

      await page.getByLabel('Phone number').fill('07700 900 982')
      await page.getByLabel('Afternoon (12pm to 5pm)').check()
      await page.getByLabel('What would you like to talk about?').fill('Paying by BACS')
      await page.getByRole('button', { name: 'Request a callback' }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Callback requested')
      const stored = await t.db.selectFrom('callback_requests').select(['name', 'phone']).execute()
      assert.deepEqual(stored, [{ name: 'Ann Smith', phone: '07700 900 982' }])
    } finally {
      await close()
    }
  })
})

