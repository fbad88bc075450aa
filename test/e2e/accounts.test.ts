import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { totpAt } from '../../src/features/accounts/totp.ts'
import type { TestApp } from '../support/app.ts'
import { axeViolations, launchBrowser, servedTestApp } from '../support/browser.ts'
import { createUser } from '../support/factories.ts'

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

async function checkAxe(page: Page) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${new URL(page.url()).pathname}`)
}

describe('accounts in Chromium', () => {
  it('follows the FAQ: Login → forgotten password → email → new password → signed in → Your account', async () => {
    const member = await createUser(t.db, t.config, { name: 'Fiona Forgetful' })
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } })
    const page = await context.newPage()
    try {
      await page.goto(base)
      await page.locator('header').getByRole('link', { name: 'Login' }).click()
      await checkAxe(page)
      await page.getByRole('link', { name: 'Forgotten your password?' }).click()
      await checkAxe(page)
      await page.getByLabel('Email address').fill(member.email)
      await page.getByRole('button', { name: 'Send me a link' }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Check your email')
      await checkAxe(page)

      await t.runJobs()
      await page.goto(`${base}/dev/mail`)
      await page.getByRole('link', { name: 'Choose a new password' }).first().click()
      await page.getByRole('link', { name: /\/reset-password\?token=/ }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Choose a new password')
      await checkAxe(page)

      await page.getByLabel('New password', { exact: true }).fill('password123')
      await page.getByLabel('Type the new password again').fill('password123')
      await page.getByRole('button', { name: 'Change my password' }).click()
      assert.match(await page.getByRole('alert').innerText(), /harder to guess/)
      await checkAxe(page)

      await page.getByLabel('New password', { exact: true }).fill('orchard pebble lantern')
      await page.getByLabel('Type the new password again').fill('orchard pebble lantern')
      await page.getByRole('button', { name: 'Change my password' }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Your account')
      assert.match(await page.locator('header').innerText(), /Fiona Forgetful/)
      await checkAxe(page)

      await page.locator('header').getByRole('button', { name: 'Sign out' }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Sign in')
      await page.getByLabel('Email address').fill(member.email)
      await page.getByLabel('Password').fill('orchard pebble lantern')
      await page.getByRole('button', { name: 'Sign in' }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Your account')
    } finally {
      await context.close()
    }
  })

  it('takes a new member of staff through two-factor set-up into the back office', async () => {
    const staff = await createUser(t.db, t.config, { name: 'Stella Staff', roles: ['office', 'admin'], twoFactor: false })
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    try {
      await page.goto(`${base}/login`)
      await page.getByLabel('Email address').fill(staff.email)
      await page.getByLabel('Password').fill(staff.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Set up two-factor authentication')
      await checkAxe(page)
      const key = (await page.locator('.secret').innerText()).replace(/\s/g, '')
      await page.getByLabel('Enter the 6-digit code the app shows').fill(totpAt(key, Date.now() / 1000))
      await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Save your recovery codes')
      assert.equal(await page.locator('.code-list li').count(), 10)
      await checkAxe(page)

      await page.locator('header').getByRole('link', { name: 'Back office' }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Dashboard')
      await checkAxe(page)
      for (const section of ['Callbacks', 'Emails', 'Staff', 'Audit log']) {
        await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: section }).click()
        await checkAxe(page)
      }
      await page.goto(`${base}/account`)
      await checkAxe(page)
      await page.goto(`${base}/account/sessions`)
      await checkAxe(page)
    } finally {
      await context.close()
    }
  })
})
