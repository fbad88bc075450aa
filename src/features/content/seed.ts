import type { Db } from '../../platform/db/database.ts'
import { getSetting } from '../../platform/settings.ts'
import { faqSeed } from './faq-seed.ts'
import { pagesSeed } from './pages-seed.ts'

/** Seeds the FAQ and the public pages; existing rows (staff edits) are never overwritten. */
export async function seedContent(db: Db, officeEmail: string) {
  const society = await getSetting(db, 'society')
  const faq = faqSeed(officeEmail)
  const pages = [
    ...pagesSeed(officeEmail, society.postalAddress),
    { slug: 'faq', title: 'Frequently asked questions', summary: '', body: faq.intro },
  ]
  await db.insertInto('pages').values(pages).onConflict((oc) => oc.column('slug').doNothing()).execute()
  for (const [position, category] of faq.categories.entries()) {
    const { id } = await db
      .insertInto('faq_categories')
      .values({ slug: category.slug, title: category.title, position })
      .onConflict((oc) => oc.column('slug').doUpdateSet({ slug: category.slug }))
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('faq_entries')
      .values(category.entries.map((entry, i) => ({ ...entry, category_id: id, position: i })))
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute()
  }
}
