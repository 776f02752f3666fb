-- Hand-edited after drizzle-kit generate: the function behind blind_code's default comes first,
-- existing applications get codes (ADD COLUMN evaluates the volatile default per row) and any
-- code drawn twice in one opening is redrawn before the unique index, and a trigger keeps new
-- codes unique within their opening whichever code path inserts the application.
CREATE TYPE "public"."blind_review_mode" AS ENUM('off', 'interviewers', 'interviewers_and_dashboard');--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "blind_review" "blind_review_mode" DEFAULT 'off' NOT NULL;--> statement-breakpoint
CREATE FUNCTION loopkit_blind_code() RETURNS text LANGUAGE sql VOLATILE AS $$
  -- 32 symbols without the look-alikes 0/O and 1/I: about a million codes per opening.
  SELECT 'C-' || string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + floor(random() * 32)::int, 1), '')
  FROM generate_series(1, 4)
$$;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "blind_code" text DEFAULT loopkit_blind_code() NOT NULL;--> statement-breakpoint
DO $$
BEGIN
  WHILE EXISTS (SELECT 1 FROM applications GROUP BY organization_id, opening_id, blind_code HAVING count(*) > 1) LOOP
    UPDATE applications a SET blind_code = loopkit_blind_code()
    WHERE a.id IN (
      SELECT id FROM (
        SELECT id, row_number() OVER (PARTITION BY organization_id, opening_id, blind_code ORDER BY id) AS n FROM applications
      ) d WHERE d.n > 1
    );
  END LOOP;
END
$$;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_org_opening_blind_code_key" ON "applications" USING btree ("organization_id","opening_id","blind_code");--> statement-breakpoint
CREATE FUNCTION loopkit_unique_blind_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WHILE EXISTS (
    SELECT 1 FROM applications
    WHERE organization_id = NEW.organization_id AND opening_id = NEW.opening_id AND blind_code = NEW.blind_code AND id <> NEW.id
  ) LOOP
    NEW.blind_code := loopkit_blind_code();
  END LOOP;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER applications_unique_blind_code BEFORE INSERT ON applications
  FOR EACH ROW EXECUTE FUNCTION loopkit_unique_blind_code();
