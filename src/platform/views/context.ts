/** What every page needs to know about the request it renders for. Built by platform/http/view-context.ts. */
export type ViewContext = {
  currentPath: string
  csrfToken: string
  society: { name: string; shortName: string }
  /** The signed-in person, once accounts exist. */
  user: { name: string; isStaff: boolean; permissions: string[] } | null
  /** Shown in a banner so nobody mistakes the demo for the live site. */
  offline: { mail: boolean; payments: boolean }
}

/** Form answers and the messages for those that were wrong, keyed by field name. */
export type FormState = { values: Record<string, string>; errors: Record<string, string> }

export const emptyForm: FormState = { values: {}, errors: {} }
