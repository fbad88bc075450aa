import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sql } from 'kysely'
import { createTestApp, html, textOf } from '../../../test/support/app.ts'
import { useTestApp } from '../../../test/support/suite.ts'

const t = useTestApp()

const publicPages = [
  '/',
  '/what-is-case-management',
  '/membership',
  '/benefits',
  '/faq',
  '/contact',
  '/request-a-callback',
  '/apply',
  '/privacy',
]

describe('public pages', () => {
  it('every page answers 200 with a Login link in the header and the main navigation', async () => {
    for (const url of publicPages) {
      const res = await t.app.inject(url)
      assert.equal(res.statusCode, 200, url)
      const doc = html(res.body)
      const login = doc.querySelector('header .header-account a')
      assert.equal(textOf(login), 'Login', url)
      assert.equal(login?.getAttribute('href'), '/login')
      const nav = doc.querySelectorAll('nav[aria-label=Main] a').map((a) => a.getAttribute('href'))
      assert.deepEqual(nav, ['/', '/what-is-case-management', '/membership', '/benefits', '/find-a-case-manager', '/faq', '/contact'])
      const footer = doc.querySelectorAll('footer a').map((a) => a.getAttribute('href'))
      assert.ok(footer.includes('/request-a-callback') && footer.includes('/contact'), url)
      assert.equal(doc.querySelectorAll('h1').length, 1, `${url} has one h1`)
    }
  })

  it('the home page says what the society is and has the Apply for Membership button', async () => {
    const doc = html((await t.app.inject('/')).body)
    assert.equal(textOf(doc.querySelector('h1')), 'Case Management Society UK')
    assert.match(textOf(doc.querySelector('.lead')), /professional society for case managers/)
    const apply = doc.querySelectorAll('a').find((a) => textOf(a) === 'Apply for Membership')
    assert.equal(apply?.getAttribute('href'), '/apply')
  })

  it('what is case management gives the FAQ definition', async () => {
    const text = textOf(html((await t.app.inject('/what-is-case-management')).body).querySelector('main'))
    assert.ok(
      text.includes(
        '‘Case Management is a collaborative process which: assesses, plans, implements, co-ordinates, monitors and evaluates the options and services required to meet an individuals health, social care, educational and employment needs, using communication and available resources to promote quality cost effective outcomes.’',
      ),
    )
  })

  it('membership shows the three grades with fees read from the database and the company discount', async () => {
    const read = async () => {
      const doc = html((await t.app.inject('/membership')).body)
      return doc.querySelectorAll('.grade-card').map((card) => ({
        name: textOf(card.querySelector('h2')),
        fee: textOf(card.querySelector('.grade-fee')),
      }))
    }
    assert.deepEqual(await read(), [
      { name: 'Case Manager', fee: '£75 per annum*' },
      { name: 'Associate', fee: '£60 per annum*' },
      { name: 'Supporter', fee: '£60 per annum*' },
    ])
    const text = textOf(html((await t.app.inject('/membership')).body).querySelector('main'))
    assert.ok(text.includes('Companies with four or more members are eligible for 20% discount off all membership fees.'))
    assert.ok(text.includes('24 months or 2,500 hours'))

    await t.db.updateTable('grades').set({ fee_pence: 8000 }).where('code', '=', 'case-manager').execute()
    assert.equal((await read())[0]!.fee, '£80 per annum*')
  })

  it('benefits lists the benefits of the FAQ', async () => {
    const items = html((await t.app.inject('/benefits')).body).querySelectorAll('main li').map(textOf)
    assert.equal(items.length, 7)
    assert.equal(items[1], 'Reduced CMSUK events fees')
    assert.ok(items[6]!.startsWith('Please note: In addition to all the above our Case Manager Members'))
  })

  it('contact has the email link and the postal address', async () => {
    const doc = html((await t.app.inject('/contact')).body)
    const link = doc.querySelectorAll('main a').find((a) => textOf(a) === 'click this link')
    assert.equal(link?.getAttribute('href'), 'mailto:info@cmsuk.org')
    assert.ok(textOf(doc.querySelector('main')).includes('To send us an email, just click this link.'))
    assert.ok(textOf(doc.querySelector('main')).includes('PO Box 293 Sutton Surrey SM1 9BH'))
  })

  it('pages come from the database, so staff edits show', async () => {
    await t.db.updateTable('pages').set({ title: 'About case management' }).where('slug', '=', 'what-is-case-management').execute()
    const doc = html((await t.app.inject('/what-is-case-management')).body)
    assert.equal(textOf(doc.querySelector('h1')), 'About case management')
  })
})

