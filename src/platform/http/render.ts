import type { FastifyReply } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'

/** Sends a server-rendered page. Preact escapes every string, so templates cannot inject markup. */
export function render(reply: FastifyReply, page: VNode, status = 200) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>${renderToString(page)}`)
}

/** Redirect after a POST: the browser GETs the next page, so refresh and Back never resubmit. */
export function seeOther(reply: FastifyReply, location: string) {
  return reply.code(303).redirect(location)
}
