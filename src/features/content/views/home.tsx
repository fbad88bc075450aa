import type { ViewContext } from '../../../platform/views/context.ts'
import { ButtonLink } from '../../../platform/views/form.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { RichText } from '../../../platform/views/rich-text.tsx'

type Page = { title: string; summary: string; body: string }

export function HomePage({ ctx, page }: { ctx: ViewContext; page: Page }) {
  return (
    <Layout ctx={ctx} title="Home">
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{page.title}</h1>
        <p class="lead">{page.summary}</p>
        <div class="button-group">
          <ButtonLink href="/apply" variant="start">
            Apply for Membership
          </ButtonLink>
          <a class="hero-secondary" href="/membership">
            Compare membership types and fees
          </a>
        </div>
      </section>
      <div class="prose">
        <RichText text={page.body} />
      </div>
      <ul class="card-grid">
        <li class="card">
          <h2>
            <a href="/what-is-case-management">What is case management?</a>
          </h2>
          <p>How CMSUK defines case management.</p>
        </li>
        <li class="card">
          <h2>
            <a href="/benefits">Benefits of membership</a>
          </h2>
          <p>Study days, the annual conference, committees, the newsletter and links with purchasers.</p>
        </li>
        <li class="card">
          <h2>
            <a href="/faq">Frequently asked questions</a>
          </h2>
          <p>Applying, paying, the types of membership and keeping clients’ notes.</p>
        </li>
        <li class="card">
          <h2>
            <a href="/request-a-callback">Request a Callback</a>
          </h2>
          <p>Leave your number and the office will call you back.</p>
        </li>
      </ul>
    </Layout>
  )
}
