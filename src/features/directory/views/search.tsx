import type { ViewContext } from '../../../platform/views/context.ts'
import { Select, TextInput } from '../../../platform/views/form.tsx'
import { Layout, PageHeading } from '../../../platform/views/layout.tsx'
import { countiesByRegion, professionLabel, professions, ukRegions } from '../areas.ts'
import { distanceChoices } from '../postcodes.ts'
import { type Criteria, PAGE_SIZE, type SearchResult, searchUrl } from '../search.ts'
import { baseLine, ReferralsTag } from './listing-details.tsx'

type Props = {
  ctx: ViewContext
  criteria: Criteria
  searched: boolean
  result: SearchResult
  postcodeMessage?: string
  expertiseAreas: { code: string; label: string }[]
}

const formValues = (c: Criteria) => ({
  q: c.words,
  postcode: c.postcode,
  miles: String(c.miles),
  region: c.region,
  county: c.county,
  profession: c.profession,
})

export function SearchPage({ ctx, criteria: c, searched, result, postcodeMessage, expertiseAreas }: Props) {
  const form = { values: formValues(c), errors: postcodeMessage ? { postcode: postcodeMessage } : ({} as Record<string, string>) }
  const labels = new Map(expertiseAreas.map((a) => [a.code, a.label]))
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE))
  return (
    <Layout ctx={ctx} title={searched ? `Find a Case Manager: ${result.total} found` : 'Find a Case Manager'}>
      <PageHeading
        title="Find a Case Manager"
        lead="Search CMSUK’s Case Manager members by where they work and their areas of expertise, then contact them through this site."
      />
      {searched && (
        <p class="results-jump">
          <a href="#results-title">See the {result.total === 1 ? 'case manager' : `${result.total.toLocaleString('en-GB')} case managers`} found</a>
        </p>
      )}
      <div class="search-layout">
        <form method="get" action="/find-a-case-manager" class="search-form" id="search-form" aria-label="Search for a case manager">
          <TextInput name="postcode" label="Postcode" hint="Where the client lives, like SW1A 1AA or SW1A" form={form} autocomplete="postal-code" spellcheck={false} width="half" />
          <Select name="miles" label="Distance" form={form} options={distanceChoices.map((m) => ({ value: String(m), label: `Within ${m} miles` }))} />
          <Select name="region" label="Region" form={form} options={[{ value: '', label: 'Any region' }, ...ukRegions.map((r) => ({ value: r, label: r }))]} />
          <Select
            name="county"
            label="County"
            form={form}
            options={[{ value: '', label: 'Any county' }, ...ukRegions.flatMap((r) => countiesByRegion[r].map((county) => ({ value: county, label: county, group: r })))]}
          />
          <fieldset class="fieldset">
            <legend class="legend">Areas of expertise</legend>
            <p class="hint">Case managers with any of the areas you choose</p>
            <div class="checkboxes checkboxes--compact">
              {expertiseAreas.map((a, i) => (
                <div class="choice">
                  <input class="choice-input" id={i === 0 ? 'expertise' : `expertise-${i + 1}`} name="expertise" type="checkbox" value={a.code} checked={c.expertise.includes(a.code)} />
                  <label class="choice-label" for={i === 0 ? 'expertise' : `expertise-${i + 1}`}>
                    {a.label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <Select name="profession" label="Profession" form={form} options={[{ value: '', label: 'Any profession' }, ...professions.map((p) => ({ value: p.value, label: p.label }))]} />
          <div class="checkboxes">
            <div class="choice">
              <input class="choice-input" id="taking" name="taking" type="checkbox" value="yes" checked={c.taking} />
              <label class="choice-label" for="taking">
                Only those taking new referrals
              </label>
            </div>
          </div>
          <TextInput name="q" label="Name or words" hint="For example a name, or ‘catastrophic’" form={form} type="search" spellcheck={false} />
          <button type="submit" class="button button--primary">
            Search
          </button>
          {searched && (
            <p>
              <a href="/find-a-case-manager">Clear the search</a>
            </p>
          )}
        </form>

        <section class="search-results" aria-labelledby="results-title">
          {postcodeMessage && (
            <div class="notice" role="status">
              <p>{postcodeMessage}</p>
            </div>
          )}
          {searched && (
            <p class="change-search">
              <a href="#search-form">Change the search</a>
            </p>
          )}
          <h2 id="results-title" aria-live="polite">
            {result.total === 0 ? 'No case managers found' : `${result.total.toLocaleString('en-GB')} case manager${result.total === 1 ? '' : 's'} found`}
          </h2>
          {result.total === 0 && <p>Try a wider distance, fewer areas of expertise, or another region. You can also <a href="/request-a-callback">ask the office to call you</a>.</p>}
          {result.total > 0 && (
            <Facets criteria={c} result={result} labels={labels} />
          )}
          <ol class="results">
            {result.results.map((r) => (
              <li class="result">
                <h3 class="result-name">
                  <a href={`/find-a-case-manager/${r.slug}`}>{r.display_name}</a>
                </h3>
                <p class="profile-meta">{[r.title, professionLabel(r.profession)].filter(Boolean).join(' · ')}</p>
                <p class="result-where">
                  {r.miles !== null && <strong>{r.miles < 1 ? 'Less than a mile away' : `${r.miles.toFixed(1)} miles away`}. </strong>}
                  {[baseLine(r), r.area_regions.join(', ')].filter(Boolean).join('. ')}
                </p>
                <ul class="tag-list">
                  {r.expertise.map((e) => (
                    <li class={c.expertise.includes(e) ? 'tag tag--green' : 'tag'}>{labels.get(e) ?? e}</li>
                  ))}
                </ul>
                {r.bio_start && (
                  <p class="result-bio">
                    {r.bio_start}
                    {r.bio_more ? '…' : ''}
                  </p>
                )}
                <p>
                  <ReferralsTag taking={r.taking_referrals} />
                </p>
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav class="pagination" aria-label="Pages of results">
              {c.page > 1 && (
                <a href={searchUrl(c, { page: c.page - 1 })} rel="prev">
                  Previous page
                </a>
              )}
              <span>
                Page {c.page} of {pages}
              </span>
              {c.page < pages && (
                <a href={searchUrl(c, { page: c.page + 1 })} rel="next">
                  Next page
                </a>
              )}
            </nav>
          )}
          <p class="note attribution">
            Postcode locations: Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025.
            Contains National Statistics data © Crown copyright and database right 2025. Licensed under the{' '}
            <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>.
          </p>
        </section>
      </div>
    </Layout>
  )
}

function Facets({ criteria: c, result, labels }: { criteria: Criteria; result: SearchResult; labels: Map<string, string> }) {
  const expertise = Object.entries(result.expertiseCounts).sort((a, b) => b[1] - a[1])
  const regions = ukRegions.filter((r) => result.regionCounts[r]).map((r) => [r, result.regionCounts[r]!] as const)
  return (
    <div class="facets">
      <div>
        <h3 class="facet-title">By area of expertise</h3>
        <ul class="facet-list">
          {expertise.map(([code, n]) => (
            <li>
              {c.expertise.length === 1 && c.expertise[0] === code ? (
                <span>
                  {labels.get(code) ?? code} ({n})
                </span>
              ) : (
                <a href={searchUrl(c, { expertise: [code], page: 1 })}>
                  {labels.get(code) ?? code} ({n})
                </a>
              )}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 class="facet-title">By region</h3>
        <ul class="facet-list">
          {regions.map(([region, n]) => (
            <li>
              {c.region === region ? (
                <span>
                  {region} ({n})
                </span>
              ) : (
                <a href={searchUrl(c, { region, page: 1 })}>
                  {region} ({n})
                </a>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
