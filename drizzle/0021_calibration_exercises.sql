ALTER TABLE "calibration_samples" DROP CONSTRAINT "calibration_samples_question_version_id_question_versions_id_fk";
--> statement-breakpoint
ALTER TABLE "calibration_samples" ADD CONSTRAINT "calibration_samples_question_version_id_question_versions_id_fk" FOREIGN KEY ("question_version_id") REFERENCES "public"."question_versions"("id") ON DELETE cascade ON UPDATE no action;