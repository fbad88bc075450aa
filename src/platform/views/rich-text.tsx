import type { ComponentChildren } from 'preact'

/**
 * Renders the small text format staff write pages in: blocks separated by a blank line, a block of
 * "- " lines is a list, "## " starts a heading, [text](link) makes a link. Everything is escaped, and
 * only relative, http(s) and mailto links are kept, so stored content can never inject markup.
 */
export function RichText({ text, headingLevel = 2 }: { text: string; headingLevel?: 2 | 3 }) {
  const blocks = text.replace(/\r\n/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean)
  return (
    <>
      {blocks.map((block) => {
        const lines = block.split('\n')
        if (lines.every((line) => line.startsWith('- ')))
          return (
            <ul class="list">
              {lines.map((line) => (
                <li>{inline(line.slice(2))}</li>
              ))}
            </ul>
          )
        if (block.startsWith('## ')) {
          const Heading = headingLevel === 2 ? 'h2' : 'h3'
          return <Heading>{inline(block.slice(3))}</Heading>
        }
        return <p>{lines.flatMap((line, i) => (i === 0 ? [inline(line)] : [<br />, inline(line)]))}</p>
      })}
    </>
  )
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g

function inline(text: string): ComponentChildren[] {
  const parts: ComponentChildren[] = []
  let last = 0
  for (const match of text.matchAll(LINK)) {
    const [whole, label, href] = match
    parts.push(text.slice(last, match.index))
    parts.push(isSafeHref(href!) ? <a href={href}>{label}</a> : label)
    last = match.index + whole.length
  }
  parts.push(text.slice(last))
  return parts
}

export function isSafeHref(href: string) {
  return /^(\/(?!\/)|#|https?:\/\/|mailto:)/i.test(href)
}

/** The plain text of rich text, for summaries and plain-text emails. */
export function richTextToPlain(text: string) {
  return text.replace(LINK, '$1').replace(/^## /gm, '').replace(/^- /gm, '• ')
}
