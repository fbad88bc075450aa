import type { ComponentChildren } from 'preact'
import type { ViewContext } from './context.ts'
import { Layout, PageHeading } from './layout.tsx'

const sections = [
  { href: '/admin', label: 'Dashboard', permission: 'staff' },
  { href: '/admin/applications', label: 'Applications', permission: 'applications:review' },
  { href: '/admin/payments', label: 'Payments', permission: 'payments:record' },
  { href: '/admin/invoices', label: 'Invoices', permission: 'payments:record' },
  { href: '/admin/companies', label: 'Companies', permission: 'members:edit' },
  { href: '/admin/directory', label: 'Directory', permission: 'members:view' },
  { href: '/admin/callbacks', label: 'Callbacks', permission: 'callbacks:manage' },
  { href: '/admin/emails', label: 'Emails', permission: 'members:view' },
  { href: '/admin/settings/payments', label: 'Fees and payments', permission: 'settings:edit' },
  { href: '/admin/staff', label: 'Staff', permission: 'staff:manage' },
  { href: '/admin/audit', label: 'Audit log', permission: 'staff:manage' },
]

/** The back office: the site layout with its own navigation, showing only what the person may open. */
export function AdminLayout({ ctx, title, hasErrors, lead, children }: { ctx: ViewContext; title: string; hasErrors?: boolean; lead?: string; children: ComponentChildren }) {
  const allowed = sections.filter((s) => s.permission === 'staff' || ctx.user?.permissions.includes(s.permission))
  return (
    <Layout ctx={ctx} title={`${title} – Back office`} hasErrors={hasErrors}>
      <nav aria-label="Back office">
        <ul class="admin-nav">
          {allowed.map((s) => (
            <li>
              <a href={s.href} aria-current={ctx.currentPath === s.href ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <PageHeading title={title} caption="Back office" lead={lead} />
      {children}
    </Layout>
  )
}
