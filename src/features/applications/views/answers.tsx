import type { ComponentChildren } from 'preact'
import type { SummaryRow } from '../../../platform/views/form.tsx'
import { qualificationLevels } from '../eligibility.ts'
import type { LoadedApplication } from '../queries.ts'
import { recordChecks, registeredBodies } from '../registration-numbers.ts'
import { stepsFor } from '../steps.ts'

const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' })
const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** Every answer as a row: for the applicant's check page (with Change links) and for staff. */
export function answerRows(loaded: LoadedApplication, gradeName: string, expertiseLabels: Map<string, string>, withChange: boolean): SummaryRow[] {
  const { application: a } = loaded
  const steps = new Set(stepsFor(a.grade).map((s) => s.slug))
  const change = (slug: string, label: string) => (withChange ? { href: `/apply/${slug}`, label } : undefined)
  const rows: SummaryRow[] = [
    { key: 'Type of membership', value: gradeName, change: change('grade', 'type of membership') },
    { key: 'Name and email', value: <Answer lines={[loaded.user.name, loaded.user.email]} /> },
    {
      key: 'Home address',
      value: <Answer lines={[a.address_line1, a.address_line2, a.town, a.postcode, a.country].filter(Boolean)} />,
      change: change('home', 'home address'),
    },
    { key: 'Phone number', value: a.phone || <Answer lines={[]} />, change: change('home', 'phone number') },
  ]
  if (steps.has('qualifications'))
    rows.push({
      key: 'Qualifications',
      value: <Answer lines={loaded.qualifications.map((q) => `${q.title}, ${levelName(q.level)}, ${q.awarding_body}, ${q.year}${q.clinical ? ' (clinical)' : ''}`)} />,
      change: change('qualifications', 'qualifications'),
    })
  if (steps.has('registrations'))
    rows.push({
      key: 'Registered bodies',
      value: <Answer lines={loaded.registrations.map((r) => `${bodyName(r.body)}: ${r.profession}, ${r.number}${r.verified_at ? ` (verified: ${r.verified_status})` : ''}`)} />,
      change: change('registrations', 'registered bodies'),
    })
  rows.push({ key: 'Professional associations', value: <Answer lines={loaded.associations.map((x) => x.name)} />, change: change('associations', 'professional associations') })
  if (steps.has('work-history'))
    rows.push({
      key: 'Work history',
      value: (
        <Answer
          lines={loaded.work.map(
            (w) => `${w.role}, ${w.employer}, ${month.format(w.started_on)} to ${w.ended_on ? month.format(w.ended_on) : 'now'}: ${w.cm_months} months or ${w.cm_hours.toLocaleString('en-GB')} hours of case management`,
          )}
        />
      ),
      change: change('work-history', 'work history'),
    })
  if (steps.has('expertise'))
    rows.push(
      { key: 'Areas of expertise', value: <Answer lines={a.expertise.map((e) => expertiseLabels.get(e) ?? e)} />, change: change('expertise', 'areas of expertise') },
      { key: 'Where you work', value: <Answer lines={a.regions} />, change: change('expertise', 'where you work') },
    )
  rows.push({
    key: 'Referees',
    value: <Answer lines={loaded.referees.map((r) => `${r.name} (${r.kind}), ${r.relationship}, ${r.email}, ${r.phone}`)} />,
    change: change('referees', 'referees'),
  })
  if (steps.has('insurance'))
    rows.push({
      key: 'Professional indemnity insurance',
      value: <Answer lines={a.insurance_confirmed ? [`${a.insurance_provider}, renews ${a.insurance_renewal ? date.format(a.insurance_renewal) : ''}`, 'Confirmed appropriate'] : []} />,
      change: change('insurance', 'insurance'),
    })
  if (steps.has('record-check'))
    rows.push({
      key: 'Criminal record check',
      value: (
        <Answer
          lines={
            a.check_type
              ? [
                  `${recordChecks.find((r) => r.value === a.check_type)?.label}, ${a.check_level?.replace('-', ' with ')}`,
                  `Certificate ${a.check_number}, issued ${a.check_issued ? date.format(a.check_issued) : ''}`,
                  `Update Service: ${a.check_update_service ? 'yes' : 'no'}`,
                ]
              : []
          }
        />
      ),
      change: change('record-check', 'criminal record check'),
    })
  rows.push(
    { key: 'Evidence', value: <Answer lines={loaded.files.map((f) => f.filename)} />, change: change('evidence', 'evidence') },
    {
      key: 'Declarations',
      value: <Answer lines={a.declared_true ? ['Information is true', 'Agreed to how we use it', a.marketing_opt_in ? 'Wants news and events' : 'No news or events'] : []} />,
      change: change('declarations', 'declarations'),
    },
  )
  return rows
}

const levelName = (level: string) => qualificationLevels.find((l) => l.value === level)?.label ?? level
const bodyName = (body: string) => registeredBodies.find((b) => b.value === body)?.label ?? body

export function Answer({ lines }: { lines: ComponentChildren[] }) {
  return lines.length === 0 ? <span class="hint">Not given</span> : <span>{lines.flatMap((l, i) => (i ? [<br />, l] : [l]))}</span>
}
