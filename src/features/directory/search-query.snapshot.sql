-- The directory search (src/features/directory/search.ts) for: postcode SW1A within 25 miles, region London,
-- expertise brain-injury, taking referrals, words "rehabilitation". Parameters:
-- [3958.76,51.5045,51.5045,-0.1323,"rehabilitation:*","2026-11-03","London",["brain-injury"],"rehabilitation:*",51.142443519188994,51.866556480811006,-0.7129514979835547,0.4483514979835548,3958.76,51.5045,51.5045,-0.1323,25.005,20,0,"brain-injury",0,"paediatrics",1,"vocational",2,"North East",0,"North West",1,"Yorkshire and the Humber",2,"East Midlands",3,"West Midlands",4,"East of England",5,"London",6,"South East",7,"South West",8,"Wales",9,"Scotland",10,"Northern Ireland",11]
/* prepared */
with hits as materialized (
  select s.id as id, s.display_name, s.expertise_bits, s.region_bits, ($1::float8 * 2 * asin(sqrt(power(sin(radians(s.latitude - $2::float8) / 2), 2) + cos(radians($3::float8)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - $4::float8) / 2), 2)))) as miles, ts_rank(s.words, to_tsquery('english', $5)) as rank
  from directory_listings s
  where s.opted_in and s.hidden_at is null and s.member_grade = 'case-manager' and s.member_paid_through >= $6::date and cardinality(s.expertise) > 0 and s.area_regions @> array[$7]::text[] and s.expertise && $8::text[] and s.taking_referrals and s.words @@ to_tsquery('english', $9) and s.latitude between $10::float8 and $11::float8 and s.longitude between $12::float8 and $13::float8 and ($14::float8 * 2 * asin(sqrt(power(sin(radians(s.latitude - $15::float8) / 2), 2) + cos(radians($16::float8)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - $17::float8) / 2), 2)))) < $18::float8
),
shown as (
  select id, display_name, miles, rank from hits order by hits.miles, hits.display_name, hits.id limit $19 offset $20
)
select
  (select version from directory_state)::text as version,
  (select count(*) from hits)::int as total,
  (select coalesce(json_agg(json_build_object(
      'id', l.id, 'slug', l.slug, 'display_name', l.display_name, 'title', l.title, 'profession', l.profession,
      'expertise', l.expertise, 'area_regions', l.area_regions, 'counties', l.counties, 'base_outcode', l.base_outcode,
      'travel_miles', l.travel_miles, 'taking_referrals', l.taking_referrals, 'bio_start', left(l.bio, 240),
      'bio_more', length(l.bio) > 240, 'miles', shown.miles) order by shown.miles, shown.display_name, shown.id), '[]')
    from shown join directory_listings l on l.id = shown.id) as page,
  (select json_build_object($21::text, sum(("expertise_bits" >> $22::int) & 1), $23::text, sum(("expertise_bits" >> $24::int) & 1), $25::text, sum(("expertise_bits" >> $26::int) & 1)) from hits) as expertise_counts,
  (select json_build_object($27::text, sum(("region_bits" >> $28::int) & 1), $29::text, sum(("region_bits" >> $30::int) & 1), $31::text, sum(("region_bits" >> $32::int) & 1), $33::text, sum(("region_bits" >> $34::int) & 1), $35::text, sum(("region_bits" >> $36::int) & 1), $37::text, sum(("region_bits" >> $38::int) & 1), $39::text, sum(("region_bits" >> $40::int) & 1), $41::text, sum(("region_bits" >> $42::int) & 1), $43::text, sum(("region_bits" >> $44::int) & 1), $45::text, sum(("region_bits" >> $46::int) & 1), $47::text, sum(("region_bits" >> $48::int) & 1), $49::text, sum(("region_bits" >> $50::int) & 1)) from hits) as region_counts
