import { hash, verify } from '@node-rs/argon2'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 128

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
})

/** argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum. */
export const hashPassword = (password: string) => hash(password, { algorithm: ARGON2ID })

export async function verifyPassword(passwordHash: string | null, password: string) {
  if (!passwordHash) return false
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A hash to verify against when the account does not exist, so both answers take the same time. */
let decoyHash: Promise<string> | undefined
export const decoyPasswordHash = () => {
  decoyHash ??= hashPassword('decoy password that is never used')
  return decoyHash
}

/**
 * Length limits and a strength estimate (no composition rules). Returns the message to show, or null.
 * `related` are words the password must not lean on: the person's name and email.
 */
export function passwordProblem(password: string, related: string[] = []): string | null {
  if (password.length === 0) return 'Enter a password'
  if (password.length < PASSWORD_MIN) return `Password must be ${PASSWORD_MIN} characters or more`
  if (password.length > PASSWORD_MAX) return `Password must be ${PASSWORD_MAX} characters or fewer`
  const squash = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '')
  const personal = related.map((r) => squash(r.split('@')[0]!)).filter((r) => r.length >= 4)
  if (personal.some((p) => squash(password).includes(p))) return 'Do not use your name or email address in your password'
  const words = related.flatMap((r) => r.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 3)
  const result = estimator.check(password, words)
  if (result.score >= 3) return null
  const advice = result.feedback.warning || result.feedback.suggestions[0]
  return `Choose a password that is harder to guess${advice ? `: ${lowerFirst(advice.replace(/\.$/, ''))}` : ''}. A few unrelated words together work well`
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)
