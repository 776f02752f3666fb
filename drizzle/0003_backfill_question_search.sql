-- Custom SQL migration file, put your code below! ---- Rows written before 0002 get their search text and current-version pointer.
UPDATE "question_versions"
SET "search_text" = concat_ws(' ', "title", "prompt", array_to_string("listen_for", ' '), array_to_string("red_flags", ' '), array_to_string("follow_ups", ' '))
WHERE "search_text" = '';--> statement-breakpoint
UPDATE "questions" q
SET "current_version_id" = v."id"
FROM "question_versions" v
WHERE v."question_id" = q."id" AND v."version" = q."latest_version" AND q."current_version_id" IS NULL;
