import type { z } from 'zod'
import type { FormState } from '../views/context.ts'

type RawBody = Record<string, unknown> | undefined | null

export type Parsed<T> = ({ ok: true; data: T } | { ok: false }) & FormState

/**
 * Validates a posted form against a zod schema. Always returns the answers as typed (trimmed), so a
 * page with errors can show them again, and one message per field for the error summary.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: RawBody): Parsed<z.output<S>> {
  const values = normaliseBody(body)
  // A field left out of the post (an unticked radio group) is validated as empty, so it gets its own message.
  for (const key of Object.keys(objectShape(schema))) values[key] ??= ''
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data, values, errors: {} }
  const errors: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= issue.message
  }
  return { ok: false, values, errors }
}

/** Strings trimmed; repeated fields (checkboxes) joined with commas; everything else dropped. */
export function normaliseBody(body: RawBody): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(body ?? {})) {
    if (key === '_csrf') continue
    if (typeof value === 'string') values[key] = value.trim()
    else if (Array.isArray(value)) values[key] = value.filter((v) => typeof v === 'string').map((v) => v.trim()).join(',')
  }
  return values
}

type Inspectable = { shape?: Record<string, unknown>; def?: { in?: Inspectable } }

/** The fields of an object schema, also when it is wrapped in .transform() (a pipe in zod 4). */
function objectShape(schema: unknown): Record<string, unknown> {
  let current = schema as Inspectable | undefined
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.shape) return current.shape
    current = current.def?.in
  }
  return {}
}
