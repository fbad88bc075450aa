import { AdminLayout } from '../../../platform/views/admin-layout.tsx'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { Button, ErrorSummary, Form, NotificationBanner, Radios, Select, Textarea, TextInput } from '../../../platform/views/form.tsx'
import type { Grade } from '../../membership/service.ts'
import { feeField } from '../payment-settings.ts'

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function PaymentSettingsPage({ ctx, form, grades, saved }: { ctx: ViewContext; form: FormState; grades: Grade[]; saved: boolean }) {
  return (
    <AdminLayout ctx={ctx} title="Fees and payment settings" hasErrors={Object.keys(form.errors).length > 0} lead="Changes apply to invoices issued from now on. Invoices already issued keep their amounts.">
      <ErrorSummary errors={form.errors} />
      {saved && (
        <NotificationBanner title="Saved" success>
          <p>The fees and payment settings are saved.</p>
        </NotificationBanner>
      )}
      <Form action="/admin/settings/payments" csrfToken={ctx.csrfToken}>
        <h2>Fees per year</h2>
        {grades.map((g) => (
          <TextInput name={feeField(g.code)} label={`${g.name} (£)`} form={form} inputmode="text" width="short" />
        ))}
        <Radios
          name="vatTreatment"
          legend="VAT on subscriptions"
          form={form}
          options={[
            { value: 'exempt', label: 'Exempt (a professional body’s subscriptions)' },
            { value: 'standard', label: 'Standard rate' },
          ]}
        />
        <h2>Membership term</h2>
        <Radios
          name="termMode"
          legend="How the membership term runs"
          form={form}
          options={[
            { value: 'anniversary', label: 'A year from the day the membership is paid for' },
            { value: 'fixed', label: 'A fixed membership year for everyone', hint: 'New members pay for the whole months left in the year, the month they join included' },
          ]}
        />
        <Select name="yearStartMonth" label="The fixed membership year starts on the 1st of" form={form} options={months.map((m, i) => ({ value: String(i + 1), label: m }))} />
        <TextInput name="payWithinDays" label="Days to pay an invoice" hint="An approval lapses if its invoice is not paid in this time" form={form} inputmode="numeric" width="short" />
        <TextInput name="renewalNoticeDays" label="Days before the end of a term that the renewal invoice is sent" form={form} inputmode="numeric" width="short" />
        <TextInput name="graceDays" label="Grace period after a term ends, in days" hint="Members keep their benefits for this long before they lapse" form={form} inputmode="numeric" width="short" />
        <h2>Bank transfer (BACS)</h2>
        <TextInput name="accountName" label="Account name" form={form} />
        <TextInput name="bankName" label="Bank" form={form} />
        <TextInput name="sortCode" label="Sort code" hint="6 numbers, like 30-99-50" form={form} inputmode="numeric" width="short" />
        <TextInput name="accountNumber" label="Account number" hint="8 numbers" form={form} inputmode="numeric" width="third" />
        <h2>Cheques</h2>
        <TextInput name="chequePayee" label="Cheques payable to" form={form} />
        <Textarea name="postalAddress" label="Address for cheques" hint="One line of the address on each line" form={form} rows={5} />
        <Button>Save</Button>
      </Form>
    </AdminLayout>
  )
}
