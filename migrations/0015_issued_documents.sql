CREATE TYPE "public"."document_state" AS ENUM('draft', 'issued', 'superseded', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."document_type" AS ENUM('calibration_certificate', 'measurement_report', 'inspection_report', 'reference_measurement_report');--> statement-breakpoint
CREATE TABLE "document_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"language" text NOT NULL,
	"original" boolean NOT NULL,
	"media_type" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"type" "document_type" NOT NULL,
	"state" "document_state" DEFAULT 'draft' NOT NULL,
	"number" text,
	"languages" text[] NOT NULL,
	"item_ids" uuid[] NOT NULL,
	"supersedes_id" uuid,
	"amendment_reason" text,
	"superseded_by_id" uuid,
	"model" jsonb,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"signature" jsonb,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revocation_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_supersedes_id_documents_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_files_uq" ON "document_files" USING btree ("document_id","kind","language");--> statement-breakpoint
CREATE INDEX "document_files_sha256_idx" ON "document_files" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_number_uq" ON "documents" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_supersedes_uq" ON "documents" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "documents_job_idx" ON "documents" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "documents_company_idx" ON "documents" USING btree ("company_id","state");--> statement-breakpoint
-- An issued document never changes (ISO/IEC 17025 7.8.8): its number, model, signature and files
-- stay as issued. It may only become superseded (when its amendment is issued) or revoked; a
-- superseded or revoked document is history and changes no more. Drafts change freely.
CREATE OR REPLACE FUNCTION documents_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'draft' THEN
      RAISE EXCEPTION 'document % is %: it can never be deleted', OLD.number, OLD.state USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.state = 'draft' THEN
    RETURN NEW;
  END IF;
  IF OLD.state <> 'issued' OR NEW.state NOT IN ('superseded', 'revoked')
     OR ROW(NEW.id, NEW.job_id, NEW.company_id, NEW.type, NEW.number, NEW.languages, NEW.item_ids, NEW.supersedes_id,
            NEW.amendment_reason, NEW.model, NEW.issued_at, NEW.issued_by, NEW.signature, NEW.created_by, NEW.created_at)
        IS DISTINCT FROM
        ROW(OLD.id, OLD.job_id, OLD.company_id, OLD.type, OLD.number, OLD.languages, OLD.item_ids, OLD.supersedes_id,
            OLD.amendment_reason, OLD.model, OLD.issued_at, OLD.issued_by, OLD.signature, OLD.created_by, OLD.created_at)
  THEN
    RAISE EXCEPTION 'document % is %: an issued document cannot be changed, only superseded by an amendment or revoked', OLD.number, OLD.state
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER documents_guard BEFORE UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_guard();
--> statement-breakpoint
CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
  FOR EACH STATEMENT EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
-- Files are written once, while their document is still a draft (in the transaction that issues it).
CREATE OR REPLACE FUNCTION document_files_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  doc_state text;
BEGIN
  SELECT state::text INTO doc_state FROM documents WHERE id = NEW.document_id;
  IF doc_state IS DISTINCT FROM 'draft' THEN
    RAISE EXCEPTION 'document % is %: files are added only when a draft is issued', NEW.document_id, doc_state
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER document_files_guard BEFORE INSERT ON document_files
  FOR EACH ROW EXECUTE FUNCTION document_files_guard();
--> statement-breakpoint
CREATE TRIGGER document_files_append_only BEFORE UPDATE OR DELETE ON document_files
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER document_files_no_truncate BEFORE TRUNCATE ON document_files
  FOR EACH STATEMENT EXECUTE FUNCTION lab_records_reject_change();
