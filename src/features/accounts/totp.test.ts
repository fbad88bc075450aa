import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { base32Decode, base32Encode, generateRecoveryCodes, totpAt, verifyTotp } from './totp.ts'

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890", truncated to 6 digits.
const rfcSecret = base32Encode(Buffer.from('12345678901234567890'))

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors', () => {
    assert.equal(totpAt(rfcSecret, 59), '287082')
    assert.equal(totpAt(rfcSecret, 1111111109), '081804')
    assert.equal(totpAt(rfcSecret, 1234567890), '005924')
    assert.equal(totpAt(rfcSecret, 2000000000), '279037')
  })

  it('accepts one step of clock drift either way, and no more', () => {
    const now = 1_700_000_000_000
    const code = totpAt(rfcSecret, now / 1000)
    assert.ok(verifyTotp(rfcSecret, code, now))
    assert.ok(verifyTotp(rfcSecret, code, now + 30_000))
    assert.ok(verifyTotp(rfcSecret, code, now - 30_000))
    assert.equal(verifyTotp(rfcSecret, code, now + 90_000), null)
    assert.equal(verifyTotp(rfcSecret, 'abcdef', now), null)
    assert.ok(verifyTotp(rfcSecret, `${code.slice(0, 3)} ${code.slice(3)}`, now))
  })

  it('round-trips base32', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      assert.deepEqual(base32Decode(base32Encode(Buffer.from(bytes))), Buffer.from(bytes))
    }))
  })

  it('makes ten different recovery codes', () => {
    const codes = generateRecoveryCodes()
    assert.equal(new Set(codes).size, 10)
    for (const code of codes) assert.match(code, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
  })
})
