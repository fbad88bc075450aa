import type { ComponentChildren } from 'preact'
import type { ViewContext } from './context.ts'

const mainNav = [
  { href: '/', label: 'Home' },
  { href: '/what-is-case-management', label: 'What is case management?' },
  { href: '/membership', label: 'Membership' },
  { href: '/benefits', label: 'Benefits' },
  { href: '/find-a-case-manager', label: 'Find a Case Manager' },
  { href: '/faq', label: 'FAQ' },
  { href: '/contact', label: 'Contact' },
]

const footerNav = [
  { href: '/apply', label: 'Apply for Membership' },
  { href: '/faq', label: 'Frequently asked questions' },
  { href: '/find-a-case-manager', label: 'Find a Case Manager' },
  { href: '/request-a-callback', label: 'Request a Callback' },
  { href: '/contact', label: 'Contact us' },
  { href: '/privacy', label: 'How we use your details' },
]

type LayoutProps = {
  ctx: ViewContext
  title: string
  /** When the page shows form errors, the title starts with "Error: " so screen readers hear it first. */
  hasErrors?: boolean
  children: ComponentChildren
}

export function Layout({ ctx, title, hasErrors = false, children }: LayoutProps) {
  const fullTitle = `${hasErrors ? 'Error: ' : ''}${title} – ${ctx.society.shortName}`
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <div class="container header-bar">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">
                {ctx.society.shortName}
              </span>
              <span class="brand-name">{ctx.society.name}</span>
            </a>
            <div class="header-account">
              {ctx.user ? (
                <>
                  <span class="header-user">{ctx.user.name}</span>
                  {ctx.user.isStaff && <a href="/admin">Back office</a>}
                  <a href="/account">Your account</a>
                  <form method="post" action="/logout" class="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button type="submit" class="link-button">
                      Sign out
                    </button>
                  </form>
                </>
              ) : (
                <a class="login-link" href="/login">
                  Login
                </a>
              )}
            </div>
          </div>
          <nav class="site-nav" aria-label="Main">
            <ul class="container">
              {mainNav.map((item) => (
                <li>
                  <a href={item.href} aria-current={isCurrent(ctx.currentPath, item.href) ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {(ctx.offline.mail || ctx.offline.payments) && (
          <aside class="offline-strip" aria-label="Demo mode">
            <p class="container">{offlineMessage(ctx.offline)}</p>
          </aside>
        )}
        <main id="main" class="container main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <nav aria-label="Footer">
              <ul class="footer-links">
                {footerNav.map((item) => (
                  <li>
                    <a href={item.href}>{item.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <p class="footer-meta">© {ctx.society.name}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}

function offlineMessage({ mail, payments }: ViewContext['offline']) {
  const parts = [mail && 'emails are kept on this site instead of being sent', payments && 'card payments use a test PayPal']
  return `Demo mode: ${parts.filter(Boolean).join(' and ')}. Nothing real is sent or charged.`
}

function isCurrent(currentPath: string, href: string) {
  return href === '/' ? currentPath === '/' : currentPath === href || currentPath.startsWith(`${href}/`)
}

/** A page heading with an optional lead paragraph: the top of nearly every page. */
export function PageHeading({ title, lead, caption }: { title: string; lead?: string; caption?: string }) {
  return (
    <div class="page-heading">
      {caption && <span class="caption">{caption}</span>}
      <h1>{title}</h1>
      {lead && <p class="lead">{lead}</p>}
    </div>
  )
}