describe('FAQ', () => {
  it('groups every question under its three categories, each with its own anchor', async () => {
    const doc = html((await t.app.inject('/faq')).body)
    const categories = doc.querySelectorAll('section.faq-category').map((s) => ({
      title: textOf(s.querySelector('h2')),
      questions: s.querySelectorAll('h3').map((h) => ({ id: h.id, text: textOf(h).replace(/^Q\. /, '') })),
    }))
    assert.deepEqual(
      categories.map((c) => c.title),
      ['Questions about Case Management', 'Questions about membership', 'Questions relating to CMSUK Standards & Code of Ethics'],
    )
    assert.deepEqual(
      categories.map((c) => c.questions.map((q) => q.text)),
      [
        ['What is Case Management?'],
        [
          'How do I apply for membership?',
          'When do I pay for my new membership?',
          'How do I pay for my membership?',
          'Which type of Membership do I apply for?',
          'What are the benefits of individual Membership?',
        ],
        ['How long do CMSUK stipulate that an organisation keeps clients notes for before destroying?'],
      ],
    )
    for (const q of categories.flatMap((c) => c.questions)) {
      assert.match(q.id, /^[a-z0-9-]+$/)
      assert.ok(doc.querySelector(`.contents a[href="#${q.id}"]`), `contents link to ${q.id}`)
    }
  })

  it('keeps the answers word for word, with their lists and paragraphs', async () => {
    const doc = html((await t.app.inject('/faq')).body)
    const answer = (id: string) => doc.querySelector(`#${id}`)!.parentNode!
    const pay = answer('how-do-i-pay-for-my-membership')
    const methods = pay.querySelectorAll('li').map(textOf)
    assert.equal(methods.length, 4)
    assert.ok(methods[1]!.startsWith('By cheque made payable to CMSUK and sent to PO Box 293, Sutton, Surrey SM1 9BH.'))
    assert.ok(
      methods[2]!.includes(
        'Once you have successfully managed to login follow the prompt to view your profile and then hit the ‘Pay’ button.',
      ),
    )
    const grades = answer('which-type-of-membership-do-i-apply-for')
    assert.deepEqual(grades.querySelectorAll('li').map(textOf), ['Case Manager', 'Associate', 'Supporter'])
    assert.ok(grades.querySelectorAll('p').length >= 7)
    const notes = textOf(answer('how-long-should-client-notes-be-kept'))
    assert.ok(notes.includes('Children’s notes should be kept until they reach 18 years old'))
    const apply = textOf(answer('how-do-i-apply-for-membership'))
    assert.ok(apply.includes('You will also have to confirm that you have appropriate insurance and are CRB checked.'))
  })
})

describe('health and errors', () => {
  it('answers health and readiness as JSON', async () => {
    const health = await t.app.inject('/healthz')
    assert.equal(health.statusCode, 200)
    assert.deepEqual(health.json(), { status: 'ok' })
    const ready = await t.app.inject('/readyz')
    assert.deepEqual(ready.json(), { status: 'ok', database: 'ok' })
  })

  it('shows a helpful 404 page', async () => {
    const res = await t.app.inject('/no-such-page')
    assert.equal(res.statusCode, 404)
    const doc = html(res.body)
    assert.equal(textOf(doc.querySelector('h1')), 'Page not found')
    assert.ok(doc.querySelector('main a[href="/faq"]'))
  })

  it('sets security headers', async () => {
    const res = await t.app.inject('/')
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/)
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/)
    assert.equal(res.headers['x-content-type-options'], 'nosniff')
  })

  it('serves the stylesheet', async () => {
    const res = await t.app.inject('/assets/site.css')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /text\/css/)
  })
})

describe('when the database fails', () => {
  it('shows a 500 page without internals', async () => {
    const broken = await createTestApp()
    try {
      await sql`drop table pages cascade`.execute(broken.db)
      const res = await broken.app.inject('/')
      assert.equal(res.statusCode, 500)
      const doc = html(res.body)
      assert.equal(textOf(doc.querySelector('h1')), 'Sorry, there is a problem with the service')
      assert.doesNotMatch(res.body, /relation|pages|stack|at \//i)
    } finally {
      await broken.close()
    }
  })
})
