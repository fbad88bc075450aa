import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'playwright-core'
import { seedDemoMembers } from '../../src/features/billing/demo.ts'
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

describe('paying, as the FAQ says', () => {
  it('Login (top right) → profile → Pay → PayPal → back to a confirmation, and the membership is active', async () => {
    const users = await Promise.all(['approved', 'member', 'associate', 'lapsed', 'colleague'].map((n) => createUser(t.db, t.config, { name: `${n} person` })))
    await seedDemoMembers(t.db, t.config, { approved: users[0]!.id, member: users[1]!.id, associate: users[2]!.id, lapsed: users[3]!.id, colleague: users[4]!.id })
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage()
    await page.goto(base)
    await page.locator('header').getByRole('link', { name: 'Login' }).click()
    await page.getByLabel('Email address').fill(users[0]!.email)
    await page.getByLabel('Password').fill(users[0]!.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    assert.match(await page.getByRole('main').innerText(), /Approved: pay the invoice to activate your membership/)
    assert.deepEqual(await axeViolations(page), [], 'axe on Your account')
    await page.getByRole('link', { name: /^Pay/ }).click()
    assert.deepEqual(await axeViolations(page), [], 'axe on the invoice')
    assert.match(await page.getByRole('main').innerText(), /put your name and membership number \(CM900001\) on the back of the cheque/)
    assert.match(await page.getByRole('main').innerText(), /Company discount: 20%/)
    await page.getByRole('button', { name: 'Pay', exact: true }).click()
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Test PayPal')
    await page.getByRole('button', { name: 'Pay' }).click()
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Payment received')
    assert.match(await page.getByRole('main').innerText(), /This was a test payment/)
    assert.deepEqual(await axeViolations(page), [], 'axe on the confirmation')
    await page.getByRole('main').getByRole('link', { name: 'your account' }).click()
    assert.match(await page.getByRole('main').innerText(), /Status\s*Active/)
  })
})
