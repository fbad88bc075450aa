import type { Generated, Timestamp } from '../../platform/db/tables.ts'

export type CallbackStatus = 'new' | 'called' | 'closed'

export interface ContentTables {
  pages: { slug: string; title: string; summary: Generated<string>; body: string; updated_at: Timestamp }
  faq_categories: { id: Generated<number>; slug: string; title: string; position: number }
  faq_entries: {
    id: Generated<number>
    category_id: number
    slug: string
    question: string
    answer: string
    position: number
    updated_at: Timestamp
  }
  callback_requests: {
    id: Generated<number>
    name: string
    phone: string
    email: string | null
    best_time: string
    about: string
    status: Generated<CallbackStatus>
    staff_note: Generated<string>
    created_at: Timestamp
    updated_at: Timestamp
  }
}
