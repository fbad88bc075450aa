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

const visited = new Set<string>()
async function checked(page: Page) {
  const path = new URL(page.url()).pathname
  if (visited.has(path)) return
  visited.add(path)
  assert.deepEqual(await axeViolations(page), [], `axe on ${path}`)
}

async function openMail(page: Page, subject: RegExp) {
  await t.runJobs()
  await page.goto(`${base}/dev/mail`)
  await page.getByRole('link', { name: subject }).first().click()
  return page.locator('.mail-body')
}

describe('applying in Chromium, as the FAQ says', () => {
  it('home → Apply for Membership → every step → submitted; a referee answers; staff verify and approve; the fee due arrives', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const next = async (button = 'Save and continue') => {
      await page.getByRole('button', { name: button }).click()
      await checked(page)
    }
    try {
      await page.goto(base)
      await page.getByRole('link', { name: 'Apply for Membership' }).first().click()
      await checked(page)
      await page.getByRole('link', { name: 'Start now' }).click()
      await checked(page)
      await page.getByLabel(/^Case Manager/).check()
      await next('Continue')

      await page.getByLabel('Full name').fill('Carol Case')
      await page.getByLabel('Email address').fill('carol@example.org')
      await page.getByLabel('Create a password').fill('saffron pelican meadow')
      await page.getByLabel('Address line 1').fill('7 Green Lane')
      await page.getByLabel('Town or city').fill('Sutton')
      await page.getByLabel('Postcode').fill('SM1 9BH')
      await page.getByLabel('Phone number').fill('01632 960 555')
      await next('Create account and continue')

      // Qualifications
      await page.getByLabel('Qualification', { exact: true }).fill('BSc (Hons) Occupational Therapy')
      await page.getByLabel('Level').selectOption('degree')
      await page.getByLabel('Awarding body').fill('Brunel University')
      await page.getByLabel('Year awarded').fill('2011')
      await page.getByRole('group', { name: 'Is this a clinical qualification?' }).getByLabel('Yes').check()
      await next('Add a qualification')
      await next()
      // Registered bodies: a wrong number first
      await page.getByLabel('Health and Care Professions Council (HCPC)').check()
      await page.getByLabel('Profession', { exact: true }).selectOption('OT')
      await page.getByLabel('Registration number').fill('PH123')
      await page.getByRole('button', { name: 'Add a registration' }).click()
      assert.match(await page.getByRole('alert').innerText(), /An HCPC number for a occupational therapist is OT followed by up to 6 numbers|for an? occupational therapist/)
      await checked(page)
      await page.getByLabel('Health and Care Professions Council (HCPC)').check()
      await page.getByLabel('Profession', { exact: true }).selectOption('OT')
      await page.getByLabel('Registration number').fill('OT 54321')
      await next('Add a registration')
      await next()
      // Associations
      await page.getByLabel('Association').fill('Royal College of Occupational Therapists')
      await next('Add an association')
      await next()
      // Work history
      await page.getByLabel('Employer', { exact: true }).fill('Case Care Ltd')
      await page.getByLabel('Role', { exact: true }).fill('Senior case manager')
      await page.getByRole('group', { name: 'Started' }).getByLabel('Month').fill('1')
      await page.getByRole('group', { name: 'Started' }).getByLabel('Year').fill('2018')
      await page.getByLabel('Months of case management in this role').fill('60')
      await next('Add a role')
      assert.match(await page.locator('.eligibility').innerText(), /meet the Case Manager criteria/)
      await next()
      // Expertise and regions
      await page.getByLabel('Brain injury').check()
      await page.getByLabel('London', { exact: true }).check()
      await next()
      // Referees
      for (const [name, email, relationship] of [
        ['Rita Ref', 'rita@example.org', 'My manager at Case Care'],
        ['Colin Colleague', 'colin@example.org', 'Colleague for five years'],
      ]) {
        await page.getByLabel('Full name').fill(name!)
        await page.getByLabel('Email address').fill(email!)
        await page.getByLabel('Phone number').fill('01632 960 777')
        await page.getByLabel('How do they know you?').fill(relationship!)
        await page.getByLabel('Professional', { exact: true }).check()
        await next('Add a referee')
      }
      await next()
      // Insurance
      await page.getByLabel('Insurer or scheme').fill('RCOT member scheme')
      await page.getByRole('group', { name: 'Renewal date' }).getByLabel('Day').fill('1')
      await page.getByRole('group', { name: 'Renewal date' }).getByLabel('Month').fill('4')
      await page.getByRole('group', { name: 'Renewal date' }).getByLabel('Year').fill(String(new Date().getFullYear() + 1))
      await page.getByLabel(/I confirm I have appropriate professional indemnity insurance/).check()
      await next()
      // Criminal record check
      await page.getByLabel('DBS (England and Wales)').check()
      await page.getByLabel('Enhanced', { exact: true }).check()
      await page.getByLabel('Certificate number').fill('001122334455')
      await page.getByRole('group', { name: 'Date of issue' }).getByLabel('Day').fill('2')
      await page.getByRole('group', { name: 'Date of issue' }).getByLabel('Month').fill('2')
      await page.getByRole('group', { name: 'Date of issue' }).getByLabel('Year').fill('2025')
      await page.getByRole('group', { name: 'Do you subscribe to the DBS Update Service?' }).getByLabel('No').check()
      await next()
      // Evidence (skipped) and declarations
      await next('Continue')
      await page.getByLabel(/The information I have given is true/).check()
      await page.getByLabel(/I agree to CMSUK using my information/).check()
      await next()

      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Check your answers before submitting your application')
      assert.match(await page.getByRole('alert').innerText(), /Confirm your email address/)
      const verify = await openMail(page, /Confirm your email address/)
      await verify.getByRole('link', { name: /verify-email/ }).click()
      await checked(page)
      await page.goto(`${base}/apply/check`)
      await page.getByRole('button', { name: 'Submit application' }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Application submitted')
      await checked(page)
      await page.getByRole('link', { name: 'See your application and your references' }).click()
      await checked(page)

      // The referee answers from the email.
      const request = await openMail(page, /Reference request for Carol Case/)
      await request.getByRole('link', { name: /reference\?token=/ }).click()
      await checked(page)
      await page.getByLabel('How do you know the applicant?').fill('I manage her at Case Care')
      await page.getByLabel('As their manager or supervisor').check()
      await page.getByLabel('How long have you known them?').fill('6 years')
      await page.getByLabel('Your comments').fill('An excellent case manager.')
      await page.getByRole('button', { name: 'Send reference' }).click()
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Reference sent')
      await checked(page)

      // Staff verify the registration and approve.
      const staff = await createUser(t.db, t.config, { name: 'Sue Staff', roles: ['office'], twoFactor: true })
      const office = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
      await office.goto(`${base}/login`)
      await office.getByLabel('Email address').fill(staff.email)
      await office.getByLabel('Password').fill(staff.password)
      await office.getByRole('button', { name: 'Sign in' }).click()
      await office.getByLabel('Security code').fill(totpAt(staff.totpSecret!, Date.now() / 1000))
      await office.getByRole('button', { name: 'Continue' }).click()
      await office.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Applications' }).click()
      await checked(office)
      await office.getByRole('link', { name: 'Carol Case' }).click()
      await checked(office)
      await office.getByLabel('Registered', { exact: true }).check()
      const today = new Date()
      await office.getByRole('group', { name: 'Date checked' }).getByLabel('Day').fill(String(today.getDate()))
      await office.getByRole('group', { name: 'Date checked' }).getByLabel('Month').fill(String(today.getMonth() + 1))
      await office.getByRole('group', { name: 'Date checked' }).getByLabel('Year').fill(String(today.getFullYear()))
      await office.getByRole('button', { name: 'Record the check' }).click()
      await office.getByLabel(/Approve as Case Manager \(as applied\)/).check()
      await office.getByRole('button', { name: 'Record decision' }).click()
      assert.match(await office.getByRole('region', { name: 'Success' }).innerText(), /approved and the applicant emailed the fee due/)

      const approval = await openMail(page, /has been approved/)
      assert.match(await approval.innerText(), /The fee due to activate your membership is £75\.00 \(invoice INV-\d{6}\)/)
      assert.match(await approval.innerText(), /Your membership number is CM\d{6}/)
      await context.close()
    } catch (error) {
      await page.screenshot({ path: 'test-results/application-failure.png', fullPage: true }).catch(() => undefined)
      await context.close()
      throw error
    }
  })
})
