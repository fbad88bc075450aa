import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createUser } from '../../../test/support/factories.ts'
import { runRenewals } from './renewals.ts'
import { addDays, toDateOnly } from './rules.ts'
import { issueJoiningInvoice, recordLedgerEntry, statusOfMembership } from './service.ts'
import { useTestApp } from '../../../test/support/suite.ts'

const t = useTestApp()

const today = toDateOnly(new Date())

/** A member whose paid term ends on `endsOn` (paid a year before). */
async function memberEnding(endsOn: string) {
  const user = await createUser(t.db, t.config)
  const m = await t.db.insertInto('memberships').values({ user_id: user.id, number: `CM7${Math.floor(Math.random() * 1e5).toString().padStart(5, '0')}`, grade: 'case-manager', application_id: null }).returning('id').executeTakeFirstOrThrow()
  const invoice = await issueJoiningInvoice(t.db, { id: m.id, userId: user.id, grade: 'case-manager' })
  const paidOn = addDays(endsOn, -364)
  await recordLedgerEntry(t.db, t.config, { invoiceId: invoice.id, kind: 'payment', method: 'bacs', amountPence: 7500, receivedOn: paidOn, externalRef: `T-${m.id}`, payer: '', note: '', actorId: null })
  const term = await t.db.selectFrom('membership_terms').select('ends_on').where('membership_id', '=', m.id).executeTakeFirstOrThrow()
  assert.equal(toDateOnly(term.ends_on), endsOn)
  return { user, membershipId: m.id }
}

const remindersOf = (membershipId: string) => t.db.selectFrom('renewal_reminders').select('stage').where('membership_id', '=', membershipId).orderBy('sent_at').execute()
const renewalInvoices = (membershipId: string) => t.db.selectFrom('invoices').select(['id', 'total_pence', 'due_on']).where('membership_id', '=', membershipId).where('kind', '=', 'renewal').execute()

describe('renewals (rule 18)', () => {
  it('issues the renewal invoice 30 days before the end, reminds at each stage once, and renewing continues from the old end', async () => {
    const endsOn = addDays(today, 20)
    const { membershipId, user } = await memberEnding(endsOn)
    assert.equal(await statusOfMembership(t.db, membershipId), 'renewal_due')

    await runRenewals(t.db, t.config, today)
    await runRenewals(t.db, t.config, today)
    const invoices = await renewalInvoices(membershipId)
    assert.equal(invoices.length, 1, 'one renewal invoice, however often the job runs')
    assert.equal(toDateOnly(invoices[0]!.due_on), endsOn)
    assert.deepEqual(await remindersOf(membershipId), [{ stage: '30-days' }])

    await runRenewals(t.db, t.config, addDays(endsOn, -10))
    await runRenewals(t.db, t.config, addDays(endsOn, -10))
    assert.deepEqual(await remindersOf(membershipId), [{ stage: '30-days' }, { stage: '14-days' }])
    const mail = await t.db.selectFrom('email_messages').select(['subject', 'text_body']).where('to_address', '=', user.email).where('template', 'like', 'renewal-%').execute()
    assert.equal(mail.length, 2)
    assert.match(mail[0]!.text_body, /Your renewal invoice is ready: £75\.00/)

    // Paying late (in the grace period) still continues from the old end date.
    await recordLedgerEntry(t.db, t.config, { invoiceId: invoices[0]!.id, kind: 'payment', method: 'bacs', amountPence: 7500, receivedOn: addDays(endsOn, 5), externalRef: `R-${membershipId}`, payer: '', note: '', actorId: null })
    const terms = await t.db.selectFrom('membership_terms').select(['starts_on', 'ends_on']).where('membership_id', '=', membershipId).orderBy('starts_on').execute()
    assert.equal(toDateOnly(terms[1]!.starts_on), addDays(endsOn, 1))
    await runRenewals(t.db, t.config, addDays(endsOn, 8))
    assert.equal((await remindersOf(membershipId)).length, 2, 'no reminder after renewing')
  })

  it('keeps a member active through the grace period, then they lapse and are told how to rejoin', async () => {
    const endsOn = addDays(today, -35)
    const { membershipId, user } = await memberEnding(endsOn)
    assert.equal(await statusOfMembership(t.db, membershipId, addDays(endsOn, 10)), 'in_grace')
    assert.equal(await statusOfMembership(t.db, membershipId), 'lapsed')
    await runRenewals(t.db, t.config, today)
    assert.deepEqual(await remindersOf(membershipId), [{ stage: 'lapsed' }])
    const mail = await t.db.selectFrom('email_messages').select('text_body').where('to_address', '=', user.email).where('template', '=', 'renewal-lapsed').executeTakeFirstOrThrow()
    assert.match(mail.text_body, /has now lapsed/)
    assert.match(mail.text_body, /Apply again/)
  })

  it('lapses an approval whose invoice is still unpaid after its pay-by date, and tells the office (rule 17)', async () => {
    const user = await createUser(t.db, t.config, { name: 'Una Unpaid' })
    const m = await t.db.insertInto('memberships').values({ user_id: user.id, number: 'CM777777', grade: 'associate', application_id: null }).returning('id').executeTakeFirstOrThrow()
    const invoice = await issueJoiningInvoice(t.db, { id: m.id, userId: user.id, grade: 'associate' })
    const dueOn = toDateOnly((await t.db.selectFrom('invoices').select('due_on').where('id', '=', invoice.id).executeTakeFirstOrThrow()).due_on)
    assert.equal(dueOn, addDays(today, 60), 'the pay link is valid for 60 days')
    assert.equal((await runRenewals(t.db, t.config, addDays(dueOn, 0))).approvalsLapsed, 0)
    assert.equal((await runRenewals(t.db, t.config, addDays(dueOn, 1))).approvalsLapsed, 1)
    const voided = await t.db.selectFrom('invoices').select('voided_at').where('id', '=', invoice.id).executeTakeFirstOrThrow()
    assert.ok(voided.voided_at)
    const mail = await t.db.selectFrom('email_messages').select('text_body').where('template', '=', 'approvals-lapsed').executeTakeFirstOrThrow()
    assert.match(mail.text_body, /Una Unpaid/)
  })
})
