CREATE TYPE "public"."panel_role" AS ENUM('interviewer', 'shadow', 'reverse_shadow');--> statement-breakpoint
CREATE TABLE "kit_qualifications" (
	"organization_id" uuid NOT NULL,
	"kit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"qualified_by_user_id" uuid,
	"qualified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kit_qualifications_organization_id_kit_id_user_id_pk" PRIMARY KEY("organization_id","kit_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "interview_panelists" ADD COLUMN "role" "panel_role" DEFAULT 'interviewer' NOT NULL;--> statement-breakpoint
ALTER TABLE "kit_qualifications" ADD CONSTRAINT "kit_qualifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kit_qualifications" ADD CONSTRAINT "kit_qualifications_kit_id_kits_id_fk" FOREIGN KEY ("kit_id") REFERENCES "public"."kits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kit_qualifications" ADD CONSTRAINT "kit_qualifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kit_qualifications" ADD CONSTRAINT "kit_qualifications_qualified_by_user_id_users_id_fk" FOREIGN KEY ("qualified_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kit_qualifications_org_user_idx" ON "kit_qualifications" USING btree ("organization_id","user_id");