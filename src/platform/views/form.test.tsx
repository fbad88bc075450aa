import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parse } from 'node-html-parser'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { Checkboxes, DateInput, ErrorSummary, NotificationBanner, Select, SummaryList, TextInput } from './form.tsx'

const dom = (node: VNode) => parse(renderToString(node))
const form = (values: Record<string, string>, errors: Record<string, string> = {}) => ({ values, errors })

describe('form kit', () => {
  it('a text input with an error links its hint and message, and keeps the answer', () => {
    const doc = dom(<TextInput name="email" label="Email" hint="We reply here" form={form({ email: 'x@' }, { email: 'Enter an email' })} />)
    const input = doc.querySelector('input')!
    assert.equal(input.getAttribute('aria-describedby'), 'email-hint email-error')
    assert.equal(input.getAttribute('aria-invalid'), 'true')
    assert.equal(input.getAttribute('value'), 'x@')
    assert.equal(doc.querySelector('label')!.getAttribute('for'), 'email')
    assert.equal(doc.querySelector('#email-error')!.textContent, 'Error: Enter an email')
  })

  it('never echoes a password back', () => {
    const doc = dom(<TextInput name="password" label="Password" type="password" form={form({ password: 'secret' })} />)
    assert.equal(doc.querySelector('input')!.getAttribute('value'), '')
  })

  it('checkboxes keep every ticked value; the first box carries the field id for the error summary', () => {
    const doc = dom(
      <Checkboxes
        name="areas"
        legend="Areas"
        form={form({ areas: 'london,wales' })}
        options={[
          { value: 'london', label: 'London' },
          { value: 'scotland', label: 'Scotland' },
          { value: 'wales', label: 'Wales' },
        ]}
      />,
    )
    const boxes = doc.querySelectorAll('input[type=checkbox]')
    assert.deepEqual(boxes.map((b) => b.id), ['areas', 'areas-2', 'areas-3'])
    assert.deepEqual(boxes.map((b) => b.hasAttribute('checked')), [true, false, true])
  })

  it('a date is three labelled boxes', () => {
    const doc = dom(<DateInput name="issued" legend="Date of issue" form={form({ 'issued-day': '3', 'issued-month': '12', 'issued-year': '2026' })} />)
    assert.deepEqual(doc.querySelectorAll('label').map((l) => l.textContent), ['Day', 'Month', 'Year'])
    assert.deepEqual(doc.querySelectorAll('input').map((i) => i.getAttribute('value')), ['3', '12', '2026'])
  })

  it('a select marks the chosen option', () => {
    const doc = dom(<Select name="body" label="Body" form={form({ body: 'hcpc' })} options={[{ value: 'nmc', label: 'NMC' }, { value: 'hcpc', label: 'HCPC' }]} />)
    assert.equal(doc.querySelector('option[selected]')!.textContent, 'HCPC')
  })

  it('the error summary links to each field and renders nothing without errors', () => {
    assert.equal(renderToString(<ErrorSummary errors={{}} />), '')
    const doc = dom(<ErrorSummary errors={{ name: 'Enter your name', phone: 'Enter a phone number' }} />)
    assert.deepEqual(doc.querySelectorAll('a').map((a) => a.getAttribute('href')), ['#name', '#phone'])
    assert.equal(doc.querySelector('[role=alert]')!.getAttribute('tabindex'), '-1')
  })

  it('a summary list names what each Change link changes', () => {
    const doc = dom(<SummaryList rows={[{ key: 'Name', value: 'Ann', change: { href: '/apply/name', label: 'name' } }]} />)
    assert.equal(doc.querySelector('a')!.textContent, 'Change name')
    assert.equal(doc.querySelector('dt')!.textContent, 'Name')
  })

  it('a notification banner is a labelled region', () => {
    const doc = dom(<NotificationBanner title="Important">Text</NotificationBanner>)
    assert.equal(doc.querySelector('section')!.getAttribute('aria-labelledby'), 'banner-title')
  })
})
