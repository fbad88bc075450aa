/** The named permissions every back-office handler checks, and what each staff role grants. */
export const permissions = [
  'callbacks:manage',
  'applications:review',
  'payments:record',
  'members:view',
  'members:edit',
  'members:export',
  'content:edit',
  'staff:manage',
  'settings:edit',
] as const

export type Permission = (typeof permissions)[number]
export type Role = 'office' | 'admin'

export const roleLabels: Record<Role, string> = { office: 'Office staff', admin: 'Administrator' }

const granted: Record<Role, readonly Permission[]> = {
  office: ['callbacks:manage', 'applications:review', 'payments:record', 'members:view', 'members:edit', 'content:edit'],
  admin: permissions,
}

export function permissionsFor(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => granted[role] ?? []))
}

export const isStaff = (roles: readonly Role[]) => roles.length > 0
