import type { ViewContext } from './context.ts'
import { Layout, PageHeading } from './layout.tsx'

export function NotFoundPage({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout ctx={ctx} title="Page not found">
      <PageHeading title="Page not found" />
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        You can go to the <a href="/">home page</a>, read the <a href="/faq">frequently asked questions</a> or{' '}
        <a href="/contact">contact us</a>.
      </p>
    </Layout>
  )
}

export function ErrorPage({ ctx, status, message }: { ctx: ViewContext; status: number; message?: string }) {
  const titles: Record<number, string> = {
    400: 'There was a problem with what was sent',
    403: 'You cannot do that',
    413: 'That was too large to send',
    429: 'Too many attempts',
  }
  const title = titles[status] ?? 'Sorry, there is a problem with the service'
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={title} />
      {status >= 500 ? (
        <>
          <p>Try again later. Nothing you sent has been lost if you saw a confirmation before this page.</p>
          <p>
            If the problem continues, <a href="/contact">contact the office</a>.
          </p>
        </>
      ) : (
        <>
          {message && <p>{message}</p>}
          {status === 429 && <p>Please wait a few minutes, then try again.</p>}
          <p>
            Go back to the <a href="/">home page</a> or <a href="/contact">contact us</a>.
          </p>
        </>
      )}
    </Layout>
  )
}
