-- The directory search (src/features/directory/search.ts) for: postcode SW1A within 25 miles, region London,
-- expertise brain-injury, taking referrals, words "rehabilitation". Parameters:
-- [3958.76,51.5045,51.5045,-0.1323,"rehabilitation:*","2026-11-03","London",["brain-injury"],"rehabilitation:*",51.142443519188994,51.866556480811006,-0.7129514979835547,0.4483514979835548,3958.76,51.5045,51.5045,-0.1323,25.005,20,0]
/* prepared */
with hits as materialized (
  select l.id, l.display_name, l.expertise, l.area_regions, ($1::float8 * 2 * asin(sqrt(power(sin(radians(l.latitude - $2::float8) / 2), 2) + cos(radians($3::float8)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - $4::float8) / 2), 2)))) as miles, ts_rank(l.words, to_tsquery('english', $5)) as rank
  from directory_listings l
  where l.opted_in and l.hidden_at is null and l.member_grade = 'case-manager' and l.member_paid_through >= $6::date and cardinality(l.expertise) > 0 and l.area_regions @> array[$7]::text[] and l.expertise && $8::text[] and l.taking_referrals and l.words @@ to_tsquery('english', $9) and l.latitude between $10::float8 and $11::float8 and l.longitude between $12::float8 and $13::float8 and ($14::float8 * 2 * asin(sqrt(power(sin(radians(l.latitude - $15::float8) / 2), 2) + cos(radians($16::float8)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - $17::float8) / 2), 2)))) < $18::float8
),
shown as (
  select id, miles, row_number() over (order by miles, display_name, id) as position
  from hits order by miles, display_name, id limit $19 offset $20
)
select
  (select version from directory_state)::text as version,
  (select count(*) from hits)::int as total,
  (select coalesce(json_agg(json_build_object(
      'id', l.id, 'slug', l.slug, 'display_name', l.display_name, 'title', l.title, 'profession', l.profession,
      'expertise', l.expertise, 'area_regions', l.area_regions, 'counties', l.counties, 'base_outcode', l.base_outcode,
      'travel_miles', l.travel_miles, 'taking_referrals', l.taking_referrals, 'bio_start', left(l.bio, 240),
      'bio_more', length(l.bio) > 240, 'miles', s.miles) order by s.position), '[]')
    from shown s join directory_listings l on l.id = s.id) as page,
  (select coalesce(json_object_agg(code, n), '{}') from (select unnest(expertise) as code, count(*) as n from hits group by 1) e) as expertise_counts,
  (select coalesce(json_object_agg(region, n), '{}') from (select unnest(area_regions) as region, count(*) as n from hits group by 1) r) as region_counts
