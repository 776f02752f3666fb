-- Custom SQL migration file, put your code below! ---- Questions written before 0002 get their search text, current-version pointer and projection rows
-- (the same statements db/search.ts runs on every write).
UPDATE "question_versions"
SET "search_text" = concat_ws(' ', "title", "prompt", array_to_string("listen_for", ' '), array_to_string("red_flags", ' '), array_to_string("follow_ups", ' '))
WHERE "search_text" = '';--> statement-breakpoint
UPDATE "questions" q
SET "current_version_id" = v."id"
FROM "question_versions" v
WHERE v."question_id" = q."id" AND v."version" = q."latest_version" AND q."current_version_id" IS NULL;--> statement-breakpoint
INSERT INTO "question_search" ("question_id", "organization_id", "version_id", "status", "title", "kind", "level", "expected_minutes", "primary_skill_id", "category_id", "skill_ids", "search_vector")
SELECT q."id", q."organization_id", v."id", q."status", v."title", v."kind", v."level", v."expected_minutes", v."primary_skill_id", s."category_id",
       coalesce((SELECT array_agg(qs."skill_id") FROM "question_version_skills" qs WHERE qs."question_version_id" = v."id"), ARRAY[v."primary_skill_id"]),
       setweight(to_tsvector('english'::regconfig, v."title"), 'A') || setweight(to_tsvector('english'::regconfig, v."search_text"), 'D')
FROM "questions" q
JOIN "question_versions" v ON v."id" = q."current_version_id"
JOIN "skills" s ON s."id" = v."primary_skill_id"
ON CONFLICT ("question_id") DO NOTHING;--> statement-breakpoint
INSERT INTO "question_search_words" ("organization_id", "word")
SELECT DISTINCT q."organization_id", w.word
FROM "questions" q
JOIN "question_versions" v ON v."id" = q."current_version_id",
     regexp_split_to_table(lower(v."search_text"), '[^a-z]+') AS w(word)
WHERE length(w.word) BETWEEN 3 AND 40
ON CONFLICT DO NOTHING;
