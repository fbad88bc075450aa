-- The directory search (src/features/directory/search.ts) for: postcode SW1A within 25 miles, region London,
-- expertise brain-injury, taking referrals, words "rehabilitation". Parameters:
-- [3958.76,51.5045,51.5045,-0.1323,"rehabilitation:*","2026-11-03","London",["brain-injury"],"rehabilitation:*",51.142443519188994,51.866556480811006,-0.7129514979835547,0.4483514979835548,3958.76,51.5045,51.5045,-0.1323,25,20,0]

with hits as materialized (
  select l.id, l.slug, l.display_name, l.title, l.profession, l.expertise, l.area_regions, l.counties,
    l.base_outcode, l.travel_miles, l.taking_referrals, left(l.bio, 240) as bio_start, length(l.bio) > 240 as bio_more,
    ($1::float8 * 2 * asin(sqrt(power(sin(radians(l.latitude - $2::float8) / 2), 2) + cos(radians($3::float8)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - $4::float8) / 2), 2)))) as miles, ts_rank(l.words, to_tsquery('english', $5)) as rank
  from directory_listings l
  join memberships m on m.id = l.membership_id
  where l.opted_in and l.hidden_at is null and cardinality(l.expertise) > 0 and m.grade = 'case-manager' and m.paid_through >= $6::date and l.area_regions @> array[$7]::text[] and l.expertise && $8::text[] and l.taking_referrals and l.words @@ to_tsquery('english', $9) and l.latitude between $10::float8 and $11::float8 and l.longitude between $12::float8 and $13::float8 and round(($14::float8 * 2 * asin(sqrt(power(sin(radians(l.latitude - $15::float8) / 2), 2) + cos(radians($16::float8)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - $17::float8) / 2), 2))))::numeric, 2) <= $18
)
select
  (select count(*) from hits)::int as total,
  (select coalesce(json_agg(p), '[]') from (select * from hits order by miles, display_name, id limit $19 offset $20) p) as page,
  (select coalesce(json_object_agg(code, n), '{}') from (select unnest(expertise) as code, count(*) as n from hits group by 1) e) as expertise_counts,
  (select coalesce(json_object_agg(region, n), '{}') from (select unnest(area_regions) as region, count(*) as n from hits group by 1) r) as region_counts
