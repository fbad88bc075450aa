import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Db } from '../../platform/db/database.ts'

export const MAX_FILE_BYTES = 10 * 1024 * 1024

/** The type a file really is, from its first bytes, whatever its name says. */
export function sniffType(head: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  return null
}

/** Uploaded files live under DATA_DIR/uploads, outside anything the web server serves. */
export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads')

export async function storeEvidence(db: Db, dataDir: string, applicationId: string, filename: string, content: Buffer, type: string) {
  const key = randomUUID()
  await fs.mkdir(uploadsDir(dataDir), { recursive: true })
  await fs.writeFile(path.join(uploadsDir(dataDir), key), content, { mode: 0o600 })
  const safeName = filename.replace(/[^\w .()-]/g, '_').slice(0, 120) || 'evidence'
  await db.insertInto('application_files').values({ application_id: applicationId, filename: safeName, content_type: type, size_bytes: content.length, storage_key: key }).execute()
}

export async function readEvidence(db: Db, dataDir: string, fileId: string) {
  const file = await db.selectFrom('application_files').select(['application_id', 'filename', 'content_type', 'storage_key']).where('id', '=', fileId).executeTakeFirst()
  if (!file) return undefined
  return { ...file, content: await fs.readFile(path.join(uploadsDir(dataDir), file.storage_key)) }
}
