import PDFDocument from 'pdfkit'
import { formatCalendarDate } from '../../platform/dates.ts'
import { formatMoney } from '../../platform/money.ts'
import type { CompanyInvoice } from './company-invoices.ts'
import type { InvoiceView } from './service.ts'

type Details = {
  invoice: InvoiceView
  member: { name: string; membershipNumber: string; email: string }
  society: { name: string; postalAddress: string; chequePayee: string }
  bank: { accountName: string; sortCode: string; accountNumber: string }
}

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/** An A4 document with the society's heading; `done` gives its bytes once `end()` is called. */
function societyDocument(title: string, society: { name: string; postalAddress: string }) {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: society.name } })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  doc.fillColor('#0b4f5c').fontSize(20).text(society.name)
  doc.fillColor('#1d2a33').fontSize(10).text(society.postalAddress.replace(/\n/g, ', '))
  doc.moveDown(1.5)
  const line = (label: string, amount: string, bold = false) => {
    const y = doc.y
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(label, 56, y, { width: 360 })
    doc.text(amount, 420, y, { width: 120, align: 'right' })
    doc.moveDown(0.4)
  }
  return { doc, done, line }
}

/** The invoice as a PDF; once it is paid in full the same document is the receipt. */
export function invoicePdf({ invoice, member, society, bank }: Details): Promise<Buffer> {
  const paid = invoice.status === 'paid' || invoice.status === 'overpaid'
  const { doc, done, line } = societyDocument(`${paid ? 'Receipt' : 'Invoice'} ${invoice.number}`, society)
  doc.fontSize(16).text(paid ? `Receipt for invoice ${invoice.number}` : `Invoice ${invoice.number}`)
  doc.fontSize(10).moveDown(0.5)
  doc.text(`Issued: ${day.format(invoice.issuedAt)}`)
  doc.text(`Pay by: ${formatCalendarDate(invoice.dueOn)}`)
  doc.text(`Payment reference: ${invoice.reference}`)
  doc.moveDown()
  doc.text(`To: ${member.name}`)
  doc.text(`Membership number: ${member.membershipNumber}`)
  doc.text(member.email)
  doc.moveDown()
  for (const l of invoice.lines) line(l.description, formatMoney(l.amountPence))
  line(`VAT: ${invoice.vatTreatment === 'exempt' ? 'exempt (professional body subscription)' : 'standard rate'}`, formatMoney(0))
  line('Total', formatMoney(invoice.totalPence), true)
  for (const p of invoice.payments) line(`${p.kind === 'payment' ? 'Paid' : p.kind === 'refund' ? 'Refunded' : 'Reversed'} by ${p.method} on ${formatCalendarDate(p.receivedOn)}`, formatMoney(p.amountPence))
  line(paid ? 'Balance' : 'Amount due', formatMoney(invoice.totalPence - invoice.paidPence), true)
  doc.font('Helvetica').moveDown()
  if (!paid) {
    doc.fontSize(12).text('How to pay').fontSize(10).moveDown(0.3)
    doc.text('By card: sign in at our website, view your profile and press Pay.')
    doc.text(`By cheque: payable to ${society.chequePayee}, sent to ${society.postalAddress.replace(/\n/g, ', ')}, with your name and membership number on the back.`)
    doc.text(`By BACS: account ${bank.accountName}, sort code ${bank.sortCode}, account number ${bank.accountNumber}, quoting ${invoice.reference}.`)
  } else doc.fontSize(12).text('Thank you: this invoice is paid.')
  doc.end()
  return done
}

type CombinedDetails = { invoice: CompanyInvoice; contact: { name: string; email: string }; society: Details['society']; bank: Details['bank'] }

/** A company's combined invoice as a PDF, for its accounts department; once paid, its receipt. */
export function combinedInvoicePdf({ invoice, contact, society, bank }: CombinedDetails): Promise<Buffer> {
  const paid = invoice.status === 'paid'
  const { doc, done, line } = societyDocument(`${paid ? 'Receipt' : 'Invoice'} ${invoice.number}`, society)
  doc.fontSize(16).text(paid ? `Receipt for invoice ${invoice.number}` : `Invoice ${invoice.number}`)
  doc.fontSize(10).moveDown(0.5)
  doc.text(`Issued: ${day.format(invoice.issued_at)}`)
  doc.text(`Pay by: ${formatCalendarDate(invoice.due_on.toISOString())}`)
  doc.text(`Payment reference: ${invoice.reference}`)
  doc.moveDown()
  doc.text(`To: ${invoice.companyName}, for the attention of ${contact.name}`)
  doc.text(contact.email)
  doc.moveDown()
  for (const i of invoice.items) line(`${i.name}, membership ${i.membershipNumber} (invoice ${i.number})`, formatMoney(i.amount_pence))
  line('VAT: exempt (professional body subscription)', formatMoney(0))
  line('Total', formatMoney(invoice.total_pence), true)
  line(paid ? 'Balance' : 'Amount due', formatMoney(invoice.dueNow), true)
  doc.font('Helvetica').moveDown()
  if (!paid) {
    doc.fontSize(12).text('How to pay').fontSize(10).moveDown(0.3)
    doc.text('By card: sign in at our website, open Pay for your members and press Pay on this invoice.')
    doc.text(`By cheque: payable to ${society.chequePayee}, sent to ${society.postalAddress.replace(/\n/g, ', ')}, with your company's name and ${invoice.number} on the back.`)
    doc.text(`By BACS: account ${bank.accountName}, sort code ${bank.sortCode}, account number ${bank.accountNumber}, quoting ${invoice.reference}.`)
  } else doc.fontSize(12).text('Thank you: the memberships on this invoice are paid.')
  doc.end()
  return done
}
