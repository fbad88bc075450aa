import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { TestApp } from '../support/app.ts'
import { axeViolations, launchBrowser, servedTestApp } from '../support/browser.ts'
import { listedMember } from '../support/directory.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'

let t: TestApp
let browser: Browser
let base: string
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
before(async () => {
  smtp = await startSmtpSink()
  ;({ t, base } = await servedTestApp({ SMTP_URL: smtp.url }))
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await t?.close()
  await smtp?.close()
})

async function checkPage(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `${what} is ${overflow}px wider than the window`)
}

describe('Find a Case Manager in Chromium', () => {
  it('a purchaser searches by postcode and expertise, opens a profile and sends an enquiry; the member sees it in their account', async () => {
    const member = await listedMember(t, { basePostcode: 'RG1 1AA', travelMiles: '50', expertise: ['brain-injury', 'paediatrics'], bio: 'Brain injury case management across the Thames Valley.' }, { name: 'Becca Berkshire' })
    await listedMember(t, { basePostcode: 'EH1', expertise: ['brain-injury'] }, { name: 'Eddie Edinburgh' })
    await listedMember(t, { basePostcode: 'OX1', expertise: ['vocational'] }, { name: 'Olive Oxford' })

    for (const width of [1280, 360]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await context.newPage()
      await page.goto(base)
      await page.getByRole('link', { name: 'Find a Case Manager' }).first().click()
      await checkPage(page, `the search page at ${width}px`)
      await page.getByLabel('Postcode').fill('SL4 1NJ')
      await page.getByLabel('Distance').selectOption('50')
      await page.getByLabel('Brain injury').check()
      await page.getByRole('button', { name: 'Search' }).click()
      await page.waitForURL(/postcode=SL4/)
      await checkPage(page, `the results at ${width}px`)
      assert.equal(await page.locator('#results-title').innerText(), '1 case manager found')
      assert.match(await page.locator('.result').first().innerText(), /Becca Berkshire[\s\S]*miles away/)
      await page.getByRole('link', { name: 'Becca Berkshire' }).click()
      await checkPage(page, `the profile at ${width}px`)
      assert.ok(!(await page.content()).includes(member.user.email), 'the member’s address is not in the page')
      if (width === 360) {
        await context.close()
        continue
      }
      await page.getByRole('button', { name: 'Send message' }).click()
      await checkPage(page, 'the profile with errors')
      assert.match(await page.locator('.error-summary').innerText(), /Enter your name/)
      await page.getByLabel('Your name').fill('Sol Icitor')
      await page.getByLabel('Organisation (optional)').fill('Thames Law')
      await page.getByLabel('Email address').fill('sol@thames-law.test')
      await page.getByLabel('Your message').fill('A young client with a brain injury near Windsor. Can you help?')
      await page.getByLabel(/Pass my details/).check()
      await page.getByRole('button', { name: 'Send message' }).click()
      await page.getByRole('heading', { name: 'Message sent' }).waitFor()
      await checkPage(page, 'the message sent page')
      await context.close()
    }

    await t.runJobs()
    const relayed = smtp.received.find((m) => m.to.includes(member.user.email) && m.subject.includes('enquiry'))
    assert.ok(relayed, 'the member received the enquiry')
    assert.equal(relayed.replyTo, 'sol@thames-law.test')

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${base}/login`)
    await page.getByLabel('Email address').fill(member.user.email)
    await page.getByLabel('Password').fill(member.user.password)
    await page.getByRole('button', { name: /Sign in/ }).click()
    await page.goto(`${base}/account`)
    await page.getByRole('link', { name: 'Directory listing' }).click()
    await checkPage(page, 'the directory listing form')
    await page.getByRole('link', { name: 'Your enquiries' }).click()
    await checkPage(page, 'the enquiries page')
    const text = await page.locator('main').innerText()
    assert.match(text, /Referrals in the last 12 months: 1/)
    assert.match(text, /Sol Icitor, Thames Law/)
    await page.goto(`${base}/account/directory/preview`)
    await checkPage(page, 'the preview')
    await context.close()
  })
})
