CREATE TABLE "reliability_groups" (
	"organization_id" uuid NOT NULL,
	"grouping" text NOT NULL,
	"group_id" uuid NOT NULL,
	"candidates" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reliability_groups_organization_id_grouping_group_id_pk" PRIMARY KEY("organization_id","grouping","group_id")
);
--> statement-breakpoint
CREATE TABLE "reliability_patterns" (
	"organization_id" uuid NOT NULL,
	"grouping" text NOT NULL,
	"group_id" uuid NOT NULL,
	"n1" smallint NOT NULL,
	"n2" smallint NOT NULL,
	"n3" smallint NOT NULL,
	"n4" smallint NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reliability_patterns_organization_id_grouping_group_id_n1_n2_n3_n4_pk" PRIMARY KEY("organization_id","grouping","group_id","n1","n2","n3","n4"),
	CONSTRAINT "reliability_patterns_pairable" CHECK ("reliability_patterns"."n1" + "reliability_patterns"."n2" + "reliability_patterns"."n3" + "reliability_patterns"."n4" >= 2)
);
--> statement-breakpoint
CREATE TABLE "reliability_raters" (
	"organization_id" uuid NOT NULL,
	"grouping" text NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reliability_raters_organization_id_grouping_group_id_user_id_pk" PRIMARY KEY("organization_id","grouping","group_id","user_id")
);
--> statement-breakpoint
DROP TABLE "reliability_coincidences" CASCADE;--> statement-breakpoint
ALTER TABLE "interviewer_tallies" ADD COLUMN "deviation_squares_sum" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reliability_groups" ADD CONSTRAINT "reliability_groups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reliability_patterns" ADD CONSTRAINT "reliability_patterns_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reliability_raters" ADD CONSTRAINT "reliability_raters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reliability_raters" ADD CONSTRAINT "reliability_raters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill from the submitted ratings (the same definitions as db/analytics.ts at this migration).
WITH r AS (
  SELECT a.organization_id, a.id AS application_id, s.interviewer_user_id AS user_id, kv.kit_id, sr.skill_id, sr.rating::int AS v
  FROM applications a
  JOIN interviews i ON i.application_id = a.id
  JOIN scorecards s ON s.interview_id = i.id AND s.status = 'submitted'
  JOIN kit_versions kv ON kv.id = i.kit_version_id
  JOIN scorecard_ratings sr ON sr.scorecard_id = s.id AND sr.rating IS NOT NULL
),
rated AS (
  SELECT organization_id, 'skill' AS grouping, skill_id AS group_id, application_id, skill_id, user_id, v FROM r
  UNION ALL
  SELECT organization_id, 'kit', kit_id, application_id, skill_id, user_id, v FROM r
),
units AS (
  SELECT organization_id, grouping, group_id, application_id, skill_id,
         count(*) FILTER (WHERE v = 1) AS n1, count(*) FILTER (WHERE v = 2) AS n2,
         count(*) FILTER (WHERE v = 3) AS n3, count(*) FILTER (WHERE v = 4) AS n4
  FROM rated GROUP BY 1, 2, 3, 4, 5 HAVING count(*) >= 2
),
patterns AS (
  INSERT INTO reliability_patterns (organization_id, grouping, group_id, n1, n2, n3, n4, units)
  SELECT organization_id, grouping, group_id, n1, n2, n3, n4, count(*) FROM units GROUP BY 1, 2, 3, 4, 5, 6, 7
),
groups AS (
  INSERT INTO reliability_groups (organization_id, grouping, group_id, candidates)
  SELECT organization_id, grouping, group_id, count(DISTINCT application_id) FROM units GROUP BY 1, 2, 3
)
INSERT INTO reliability_raters (organization_id, grouping, group_id, user_id, ratings)
SELECT x.organization_id, x.grouping, x.group_id, x.user_id, count(*)
FROM rated x JOIN units u USING (organization_id, grouping, group_id, application_id, skill_id)
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
WITH r AS (
  SELECT a.organization_id, a.id AS application_id, s.interviewer_user_id AS user_id, sr.skill_id, sr.rating::float8 AS v
  FROM applications a
  JOIN interviews i ON i.application_id = a.id
  JOIN scorecards s ON s.interview_id = i.id AND s.status = 'submitted'
  JOIN scorecard_ratings sr ON sr.scorecard_id = s.id AND sr.rating IS NOT NULL
),
units AS (SELECT application_id, skill_id, count(*)::float8 AS m, sum(v) AS t FROM r GROUP BY 1, 2),
squares AS (
  SELECT r.organization_id, r.user_id, sum(power(r.v - (u.t - r.v) / (u.m - 1), 2)) AS s
  FROM r JOIN units u USING (application_id, skill_id)
  WHERE u.m > 1
  GROUP BY 1, 2
)
UPDATE interviewer_tallies t SET deviation_squares_sum = squares.s
FROM squares WHERE squares.organization_id = t.organization_id AND squares.user_id = t.user_id;
