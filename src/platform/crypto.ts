import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

/** A random URL-safe token for links and cookies (256 bits). */
export const randomToken = () => randomBytes(32).toString('base64url')

/** Only hashes of tokens are stored, so a copy of the database cannot be used to sign in or reset. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export function safeEqual(a: string, b: string) {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** AES-256-GCM with a key derived from the session secret: for secrets we must read back (TOTP keys). */
export function secretBox(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'cmsuk', 'secret-box-v1', 32))
  return {
    seal(plain: string) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
    },
    open(sealed: string) {
      const [version, iv, body, tag] = sealed.split('.')
      if (version !== 'v1' || !iv || !body || !tag) throw new Error('Unreadable sealed value')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
  }
}
