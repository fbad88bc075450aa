import { formatMoney } from '../../../platform/money.ts'
import type { FormState, ViewContext } from '../../../platform/views/context.ts'
import { ButtonLink, Radios, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import type { Grade } from '../../membership/service.ts'
import { QuestionPage } from './question-page.tsx'

export function StartPage({ ctx, grades, resume }: { ctx: ViewContext; grades: Grade[]; resume: boolean }) {
  return (
    <Layout ctx={ctx} title="Apply for Membership">
      <div class="narrow">
        <PageHeading title="Apply for Membership" lead="Apply online, one question at a time. Your answers are saved as you go, so you can stop and come back later." />
        <h2>Before you start</h2>
        <p>Be sure to have details handy of:</p>
        <ul class="list">
          <li>your qualifications, with their awarding bodies and years</li>
          <li>your registration with a registered body, such as the NMC or HCPC, and your number</li>
          <li>your professional associations</li>
          <li>two references: their names, email addresses and phone numbers</li>
          <li>your work history, with the months or hours of case management in each role</li>
        </ul>
        <p>You will also have to confirm that you have appropriate professional indemnity insurance and a criminal record check (DBS, which replaced the CRB; PVG in Scotland; AccessNI in Northern Ireland).</p>
        <p>You only pay once your application has been approved.</p>
        <h2>Types of membership</h2>
        <ul class="list">
          {grades.map((g) => (
            <li>
              <strong>
                {g.name} ({formatMoney(g.feePence, { wholePounds: true })} per annum)
              </strong>
              : {g.summary}
            </li>
          ))}
        </ul>
        <ButtonLink href={resume ? '/apply/check' : '/apply/grade'} variant="start">
          {resume ? 'Continue your application' : 'Start now'}
        </ButtonLink>
        {!resume && (
          <p>
            Started an application already? <a href="/login?next=%2Fapply">Sign in to continue it</a>.
          </p>
        )}
      </div>
    </Layout>
  )
}

export function GradePage({ ctx, grades, form, back }: { ctx: ViewContext; grades: Grade[]; form: FormState; back: string }) {
  return (
    <QuestionPage ctx={ctx} title="Which type of membership are you applying for?" back={back} form={form} action="/apply/grade" button="Continue">
      <Radios
        name="grade"
        legend="Type of membership"
        form={form}
        options={grades.map((g) => ({ value: g.code, label: `${g.name} – ${formatMoney(g.feePence, { wholePounds: true })} per annum`, hint: g.criteria.join(' ') }))}
      />
    </QuestionPage>
  )
}

export function HomeFields({ form }: { form: FormState }) {
  return (
    <>
      <TextInput name="addressLine1" label="Address line 1" autocomplete="address-line1" form={form} />
      <TextInput name="addressLine2" label="Address line 2 (optional)" autocomplete="address-line2" form={form} />
      <TextInput name="town" label="Town or city" autocomplete="address-level2" width="half" form={form} />
      <TextInput name="postcode" label="Postcode" hint="Leave empty if your country has no postcodes" autocomplete="postal-code" width="short" form={form} />
      <TextInput name="country" label="Country" autocomplete="country-name" width="half" form={form} />
      <TextInput name="phone" label="Phone number" type="tel" autocomplete="tel" width="half" form={form} />
    </>
  )
}

export function CreateAccountPage({ ctx, form, grade }: { ctx: ViewContext; form: FormState; grade: string }) {
  return (
    <QuestionPage
      ctx={ctx}
      title="Create your account"
      lead="These are your ‘Home’ details. You will sign in with this email address and password to finish your application, and later to pay and manage your membership."
      back="/apply/grade"
      form={form}
      action={`/apply/account?grade=${encodeURIComponent(grade)}`}
      button="Create account and continue"
    >
      <TextInput name="name" label="Full name" autocomplete="name" spellcheck={false} form={form} />
      <TextInput name="email" label="Email address" hint="We will send you a link to confirm it" type="email" autocomplete="email" spellcheck={false} form={form} />
      <TextInput
        name="password"
        label="Create a password"
        hint="At least 10 characters. A few unrelated words are easy to remember and hard to guess."
        type="password"
        autocomplete="new-password"
        form={form}
      />
      <h2>Home address</h2>
      <HomeFields form={form} />
    </QuestionPage>
  )
}
