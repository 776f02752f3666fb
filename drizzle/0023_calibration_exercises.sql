CREATE TABLE "calibration_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"sample_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"note" text,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calibration_ratings_rating_range" CHECK ("calibration_ratings"."rating" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "calibration_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"question_version_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"reference_rating" integer NOT NULL,
	"reference_rationale" text NOT NULL,
	"created_by_user_id" uuid,
	"archived_at" timestamp with time zone,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calibration_samples_reference_range" CHECK ("calibration_samples"."reference_rating" between 1 and 4),
	CONSTRAINT "calibration_samples_revision_nonnegative" CHECK ("calibration_samples"."revision" >= 0)
);
--> statement-breakpoint
ALTER TABLE "calibration_ratings" ADD CONSTRAINT "calibration_ratings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_ratings" ADD CONSTRAINT "calibration_ratings_sample_id_calibration_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."calibration_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_ratings" ADD CONSTRAINT "calibration_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_samples" ADD CONSTRAINT "calibration_samples_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_samples" ADD CONSTRAINT "calibration_samples_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_samples" ADD CONSTRAINT "calibration_samples_question_version_id_question_versions_id_fk" FOREIGN KEY ("question_version_id") REFERENCES "public"."question_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_samples" ADD CONSTRAINT "calibration_samples_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calibration_ratings_sample_user_key" ON "calibration_ratings" USING btree ("sample_id","user_id");--> statement-breakpoint
CREATE INDEX "calibration_ratings_org_user_idx" ON "calibration_ratings" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "calibration_samples_org_question_idx" ON "calibration_samples" USING btree ("organization_id","question_id");--> statement-breakpoint
CREATE INDEX "calibration_samples_org_active_idx" ON "calibration_samples" USING btree ("organization_id","created_at") WHERE "calibration_samples"."archived_at" is null;