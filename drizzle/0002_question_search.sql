ALTER TABLE "question_versions" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "question_versions" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, search_text)) STORED;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "current_version_id" uuid;--> statement-breakpoint
CREATE INDEX "question_versions_search_idx" ON "question_versions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "question_versions_title_trgm_idx" ON "question_versions" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "question_versions_text_trgm_idx" ON "question_versions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "questions_current_version_idx" ON "questions" USING btree ("current_version_id");