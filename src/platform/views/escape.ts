const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** For the few strings built outside JSX (email HTML). */
export function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => entities[c]!)
}
