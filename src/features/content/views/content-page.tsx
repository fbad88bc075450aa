import type { ComponentChildren } from 'preact'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import { RichText } from '../../../platform/views/rich-text.tsx'

type Page = { title: string; summary: string; body: string }

/** A page whose words are stored in the database and edited by staff; `children` adds live data. */
export function ContentPage({ ctx, page, children }: { ctx: ViewContext; page: Page; children?: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={page.title}>
      <PageHeading title={page.title} lead={page.summary || undefined} />
      <div class="prose">
        <RichText text={page.body} />
      </div>
      {children}
    </Layout>
  )
}
