CREATE TYPE "public"."outcome_checkpoint" AS ENUM('90_days', '12_months');--> statement-breakpoint
ALTER TYPE "public"."notification_email_topic" ADD VALUE 'outcome_reminders';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'outcome_due';--> statement-breakpoint
CREATE TABLE "outcome_reminders" (
	"organization_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"checkpoint" "outcome_checkpoint" NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outcome_reminders_application_id_checkpoint_pk" PRIMARY KEY("application_id","checkpoint")
);
--> statement-breakpoint
CREATE TABLE "post_hire_outcome_skill_ratings" (
	"organization_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	CONSTRAINT "post_hire_outcome_skill_ratings_outcome_id_skill_id_pk" PRIMARY KEY("outcome_id","skill_id"),
	CONSTRAINT "post_hire_outcome_skill_ratings_range" CHECK ("post_hire_outcome_skill_ratings"."rating" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "post_hire_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"checkpoint" "outcome_checkpoint" NOT NULL,
	"overall_rating" smallint NOT NULL,
	"still_employed" boolean NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_hire_outcomes_overall_range" CHECK ("post_hire_outcomes"."overall_rating" between 1 and 4),
	CONSTRAINT "post_hire_outcomes_revision_positive" CHECK ("post_hire_outcomes"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "outcome_reminders" ADD CONSTRAINT "outcome_reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reminders" ADD CONSTRAINT "outcome_reminders_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_hire_outcome_skill_ratings" ADD CONSTRAINT "post_hire_outcome_skill_ratings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_hire_outcome_skill_ratings" ADD CONSTRAINT "post_hire_outcome_skill_ratings_outcome_id_post_hire_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."post_hire_outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_hire_outcome_skill_ratings" ADD CONSTRAINT "post_hire_outcome_skill_ratings_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_hire_outcomes" ADD CONSTRAINT "post_hire_outcomes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_hire_outcomes" ADD CONSTRAINT "post_hire_outcomes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_hire_outcomes" ADD CONSTRAINT "post_hire_outcomes_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "post_hire_outcomes_application_checkpoint_key" ON "post_hire_outcomes" USING btree ("organization_id","application_id","checkpoint");--> statement-breakpoint
CREATE INDEX "post_hire_outcomes_org_checkpoint_idx" ON "post_hire_outcomes" USING btree ("organization_id","checkpoint");