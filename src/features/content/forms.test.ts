import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseForm } from '../../platform/http/forms.ts'
import { CallbackForm } from './forms.ts'

const valid = { name: 'Ann Smith', phone: '01632 960 001', email: '', bestTime: 'morning', about: 'Joining as an Associate' }

describe('callback form', () => {
  it('accepts a complete request, with or without an email', () => {
    const form = parseForm(CallbackForm, valid)
    assert.ok(form.ok)
    assert.equal(form.data.email, null)
    const withEmail = parseForm(CallbackForm, { ...valid, email: ' Ann@Example.org ' })
    assert.ok(withEmail.ok)
    assert.equal(withEmail.data.email, 'ann@example.org')
  })

  it('gives one message a person can act on for each wrong field, and keeps the answers', () => {
    const form = parseForm(CallbackForm, { name: '  ', phone: '123', email: 'not-an-email', about: 'x'.repeat(1001) })
    assert.equal(form.ok, false)
    assert.deepEqual(form.errors, {
      name: 'Enter your name',
      phone: 'Enter a phone number with 10 to 15 digits, like 01632 960 001 or +44 7700 900 982',
      email: 'Enter an email address in the correct format, like name@example.com',
      bestTime: 'Select the best time to call you',
      about: 'What you would like to talk about must be 1,000 characters or fewer',
    })
    assert.equal(form.values.phone, '123')
    assert.equal(form.values.email, 'not-an-email')
  })

  it('refuses letters in a phone number', () => {
    const form = parseForm(CallbackForm, { ...valid, phone: 'call me maybe 0123' })
    assert.equal(form.errors.phone, 'Enter a phone number using only numbers, spaces, brackets, dashes and a leading +')
  })

  it('accepts international numbers', () => {
    assert.ok(parseForm(CallbackForm, { ...valid, phone: '+44 (0)20 7946 0958' }).ok)
  })
})
