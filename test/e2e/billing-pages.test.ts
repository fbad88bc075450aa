import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { confirmLink, nameEmployer } from '../../src/features/billing/companies.ts'
import type { TestApp } from '../support/app.ts'
import { axeViolations, launchBrowser, servedTestApp } from '../support/browser.ts'
import { listedMember, memberWithRecord } from '../support/directory.ts'
import { createUser, currentCode, type TestUser } from '../support/factories.ts'

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

async function checked(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `${what} is ${overflow}px wider than the window`)
}

async function signIn(page: Page, user: TestUser) {
  await page.goto(`${base}/login`)
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  if (user.totpSecret) {
    await page.getByLabel('Security code').fill(currentCode(user))
    await page.getByRole('button', { name: 'Continue' }).click()
  }
}

describe('the pages of fees, company payments and the directory back office in Chromium', () => {
  it('a company contact pays for the members with one invoice; every page passes axe at 1280 and 360 px', async () => {
    const company = 'Axe Case Management Ltd'
    for (let i = 0; i < 2; i++) {
      const member = await memberWithRecord(t, { paidDaysAgo: null })
      await nameEmployer(t.db, member.user.id, company)
      await confirmLink(t.db, member.user.id, member.user.id)
    }
    const contact = await createUser(t.db, t.config, { name: 'Cora Contact' })
    await t.db.updateTable('companies').set({ contact_user_id: contact.id }).where('name', '=', company).execute()
    for (const width of [1280, 360]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await context.newPage()
      await signIn(page, contact)
      await page.goto(`${base}/account`)
      await page.getByRole('link', { name: 'Pay for your members' }).click()
      await checked(page, `pay for your members at ${width}px`)
      if (width === 1280) await page.getByRole('button', { name: /Create one invoice for these 2 memberships/ }).click()
      else await page.getByRole('link', { name: /CINV-/ }).click()
      await page.getByRole('heading', { name: /Invoice CINV-/ }).waitFor()
      await checked(page, `the combined invoice at ${width}px`)
      await context.close()
    }
  })

  it('the back office pages added for billing and the directory pass axe', async () => {
    await listedMember(t, { regions: ['Wales'] }, { name: 'Wyn Wales' })
    const admin = await createUser(t.db, t.config, { roles: ['office', 'admin'] })
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await signIn(page, admin)
    await page.goto(`${base}/admin/settings/payments`)
    await checked(page, 'fees and payment settings')
    await page.getByLabel('Sort code').fill('12-34')
    await page.getByRole('button', { name: 'Save' }).click()
    assert.match(await page.locator('.error-summary').innerText(), /sort code of 6 numbers/)
    await checked(page, 'fees and payment settings with an error')
    await page.goto(`${base}/admin/companies`)
    await checked(page, 'companies')
    const combined = await t.db.selectFrom('company_invoices').select('id').executeTakeFirstOrThrow()
    await page.goto(`${base}/admin/payments/company-invoices/${combined.id}`)
    await checked(page, 'a combined invoice for staff')
    await page.goto(`${base}/admin/directory`)
    await checked(page, 'directory listings')
    await page.getByRole('link', { name: 'Wyn Wales' }).click()
    await checked(page, 'a directory listing for staff')
    await context.close()
  })
})
