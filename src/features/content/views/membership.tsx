import { formatMoney } from '../../../platform/money.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ButtonLink } from '../../../platform/views/form.tsx'
import type { Grade } from '../../membership/service.ts'
import { ContentPage } from './content-page.tsx'

type Props = {
  ctx: ViewContext
  page: { title: string; summary: string; body: string }
  grades: Grade[]
  discount: { minMembers: number; percent: number }
}

export function MembershipPage({ ctx, page, grades, discount }: Props) {
  return (
    <ContentPage ctx={ctx} page={page}>
      <ul class="grade-list">
        {grades.map((grade) => (
          <li class="grade-card">
            <h2 id={`grade-${grade.code}`}>{grade.name}</h2>
            <p class="grade-fee">
              <strong>{formatMoney(grade.feePence, { wholePounds: true })}</strong> per annum*
            </p>
            <p>{grade.summary}</p>
            <h3 class="grade-criteria-title">Criteria</h3>
            <ul class="list">
              {grade.criteria.map((criterion) => (
                <li>{criterion}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <p class="note">
        *Please note: Companies with {numberWord(discount.minMembers)} or more members are eligible for {discount.percent}%
        discount off all membership fees. <a href="/contact">Contact us</a> for more information.
      </p>
      <ButtonLink href="/apply" variant="start">
        Apply for Membership
      </ButtonLink>
    </ContentPage>
  )
}

const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
const numberWord = (n: number) => words[n] ?? String(n)
