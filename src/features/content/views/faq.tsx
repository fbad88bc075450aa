import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import { RichText } from '../../../platform/views/rich-text.tsx'
import type { FaqCategory } from '../queries.ts'

export function FaqPage({ ctx, intro, categories }: { ctx: ViewContext; intro: string; categories: FaqCategory[] }) {
  return (
    <Layout ctx={ctx} title="Frequently asked questions">
      <PageHeading title="Frequently asked questions" />
      <div class="prose">
        <RichText text={intro} />
      </div>
      <nav class="contents" aria-labelledby="faq-contents">
        <h2 id="faq-contents" class="contents-title">
          Categories for frequently asked questions are:
        </h2>
        <ul>
          {categories.map((category) => (
            <li>
              <a href={`#${category.slug}`}>{category.title}</a>
              <ul>
                {category.entries.map((entry) => (
                  <li>
                    <a href={`#${entry.slug}`}>{entry.question}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      {categories.map((category) => (
        <section class="faq-category" aria-labelledby={category.slug}>
          <h2 id={category.slug}>{category.title}</h2>
          {category.entries.map((entry) => (
            <article class="faq-entry" aria-labelledby={entry.slug}>
              <h3 id={entry.slug}>
                <span class="faq-q" aria-hidden="true">
                  Q.{' '}
                </span>
                {entry.question}
              </h3>
              <div class="prose">
                <RichText text={entry.answer} headingLevel={3} />
              </div>
              <p class="back-to-top">
                <a href="#main">Back to top</a>
              </p>
            </article>
          ))}
        </section>
      ))}
    </Layout>
  )
}
