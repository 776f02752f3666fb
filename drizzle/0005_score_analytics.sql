CREATE TABLE "application_skill_tallies" (
	"organization_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"n1" integer DEFAULT 0 NOT NULL,
	"n2" integer DEFAULT 0 NOT NULL,
	"n3" integer DEFAULT 0 NOT NULL,
	"n4" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "application_skill_tallies_application_id_skill_id_pk" PRIMARY KEY("application_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "application_tallies" (
	"organization_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"application_id" uuid PRIMARY KEY NOT NULL,
	"strong_no" integer DEFAULT 0 NOT NULL,
	"no" integer DEFAULT 0 NOT NULL,
	"yes" integer DEFAULT 0 NOT NULL,
	"strong_yes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interviewer_tallies" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"deviation_sum" double precision DEFAULT 0 NOT NULL,
	"deviation_n" integer DEFAULT 0 NOT NULL,
	"n1" integer DEFAULT 0 NOT NULL,
	"n2" integer DEFAULT 0 NOT NULL,
	"n3" integer DEFAULT 0 NOT NULL,
	"n4" integer DEFAULT 0 NOT NULL,
	"scorecards" integer DEFAULT 0 NOT NULL,
	"hours_to_submit_sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "interviewer_tallies_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "question_tallies" (
	"organization_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"times_asked" integer DEFAULT 0 NOT NULL,
	"n1" integer DEFAULT 0 NOT NULL,
	"n2" integer DEFAULT 0 NOT NULL,
	"n3" integer DEFAULT 0 NOT NULL,
	"n4" integer DEFAULT 0 NOT NULL,
	"applications" integer DEFAULT 0 NOT NULL,
	"paired_applications" integer DEFAULT 0 NOT NULL,
	"paired_n" integer DEFAULT 0 NOT NULL,
	"sum_x" double precision DEFAULT 0 NOT NULL,
	"paired_sum_x" double precision DEFAULT 0 NOT NULL,
	"paired_sum_x2" double precision DEFAULT 0 NOT NULL,
	"sum_y" double precision DEFAULT 0 NOT NULL,
	"sum_y2" double precision DEFAULT 0 NOT NULL,
	"sum_xy" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "question_tallies_organization_id_opening_id_question_id_pk" PRIMARY KEY("organization_id","opening_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "reliability_coincidences" (
	"organization_id" uuid NOT NULL,
	"grouping" text NOT NULL,
	"group_id" uuid NOT NULL,
	"c" smallint NOT NULL,
	"k" smallint NOT NULL,
	"o" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "reliability_coincidences_organization_id_grouping_group_id_c_k_pk" PRIMARY KEY("organization_id","grouping","group_id","c","k"),
	CONSTRAINT "reliability_coincidences_cell" CHECK (("reliability_coincidences"."c" between 1 and 4 and "reliability_coincidences"."k" between 1 and 4) or ("reliability_coincidences"."c" = 0 and "reliability_coincidences"."k" = 0))
);
--> statement-breakpoint
ALTER TABLE "application_skill_tallies" ADD CONSTRAINT "application_skill_tallies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_skill_tallies" ADD CONSTRAINT "application_skill_tallies_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_skill_tallies" ADD CONSTRAINT "application_skill_tallies_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_skill_tallies" ADD CONSTRAINT "application_skill_tallies_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_tallies" ADD CONSTRAINT "application_tallies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_tallies" ADD CONSTRAINT "application_tallies_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_tallies" ADD CONSTRAINT "application_tallies_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviewer_tallies" ADD CONSTRAINT "interviewer_tallies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviewer_tallies" ADD CONSTRAINT "interviewer_tallies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_tallies" ADD CONSTRAINT "question_tallies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_tallies" ADD CONSTRAINT "question_tallies_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_tallies" ADD CONSTRAINT "question_tallies_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reliability_coincidences" ADD CONSTRAINT "reliability_coincidences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_skill_tallies_org_opening_idx" ON "application_skill_tallies" USING btree ("organization_id","opening_id");--> statement-breakpoint
CREATE INDEX "application_tallies_org_opening_idx" ON "application_tallies" USING btree ("organization_id","opening_id");