import { escapeHtml } from '../views/escape.ts'

export type RenderedEmail = { subject: string; text: string; html: string }

export type EmailContent = {
  subject: string
  greeting?: string
  /** Paragraphs of plain text. A line of the form "Label: value" inside a block is kept as a line. */
  paragraphs: string[]
  action?: { label: string; url: string }
  society: { name: string; shortName: string }
  baseUrl: string
}

/** Every email has a plain-text and an HTML part, with the society's name and footer, made here. */
export function renderEmail(content: EmailContent): RenderedEmail {
  const footer = `${content.society.name}\n${content.baseUrl}`
  const textParts = [
    content.greeting,
    ...content.paragraphs,
    content.action && `${content.action.label}:\n${content.action.url}`,
    `--\n${footer}`,
  ].filter(Boolean)
  const para = (p: string) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f5f6;font-family:Arial,Helvetica,sans-serif;color:#1d2a33;font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto;background:#ffffff">
<div style="background:#0b4f5c;color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold">${escapeHtml(content.society.shortName)}</div>
<div style="padding:24px">
${content.greeting ? para(content.greeting) : ''}${content.paragraphs.map(para).join('\n')}
${content.action ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#0b4f5c;color:#ffffff;padding:12px 20px;text-decoration:none;font-weight:bold;display:inline-block">${escapeHtml(content.action.label)}</a></p><p style="font-size:14px">If the button does not work, copy this address into your browser: ${escapeHtml(content.action.url)}</p>` : ''}
</div>
<div style="padding:16px 24px;border-top:1px solid #d5dadd;font-size:14px;color:#4a5963">${escapeHtml(content.society.name)}<br><a href="${escapeHtml(content.baseUrl)}" style="color:#0b4f5c">${escapeHtml(content.baseUrl)}</a></div>
</div></body></html>`
  return { subject: content.subject, text: `${textParts.join('\n\n')}\n`, html }
}
