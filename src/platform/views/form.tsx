import type { ComponentChildren } from 'preact'
import type { FormState } from './context.ts'

/** GOV.UK-style form components: label, hint, error message and aria wiring done once, here. */

type FieldProps = {
  name: string
  label: string
  form: FormState
  hint?: string
}

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined

function Hint({ name, hint }: { name: string; hint?: string }) {
  return hint ? (
    <p class="hint" id={`${name}-hint`}>
      {hint}
    </p>
  ) : null
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p class="error-message" id={`${name}-error`}>
      <span class="visually-hidden">Error: </span>
      {error}
    </p>
  ) : null
}

function Group({ error, children }: { error?: string; children: ComponentChildren }) {
  return <div class={error ? 'form-group form-group--error' : 'form-group'}>{children}</div>
}

type TextInputProps = FieldProps & {
  type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'url' | 'search'
  autocomplete?: string
  inputmode?: 'numeric' | 'tel' | 'email' | 'text'
  spellcheck?: boolean
  width?: 'full' | 'half' | 'third' | 'short'
}

export function TextInput({ name, label, form, hint, type = 'text', autocomplete, inputmode, spellcheck, width = 'full' }: TextInputProps) {
  const error = form.errors[name]
  return (
    <Group error={error}>
      <label class="label" for={name}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      <input
        class={`input input--${width}${error ? ' input--error' : ''}`}
        id={name}
        name={name}
        type={type as 'text'}
        value={type === 'password' ? '' : (form.values[name] ?? '')}
        autocomplete={autocomplete}
        inputmode={inputmode}
        spellcheck={spellcheck}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </Group>
  )
}

export function Textarea({ name, label, form, hint, rows = 5 }: FieldProps & { rows?: number }) {
  const error = form.errors[name]
  return (
    <Group error={error}>
      <label class="label" for={name}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      <textarea
        class={`textarea${error ? ' input--error' : ''}`}
        id={name}
        name={name}
        rows={rows}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {form.values[name] ?? ''}
      </textarea>
    </Group>
  )
}

export type Option = { value: string; label: string; hint?: string; group?: string }

type ChoiceProps = Omit<FieldProps, 'label'> & { legend: string; options: Option[]; legendAsHeading?: boolean }

function Choices({ name, legend, form, hint, options, legendAsHeading, multiple }: ChoiceProps & { multiple: boolean }) {
  const error = form.errors[name]
  const selected = new Set((form.values[name] ?? '').split(',').filter(Boolean))
  return (
    <Group error={error}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend class={legendAsHeading ? 'legend legend--heading' : 'legend'}>
          {legendAsHeading ? <h1>{legend}</h1> : legend}
        </legend>
        <Hint name={name} hint={hint} />
        <FieldError name={name} error={error} />
        <div class={multiple ? 'checkboxes' : 'radios'}>
          {options.map((option, i) => {
            const id = i === 0 ? name : `${name}-${i + 1}`
            return (
              <div class="choice">
                <input
                  class="choice-input"
                  id={id}
                  name={name}
                  type={multiple ? 'checkbox' : 'radio'}
                  value={option.value}
                  checked={selected.has(option.value)}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                />
                <label class="choice-label" for={id}>
                  {option.label}
                </label>
                {option.hint && (
                  <p class="hint choice-hint" id={`${id}-hint`}>
                    {option.hint}
                  </p>
                )}
              </div>
            )
          })}
        </div>
      </fieldset>
    </Group>
  )
}

export const Radios = (props: ChoiceProps) => <Choices {...props} multiple={false} />
/** Checked values arrive as a comma-separated string in form.values[name]. */
export const Checkboxes = (props: ChoiceProps) => <Choices {...props} multiple={true} />

export function Select({ name, label, form, hint, options }: FieldProps & { options: Option[] }) {
  const error = form.errors[name]
  return (
    <Group error={error}>
      <label class="label" for={name}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      <select
        class={`select${error ? ' input--error' : ''}`}
        id={name}
        name={name}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {groupsOf(options).map(([group, items]) => {
          const choices = items.map((o) => (
            <option value={o.value} selected={form.values[name] === o.value}>
              {o.label}
            </option>
          ))
          return group ? <optgroup label={group}>{choices}</optgroup> : choices
        })}
      </select>
    </Group>
  )
}

