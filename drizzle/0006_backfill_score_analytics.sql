-- Scorecards submitted before 0005 get their tallies (the statements db/analytics.ts runs to rebuild).
with r as (
select a.organization_id, a.id as application_id, s.interviewer_user_id as user_id, kv.kit_id, sr.skill_id, sr.rating::int as v
from applications a
join interviews i on i.application_id = a.id
join scorecards s on s.interview_id = i.id and s.status = 'submitted'
join kit_versions kv on kv.id = i.kit_version_id
join scorecard_ratings sr on sr.scorecard_id = s.id and sr.rating is not null
where true),
units as (select application_id, skill_id, count(*)::float8 as m, sum(v)::float8 as t from r group by 1, 2),
per_user as (
  select r.organization_id, r.user_id,
         coalesce(sum(r.v - (u.t - r.v) / (u.m - 1)) filter (where u.m > 1), 0) as deviation_sum,
         count(*) filter (where u.m > 1) as deviation_n,
         count(*) filter (where r.v = 1) as n1, count(*) filter (where r.v = 2) as n2,
         count(*) filter (where r.v = 3) as n3, count(*) filter (where r.v = 4) as n4
  from r join units u on u.application_id = r.application_id and u.skill_id = r.skill_id
  group by 1, 2
),
timing as (
  select a.organization_id, s.interviewer_user_id as user_id, count(*) as scorecards,
         sum(extract(epoch from s.submitted_at - (i.scheduled_at + make_interval(mins => i.duration_minutes))) / 3600) as hours
  from applications a
  join interviews i on i.application_id = a.id
  join scorecards s on s.interview_id = i.id and s.status = 'submitted'
  where true
  group by 1, 2
)
insert into interviewer_tallies (organization_id, user_id, deviation_sum, deviation_n, n1, n2, n3, n4, scorecards, hours_to_submit_sum)
select coalesce(p.organization_id, t.organization_id), coalesce(p.user_id, t.user_id),
       1 * coalesce(p.deviation_sum, 0), 1 * coalesce(p.deviation_n, 0),
       1 * coalesce(p.n1, 0), 1 * coalesce(p.n2, 0), 1 * coalesce(p.n3, 0), 1 * coalesce(p.n4, 0),
       1 * coalesce(t.scorecards, 0), 1 * coalesce(t.hours, 0)
from per_user p full join timing t on t.organization_id = p.organization_id and t.user_id = p.user_id
on conflict (organization_id, user_id) do update set
  deviation_sum = interviewer_tallies.deviation_sum + excluded.deviation_sum,
  deviation_n = interviewer_tallies.deviation_n + excluded.deviation_n,
  n1 = interviewer_tallies.n1 + excluded.n1, n2 = interviewer_tallies.n2 + excluded.n2,
  n3 = interviewer_tallies.n3 + excluded.n3, n4 = interviewer_tallies.n4 + excluded.n4,
  scorecards = interviewer_tallies.scorecards + excluded.scorecards,
  hours_to_submit_sum = interviewer_tallies.hours_to_submit_sum + excluded.hours_to_submit_sum;
--> statement-breakpoint
with r as (
select a.organization_id, a.id as application_id, s.interviewer_user_id as user_id, kv.kit_id, sr.skill_id, sr.rating::int as v
from applications a
join interviews i on i.application_id = a.id
join scorecards s on s.interview_id = i.id and s.status = 'submitted'
join kit_versions kv on kv.id = i.kit_version_id
join scorecard_ratings sr on sr.scorecard_id = s.id and sr.rating is not null
where true),
cnt as (
  select organization_id, 'skill' as grouping, skill_id as group_id, application_id, skill_id, v, count(*)::float8 as n from r group by 1, 3, 4, 5, 6
  union all
  select organization_id, 'kit', kit_id, application_id, skill_id, v, count(*)::float8 from r group by organization_id, kit_id, application_id, skill_id, v
),
pairable as (
  select organization_id, grouping, group_id, application_id, skill_id, sum(n) as m
  from cnt group by 1, 2, 3, 4, 5 having sum(n) >= 2
),
cells as (
  select x.organization_id, x.grouping, x.group_id, x.v as c, y.v as k,
         sum((x.n * y.n - case when x.v = y.v then x.n else 0 end) / (p.m - 1)) as o
  from cnt x
  join cnt y on y.grouping = x.grouping and y.group_id = x.group_id and y.application_id = x.application_id and y.skill_id = x.skill_id
  join pairable p on p.grouping = x.grouping and p.group_id = x.group_id and p.application_id = x.application_id and p.skill_id = x.skill_id
  group by 1, 2, 3, 4, 5
  union all
  select organization_id, grouping, group_id, 0, 0, count(*)::float8 from pairable group by 1, 2, 3
)
insert into reliability_coincidences (organization_id, grouping, group_id, c, k, o)
select organization_id, grouping, group_id, c, k, 1 * o from cells
on conflict (organization_id, grouping, group_id, c, k) do update set o = reliability_coincidences.o + excluded.o;
--> statement-breakpoint
delete from application_tallies t using applications a where t.application_id = a.id and true;
--> statement-breakpoint
insert into application_tallies (organization_id, opening_id, application_id, strong_no, no, yes, strong_yes)
select a.organization_id, a.opening_id, a.id,
       count(*) filter (where s.recommendation = 'strong_no'), count(*) filter (where s.recommendation = 'no'),
       count(*) filter (where s.recommendation = 'yes'), count(*) filter (where s.recommendation = 'strong_yes')
