CREATE TYPE "public"."attachment_category" AS ENUM('drawing', 'cad_model', 'pmi', 'customer_report', 'other');--> statement-breakpoint
CREATE TYPE "public"."attachment_format" AS ENUM('step', 'qif', 'pdf', 'png', 'jpeg', 'tiff', 'gif', 'dxf');--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"category" "attachment_category" NOT NULL,
	"confidential" boolean NOT NULL,
	"description" text,
	"file_name" text NOT NULL,
	"declared_media_type" text,
	"format" "attachment_format" NOT NULL,
	"media_type" text NOT NULL,
	"format_details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"supersedes_id" uuid,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_supersedes_id_attachments_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_job_idx" ON "attachments" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "attachments_sha256_idx" ON "attachments" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_supersedes_uq" ON "attachments" USING btree ("supersedes_id");--> statement-breakpoint
-- Attachment rows never change: a newer revision is a new row that supersedes the old one. A row may
-- be deleted only while its job is submitted (afterwards the NDA's retention applies); the job row is
-- locked FOR SHARE so that an acceptance committing at the same moment cannot slip past the check.
CREATE OR REPLACE FUNCTION attachments_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  job_state text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'attachments are immutable: UPDATE is not allowed'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT status::text INTO job_state FROM jobs WHERE id = OLD.job_id FOR SHARE;
  IF job_state IS DISTINCT FROM 'submitted' THEN
    RAISE EXCEPTION 'attachment % belongs to a job that is %: it can no longer be deleted', OLD.id, job_state
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER attachments_guard BEFORE UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION attachments_guard();
--> statement-breakpoint
CREATE TRIGGER attachments_no_truncate BEFORE TRUNCATE ON attachments
  FOR EACH STATEMENT EXECUTE FUNCTION lab_records_reject_change();