/** Consecutive options with the same group, in order; options without one stand alone. */
function groupsOf(options: Option[]): [string | undefined, Option[]][] {
  const groups: [string | undefined, Option[]][] = []
  for (const o of options) {
    const last = groups.at(-1)
    if (last && last[0] === o.group) last[1].push(o)
    else groups.push([o.group, [o]])
  }
  return groups
}

type DatePart = 'day' | 'month' | 'year'
const partLabels: Record<DatePart, [label: string, width: string]> = { day: ['Day', 'day'], month: ['Month', 'day'], year: ['Year', 'year'] }

/** Boxes named `${name}-day` (and so on) in one fieldset; the first box carries the field's id, for the error summary. */
function DateParts({ name, legend, form, hint, parts }: Omit<FieldProps, 'label'> & { legend: string; parts: DatePart[] }) {
  const error = form.errors[name]
  return (
    <Group error={error}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend class="legend">{legend}</legend>
        <Hint name={name} hint={hint} />
        <FieldError name={name} error={error} />
        <div class="date-input">
          {parts.map((part, i) => {
            const id = i === 0 ? name : `${name}-${part}`
            const [label, width] = partLabels[part]
            return (
              <div class="date-part">
                <label class="label" for={id}>
                  {label}
                </label>
                <input
                  class={`input input--${width}${error ? ' input--error' : ''}`}
                  id={id}
                  name={`${name}-${part}`}
                  inputmode="numeric"
                  value={form.values[`${name}-${part}`] ?? ''}
                />
              </div>
            )
          })}
        </div>
      </fieldset>
    </Group>
  )
}

/** A date as three boxes (day, month, year), named `${name}-day` and so on. */
export const DateInput = (props: Omit<FieldProps, 'label'> & { legend: string }) => <DateParts {...props} parts={['day', 'month', 'year']} />

/** A month and year as two boxes, named `${name}-month` and `${name}-year`. */
export const MonthYearInput = (props: Omit<FieldProps, 'label'> & { legend: string }) => <DateParts {...props} parts={['month', 'year']} />

/** The list of problems at the top of a page; each links to its field. Field ids equal field names. */
export function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="error-summary" aria-labelledby="error-summary-title" role="alert" tabindex={-1}>
      <h2 class="error-summary-title" id="error-summary-title">
        There is a problem
      </h2>
      <ul class="error-summary-list">
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function Form({ action, csrfToken, children }: { action: string; csrfToken: string; children: ComponentChildren }) {
  return (
    <form method="post" action={action} novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  )
}

export function Button({ children, variant = 'primary' }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'warning' }) {
  return (
    <button type="submit" class={`button button--${variant}`}>
      {children}
    </button>
  )
}

export function ButtonLink({ href, children, variant = 'primary' }: { href: string; children: ComponentChildren; variant?: 'primary' | 'secondary' | 'start' }) {
  return (
    <a href={href} class={`button button--${variant}`} draggable={false}>
      {children}
    </a>
  )
}

export function NotificationBanner({ title, children, success = false }: { title: string; children: ComponentChildren; success?: boolean }) {
  return (
    <section class={success ? 'banner banner--success' : 'banner'} aria-labelledby="banner-title" aria-live={success ? 'polite' : undefined}>
      <div class="banner-header">
        <h2 class="banner-title" id="banner-title">
          {title}
        </h2>
      </div>
      <div class="banner-content">{children}</div>
    </section>
  )
}

export type SummaryRow = { key: string; value: ComponentChildren; change?: { href: string; label: string } }

/** "Check your answers": each row a question, the answer and a Change link naming what it changes. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl class="summary-list">
      {rows.map((row) => (
        <div class="summary-row">
          <dt class="summary-key">{row.key}</dt>
          <dd class="summary-value">{row.value}</dd>
          <dd class="summary-actions">
            {row.change && (
              <a href={row.change.href}>
                Change<span class="visually-hidden"> {row.change.label}</span>
              </a>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}