from applications a
join interviews i on i.application_id = a.id
join scorecards s on s.interview_id = i.id and s.status = 'submitted'
where true
group by a.organization_id, a.opening_id, a.id;
--> statement-breakpoint
delete from application_skill_tallies t using applications a where t.application_id = a.id and true;
--> statement-breakpoint
insert into application_skill_tallies (organization_id, opening_id, application_id, skill_id, n1, n2, n3, n4)
select a.organization_id, a.opening_id, a.id, sr.skill_id,
       count(*) filter (where sr.rating = 1), count(*) filter (where sr.rating = 2),
       count(*) filter (where sr.rating = 3), count(*) filter (where sr.rating = 4)
from applications a
join interviews i on i.application_id = a.id
join scorecards s on s.interview_id = i.id and s.status = 'submitted'
join scorecard_ratings sr on sr.scorecard_id = s.id and sr.rating is not null
where true
group by a.organization_id, a.opening_id, a.id, sr.skill_id;
--> statement-breakpoint
with apps as (select a.id, a.organization_id, a.opening_id from applications a where true),
composites as (
  select t.application_id, sum(w.weight * (t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 / (t.n1 + t.n2 + t.n3 + t.n4)) / sum(w.weight) as y
  from application_skill_tallies t
  join apps on apps.id = t.application_id
  join opening_skill_weights w on w.opening_id = t.opening_id and w.skill_id = t.skill_id
  where t.n1 + t.n2 + t.n3 + t.n4 > 0
  group by 1
),
submitted as (
  select apps.id as application_id, apps.organization_id, apps.opening_id, i.id as interview_id, i.kit_version_id, s.id as scorecard_id
  from apps
  join interviews i on i.application_id = apps.id
  join scorecards s on s.interview_id = i.id and s.status = 'submitted'
),
asked as (
  -- Per interview with a submitted scorecard, each question of its pinned kit version once.
  select k.organization_id, k.opening_id, kq.question_id, count(*) as times_asked
  from (select distinct organization_id, opening_id, interview_id, kit_version_id from submitted) k
  join (select distinct ki.kit_version_id, qv.question_id from kit_items ki join question_versions qv on qv.id = ki.question_version_id) kq
    on kq.kit_version_id = k.kit_version_id
  group by 1, 2, 3
),
per_application as (
  select sub.organization_id, sub.opening_id, qv.question_id, sub.application_id, c.y,
         count(*) filter (where n.rating = 1) as n1, count(*) filter (where n.rating = 2) as n2,
         count(*) filter (where n.rating = 3) as n3, count(*) filter (where n.rating = 4) as n4,
         count(*) as n, sum(n.rating)::float8 as sx, sum(n.rating * n.rating)::float8 as sx2
  from submitted sub
  join scorecard_notes n on n.scorecard_id = sub.scorecard_id and n.rating is not null
  join kit_items ki on ki.id = n.kit_item_id
  join question_versions qv on qv.id = ki.question_version_id
  left join composites c on c.application_id = sub.application_id
  group by 1, 2, 3, 4, 5
),
rated as (
  select organization_id, opening_id, question_id,
         sum(n1) as n1, sum(n2) as n2, sum(n3) as n3, sum(n4) as n4,
         count(*) as applications, count(*) filter (where y is not null) as paired_applications,
         coalesce(sum(n) filter (where y is not null), 0) as paired_n,
         sum(sx) as sum_x,
         coalesce(sum(sx) filter (where y is not null), 0) as paired_sum_x,
         coalesce(sum(sx2) filter (where y is not null), 0) as paired_sum_x2,
         coalesce(sum(n * y), 0) as sum_y, coalesce(sum(n * y * y), 0) as sum_y2, coalesce(sum(sx * y), 0) as sum_xy
  from per_application group by 1, 2, 3
)
insert into question_tallies (organization_id, opening_id, question_id, times_asked, n1, n2, n3, n4, applications, paired_applications, paired_n, sum_x, paired_sum_x, paired_sum_x2, sum_y, sum_y2, sum_xy)
select coalesce(a.organization_id, r.organization_id), coalesce(a.opening_id, r.opening_id), coalesce(a.question_id, r.question_id),
       1 * coalesce(a.times_asked, 0), 1 * coalesce(r.n1, 0), 1 * coalesce(r.n2, 0), 1 * coalesce(r.n3, 0), 1 * coalesce(r.n4, 0),
       1 * coalesce(r.applications, 0), 1 * coalesce(r.paired_applications, 0), 1 * coalesce(r.paired_n, 0),
       1 * coalesce(r.sum_x, 0), 1 * coalesce(r.paired_sum_x, 0), 1 * coalesce(r.paired_sum_x2, 0), 1 * coalesce(r.sum_y, 0), 1 * coalesce(r.sum_y2, 0), 1 * coalesce(r.sum_xy, 0)
from asked a full join rated r on r.organization_id = a.organization_id and r.opening_id = a.opening_id and r.question_id = a.question_id
on conflict (organization_id, opening_id, question_id) do update set
  times_asked = question_tallies.times_asked + excluded.times_asked,
  n1 = question_tallies.n1 + excluded.n1, n2 = question_tallies.n2 + excluded.n2,
  n3 = question_tallies.n3 + excluded.n3, n4 = question_tallies.n4 + excluded.n4,
  applications = question_tallies.applications + excluded.applications,
  paired_applications = question_tallies.paired_applications + excluded.paired_applications,
  paired_n = question_tallies.paired_n + excluded.paired_n,
  sum_x = question_tallies.sum_x + excluded.sum_x,
  paired_sum_x = question_tallies.paired_sum_x + excluded.paired_sum_x, paired_sum_x2 = question_tallies.paired_sum_x2 + excluded.paired_sum_x2,
  sum_y = question_tallies.sum_y + excluded.sum_y, sum_y2 = question_tallies.sum_y2 + excluded.sum_y2,
  sum_xy = question_tallies.sum_xy + excluded.sum_xy;
