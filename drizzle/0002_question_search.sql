CREATE TABLE "question_search" (
	"question_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"version_id" uuid NOT NULL,
	"status" "question_status" NOT NULL,
	"title" text NOT NULL,
	"kind" "question_kind" NOT NULL,
	"level" "seniority_level" NOT NULL,
	"expected_minutes" integer NOT NULL,
	"primary_skill_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"skill_ids" uuid[] NOT NULL,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_search_words" (
	"organization_id" uuid,
	"word" text NOT NULL,
	CONSTRAINT "question_search_words_org_word_key" UNIQUE NULLS NOT DISTINCT("organization_id","word")
);
--> statement-breakpoint
ALTER TABLE "question_versions" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "current_version_id" uuid;--> statement-breakpoint
ALTER TABLE "question_search" ADD CONSTRAINT "question_search_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_search" ADD CONSTRAINT "question_search_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_search" ADD CONSTRAINT "question_search_version_id_question_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."question_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_search_words" ADD CONSTRAINT "question_search_words_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_search_org_filters_idx" ON "question_search" USING btree ("organization_id","status","level","kind");--> statement-breakpoint
CREATE INDEX "question_search_vector_idx" ON "question_search" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "question_search_skills_idx" ON "question_search" USING gin ("skill_ids");--> statement-breakpoint
CREATE INDEX "question_search_words_trgm_idx" ON "question_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "questions_current_version_idx" ON "questions" USING btree ("current_version_id");