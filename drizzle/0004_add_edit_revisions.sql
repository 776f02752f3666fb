ALTER TABLE "openings" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_revision_nonnegative" CHECK ("openings"."revision" >= 0);--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_revision_nonnegative" CHECK ("candidates"."revision" >= 0);--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_revision_nonnegative" CHECK ("interviews"."revision" >= 0);