ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "candidate_retention_months" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "scorecards" ADD COLUMN "reopen_reason" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_candidate_retention_range" CHECK ("organizations"."candidate_retention_months" is null or "organizations"."candidate_retention_months" between 1 and 120);