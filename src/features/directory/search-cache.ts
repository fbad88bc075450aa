import type { Db } from '../../platform/db/database.ts'
import { type SearchInput, type SearchResult, search } from './search.ts'

/**
 * Recent searches and their results, kept while the directory has not changed. Every change to a listing, or
 * through it to a member's grade or paid_through, moves `directory_state.version` in the same transaction, and a
 * result is stored under the version read in its own snapshot; so a hit is exactly what the search would return
 * now, and a member who lapses, opts out or is hidden still disappears at once. The date that decides "active"
 * is part of the key. One cache per process; with `maxEntries` 0 every search goes to the database.
 */
export function createSearchCache(db: Db, maxEntries: number) {
  const entries = new Map<string, { version: string; result: SearchResult }>()
  return async function cachedSearch(input: SearchInput): Promise<SearchResult> {
    const key = JSON.stringify(input)
    const cached = maxEntries > 0 ? entries.get(key) : undefined
    if (cached) {
      const { version } = await db.selectFrom('directory_state').select('version').executeTakeFirstOrThrow()
      if (String(version) === cached.version) {
        entries.delete(key)
        entries.set(key, cached)
        return cached.result
      }
    }
    const { version, ...result } = await search(db, input)
    if (maxEntries > 0) {
      entries.delete(key)
      entries.set(key, { version, result })
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
    }
    return result
  }
}
