import { professionLabel } from '../areas.ts'

/** What a purchaser sees of a listing: used by the public profile and by the member's preview, so they match. */
export type PublishedListing = {
  display_name: string
  title: string
  profession: string | null
  expertise: string[]
  regions: string[]
  counties: string[]
  base_outcode: string | null
  travel_miles: number | null
  bio: string
  languages: string[]
  taking_referrals: boolean
  phone: string
  website: string
  number: string
}

export function ReferralsTag({ taking }: { taking: boolean }) {
  return taking ? <strong class="tag tag--green">Taking new referrals</strong> : <strong class="tag">Not taking new referrals</strong>
}

export function baseLine(l: { base_outcode: string | null; travel_miles: number | null }) {
  if (!l.base_outcode) return null
  return `Based in ${l.base_outcode}${l.travel_miles ? `, travels up to ${l.travel_miles} miles` : ''}`
}

export function ListingDetails({ listing: l, expertiseLabels }: { listing: PublishedListing; expertiseLabels: Map<string, string> }) {
  const areas = [...l.regions, ...l.counties]
  return (
    <div class="profile">
      <p class="profile-meta">
        {[l.title, professionLabel(l.profession)].filter(Boolean).join(' · ')}
      </p>
      <p>
        <ReferralsTag taking={l.taking_referrals} /> <span class="note">CMSUK Case Manager member {l.number}</span>
      </p>
      <dl class="summary-list">
        <div class="summary-row">
          <dt class="summary-key">Areas of expertise</dt>
          <dd class="summary-value">
            <ul class="tag-list">
              {l.expertise.map((e) => (
                <li class="tag">{expertiseLabels.get(e) ?? e}</li>
              ))}
            </ul>
          </dd>
        </div>
        {(areas.length > 0 || l.base_outcode) && (
          <div class="summary-row">
            <dt class="summary-key">Where they work</dt>
            <dd class="summary-value">
              {areas.length > 0 && <p class="flush">{areas.join(', ')}</p>}
              {l.base_outcode && <p class="flush">{baseLine(l)}</p>}
            </dd>
          </div>
        )}
        {l.languages.length > 0 && (
          <div class="summary-row">
            <dt class="summary-key">Languages</dt>
            <dd class="summary-value">{l.languages.join(', ')}</dd>
          </div>
        )}
        {l.phone && (
          <div class="summary-row">
            <dt class="summary-key">Work phone</dt>
            <dd class="summary-value">
              <a href={`tel:${l.phone.replace(/[^\d+]/g, '')}`}>{l.phone}</a>
            </dd>
          </div>
        )}
        {l.website && (
          <div class="summary-row">
            <dt class="summary-key">Website</dt>
            <dd class="summary-value">
              <a href={l.website} rel="nofollow noopener noreferrer">
                {l.website.replace(/^https?:\/\//i, '')}
              </a>
            </dd>
          </div>
        )}
      </dl>
      {l.bio && (
        <>
          <h2>About {l.display_name}</h2>
          <div class="prose">
            {l.bio.split(/\n{2,}/).map((para) => (
              <p class="pre-line">{para}</p>
            ))}
          </div>
        </>
      )}
    </div>
  )
}
