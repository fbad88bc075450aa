import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { NotFound } from '../../platform/http/errors.ts'
import { requireUser } from '../../platform/http/guards.ts'
import { render, seeOther } from '../../platform/http/render.ts'
import type { FormState } from '../../platform/views/context.ts'
import { editableApplication, withRedirects } from './applicant.ts'
import { readEvidence, sniffType, storeEvidence } from './evidence-files.ts'
import type { LoadedApplication } from './queries.ts'
import { previousStep } from './steps.ts'
import { EvidencePage } from './views/steps.tsx'
import { isUuid } from '../../platform/http/ids.ts'

export async function evidenceRoutes(app: FastifyInstance, { db, config, viewContext }: AppDeps) {
  const page = async (req: Parameters<typeof viewContext>[0], l: LoadedApplication, form: FormState) =>
    EvidencePage({ ctx: await viewContext(req), back: previousStep(l.application.grade, 'evidence'), files: l.files, form })

  app.get(
    '/apply/evidence',
    withRedirects(async (req, reply) => {
      const l = await editableApplication(db, req)
      return render(reply, await page(req, l, { values: {}, errors: {} }))
    }),
  )

  app.post(
    '/apply/evidence',
    withRedirects(async (req, reply) => {
      const l = await editableApplication(db, req)
      const fail = async (message: string) => render(reply, await page(req, l, { values: {}, errors: { file: message } }), 400)
      if (!req.isMultipart()) return fail('Choose a file to upload')
      const file = await req.file()
      if (!file || file.filename === '') return fail('Choose a file to upload')
      const content = await file.toBuffer().catch(() => null)
      if (!content || file.file.truncated) return fail('The file must be smaller than 10 MB')
      if (content.length === 0) return fail('The file is empty')
      const type = sniffType(content.subarray(0, 16))
      if (!type) return fail('The file must be a PDF, JPEG or PNG')
      if (l.files.length >= 10) return fail('You can upload up to 10 files')
      await storeEvidence(db, config.dataDir, l.application.id, file.filename, content, type)
      return seeOther(reply, '/apply/evidence')
    }),
  )

  /** The applicant's own files only; staff download through the back office. */
  app.get<{ Params: { id: string } }>('/apply/files/:id', async (req, reply) => {
    const user = requireUser(req)
    if (!isUuid(req.params.id)) throw new NotFound()
    const file = await readEvidence(db, config.dataDir, req.params.id)
    const owner = file && (await db.selectFrom('applications').select('user_id').where('id', '=', file.application_id).executeTakeFirst())
    if (!file || owner?.user_id !== user.id) throw new NotFound()
    return sendFile(reply, file)
  })
}

export function sendFile(reply: import('fastify').FastifyReply, file: { filename: string; content_type: string; content: Buffer }) {
  return reply
    .header('content-type', file.content_type)
    .header('content-disposition', `attachment; filename="${file.filename.replace(/"/g, '')}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.content)
}
