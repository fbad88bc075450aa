import { formatMoney } from '../../../platform/money.ts'
import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'

type Company = {
  id: string
  name: string
  contactName: string | null
  contactEmail: string | null
  counting: number
  qualifies: boolean
  minMembers: number
  members: { id: string; name: string; email: string; confirmed_at: Date | null }[]
  combinedInvoices: { id: string; number: string; total_pence: number; voided_at: Date | null }[]
}

export function CompaniesPage({ ctx, companies, form = { values: {}, errors: {} } }: { ctx: ViewContext; companies: Company[]; form?: FormState }) {
  return (
    <AdminLayout ctx={ctx} title="Companies" hasErrors={Object.keys(form.errors).length > 0} lead="Members name their employer; confirm each link. Companies with enough active or invoiced members get the company discount on new invoices.">
      <ErrorSummary errors={form.errors} />
      {companies.length === 0 && <p>No member has named an employer yet.</p>}
      {companies.map((c) => (
        <section class="card stack" aria-labelledby={`company-${c.id}`}>
          <h2 id={`company-${c.id}`}>
            {c.name} {c.qualifies ? <span class="tag tag--green">Discount applies</span> : <span class="tag">No discount yet</span>}
          </h2>
          <p>
            {c.counting} of the {c.minMembers} members needed are active or approved and invoiced.
          </p>
          <ul class="added-list">
            {c.members.map((m) => (
              <li>
                <span>
                  {m.name} <span class="hint">{m.email}</span> {m.confirmed_at ? <span class="tag tag--green">Confirmed</span> : <span class="tag tag--yellow">Awaiting confirmation</span>}
                </span>
                {!m.confirmed_at && (
                  <Form action={`/admin/companies/links/${m.id}/confirm`} csrfToken={ctx.csrfToken}>
                    <Button variant="secondary">
                      Confirm<span class="visually-hidden"> {m.name} works for {c.name}</span>
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
          <p>
            Company contact: {c.contactName ? `${c.contactName} (${c.contactEmail})` : 'none yet'}. The contact can pay all the members’ membership invoices with one combined invoice from their account.
          </p>
          {c.combinedInvoices.length > 0 && (
            <p>
              Combined invoices:{' '}
              {c.combinedInvoices.map((i, n) => (
                <>
                  {n > 0 && ', '}
                  <a href={`/admin/payments/company-invoices/${i.id}`}>{i.number}</a> ({formatMoney(i.total_pence)}
                  {i.voided_at ? ', cancelled' : ''})
                </>
              ))}
            </p>
          )}
          <Form action={`/admin/companies/${c.id}/contact`} csrfToken={ctx.csrfToken}>
            <TextInput name={`email-${c.id}`} label={`Email of the contact’s account for ${c.name}`} type="email" form={form} spellcheck={false} />
            <Button variant="secondary">Set the company contact</Button>
          </Form>
        </section>
      ))}
    </AdminLayout>
  )
}

export function EmployerPage({ ctx, form, current }: { ctx: ViewContext; form: FormState; current?: { name: string; confirmed: boolean } }) {
  return (
    <Layout ctx={ctx} title="Your employer" hasErrors={Object.keys(form.errors).length > 0}>
      <div class="narrow">
        <p>
          <a href="/account" class="back-link">
            Back to your account
          </a>
        </p>
        <ErrorSummary errors={form.errors} />
        <PageHeading title="Your employer" lead="Companies with four or more members are eligible for 20% discount off all membership fees. The office confirms who works where." />
        {current && (
          <p>
            You work for <strong>{current.name}</strong> ({current.confirmed ? 'confirmed by the office' : 'waiting for the office to confirm'}).
          </p>
        )}
        <Form action="/account/employer" csrfToken={ctx.csrfToken}>
          <TextInput name="company" label="Company or organisation you work for" hint="As it is usually written, like Acme Case Management Ltd" form={form} />
          <Button>Save employer</Button>
        </Form>
      </div>
    </Layout>
  )
}
