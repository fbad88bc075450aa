import type { Db } from '../../platform/db/database.ts'

export function findPage(db: Db, slug: string) {
  return db.selectFrom('pages').select(['slug', 'title', 'summary', 'body']).where('slug', '=', slug).executeTakeFirst()
}

export type FaqCategory = {
  slug: string
  title: string
  entries: { slug: string; question: string; answer: string }[]
}

export async function listFaq(db: Db): Promise<FaqCategory[]> {
  const rows = await db
    .selectFrom('faq_entries as e')
    .innerJoin('faq_categories as c', 'c.id', 'e.category_id')
    .select(['c.slug as categorySlug', 'c.title as categoryTitle', 'e.slug', 'e.question', 'e.answer'])
    .orderBy('c.position')
    .orderBy('e.position')
    .execute()
  const categories = new Map<string, FaqCategory>()
  for (const row of rows) {
    const category = categories.get(row.categorySlug) ?? { slug: row.categorySlug, title: row.categoryTitle, entries: [] }
    category.entries.push({ slug: row.slug, question: row.question, answer: row.answer })
    categories.set(row.categorySlug, category)
  }
  return [...categories.values()]
}
