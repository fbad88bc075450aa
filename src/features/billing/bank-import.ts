import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { type BankLine, parseBankCsv } from './bank-csv.ts'
import { findCompanyInvoice, payCompanyInvoice } from './company-invoices.ts'
import { dueOnInvoiceI } from './paid-sql.ts'
import { recordLedgerEntry } from './service.ts'

const squash = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '')

export type ImportReport = {
  matched: number
  unmatched: number
  alreadyImported: number
  skippedDebits: number
  errors: { lineNo: number; message: string }[]
}

/**
 * Imports a bank statement: a line whose description carries exactly one open invoice's reference, for
 * the amount still due, pays that invoice; every other line is kept as unmatched for staff, with suggestions.
 * Lines seen before (by fingerprint) are skipped, so importing the same file twice changes nothing.
 */
export async function importBankStatement(db: Db, config: Config, actorId: string, csv: string): Promise<ImportReport> {
  const parsed = parseBankCsv(csv)
  const report: ImportReport = { matched: 0, unmatched: 0, alreadyImported: 0, skippedDebits: parsed.skippedDebits, errors: parsed.errors }
  const open = await openInvoices(db)
  const combinedOpen = await openCompanyInvoices(db)
  for (const line of parsed.lines) {
    const claimed = await db
      .insertInto('bank_lines')
      .values({ fingerprint: line.fingerprint, received_on: line.date, description: line.description, amount_pence: line.amountPence, status: 'unmatched', invoice_id: null, imported_by: actorId })
      .onConflict((oc) => oc.column('fingerprint').doNothing())
      .returning('fingerprint')
      .executeTakeFirst()
    if (!claimed) {
      report.alreadyImported++
      continue
    }
    const candidates = referencedIn(line, open)
    const exact = candidates.length === 1 && candidates[0]!.due === line.amountPence ? candidates[0]! : undefined
    const combined = candidates.length === 0 ? combinedOpen.filter((c) => c.due > 0 && squash(line.description).includes(squash(c.reference))) : []
    if (!exact && combined.length === 1 && combined[0]!.due === line.amountPence) {
      // A company paying its combined invoice: shared out over the member invoices on it.
      await payCompanyInvoice(db, config, combined[0]!.id, { method: 'bacs', amountPence: line.amountPence, receivedOn: line.date, externalRef: line.fingerprint, payer: line.description.slice(0, 100), note: 'Bank statement import', actorId })
      await db.updateTable('bank_lines').set({ status: 'matched' }).where('fingerprint', '=', line.fingerprint).execute()
      combined[0]!.due = 0
      report.matched++
      continue
    }
    if (!exact) {
      report.unmatched++
      continue
    }
    await recordLedgerEntry(db, config, {
      invoiceId: exact.id,
      kind: 'payment',
      method: 'bacs',
      amountPence: line.amountPence,
      receivedOn: line.date,
      externalRef: line.fingerprint,
      payer: line.description.slice(0, 100),
      note: 'Bank statement import',
      actorId,
    })
    await db.updateTable('bank_lines').set({ status: 'matched', invoice_id: exact.id }).where('fingerprint', '=', line.fingerprint).execute()
    exact.due = 0
    report.matched++
  }
  return report
}

type OpenInvoice = { id: string; reference: string; number: string; membershipNumber: string; name: string; due: number }

async function openInvoices(db: Db): Promise<OpenInvoice[]> {
  const rows = await db
    .selectFrom('invoices as i')
    .innerJoin('memberships as m', 'm.id', 'i.membership_id')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select(['i.id', 'i.reference', 'i.number', 'm.number as membershipNumber', 'u.name', dueOnInvoiceI.as('due')])
    .where('i.voided_at', 'is', null)
    .execute()
  return rows.map((r) => ({ ...r, due: Number(r.due) })).filter((r) => r.due > 0)
}

async function openCompanyInvoices(db: Db) {
  const ids = await db.selectFrom('company_invoices').select('id').where('voided_at', 'is', null).where('issued_at', '>', new Date(Date.now() - 400 * 86_400_000)).execute()
  const found = await Promise.all(ids.map((r) => findCompanyInvoice(db, r.id)))
  return found.flatMap((c) => (c && c.dueNow > 0 ? [{ id: c.id, reference: c.reference, due: c.dueNow }] : []))
}

const referencedIn = (line: BankLine, open: OpenInvoice[]) => open.filter((inv) => inv.due > 0 && squash(line.description).includes(squash(inv.reference)))

/** Unmatched lines, each with the invoices it might be for: by reference, membership number, name or amount. */
export async function unmatchedLines(db: Db) {
  const [lines, open] = await Promise.all([
    db.selectFrom('bank_lines').select(['fingerprint', 'received_on', 'description', 'amount_pence']).where('status', '=', 'unmatched').orderBy('received_on', 'desc').limit(200).execute(),
    openInvoices(db),
  ])
  return lines.map((l) => {
    const text = squash(l.description)
    const suggestions = open
      .map((inv) => {
        const reasons: string[] = []
        if (text.includes(squash(inv.reference))) reasons.push('reference')
        if (text.includes(squash(inv.membershipNumber))) reasons.push('membership number')
        const surname = squash(inv.name.split(' ').at(-1) ?? '')
        if (surname.length >= 3 && text.includes(surname)) reasons.push('name')
        if (inv.due === l.amount_pence) reasons.push('amount')
        return { ...inv, reasons }
      })
      .filter((s) => s.reasons.length > 0 && (s.reasons.length > 1 || s.reasons[0] !== 'amount'))
      .sort((a, b) => b.reasons.length - a.reasons.length)
      .slice(0, 3)
    return { ...l, receivedOn: l.received_on.toISOString().slice(0, 10), suggestions }
  })
}
