import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts'

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple')
    assert.match(hash, /^\$argon2id\$/)
    assert.equal(await verifyPassword(hash, 'correct horse battery staple'), true)
    assert.equal(await verifyPassword(hash, 'Correct horse battery staple'), false)
    assert.equal(await verifyPassword(null, 'anything'), false)
  })

  it('needs 10 to 128 characters', () => {
    assert.equal(passwordProblem(''), 'Enter a password')
    assert.equal(passwordProblem('Zq9!x'), 'Password must be 10 characters or more')
    assert.equal(passwordProblem('a'.repeat(129)), 'Password must be 128 characters or fewer')
  })

  it('refuses common and guessable passwords with advice, with no composition rules', () => {
    assert.match(passwordProblem('password123')!, /^Choose a password that is harder to guess/)
    assert.match(passwordProblem('qwertyuiop')!, /harder to guess/)
    assert.equal(passwordProblem('annsmith2024', ['Ann Smith', 'ann.smith@example.org']), 'Do not use your name or email address in your password')
    assert.equal(passwordProblem('tangerine marble kettle'), null)
    assert.equal(passwordProblem('alllowercaseletterswithoutdigitsbutlong'), null)
  })
})
