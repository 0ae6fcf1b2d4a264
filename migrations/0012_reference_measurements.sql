CREATE TYPE "public"."test_piece_kind" AS ENUM('nas', 'bas', 'lab_modelled', 'lab_reference');--> statement-breakpoint
CREATE TABLE "test_piece_characteristics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"piece_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"identifier" text NOT NULL,
	"type" characteristic_type NOT NULL,
	"nominal" numeric,
	"unit" text NOT NULL,
	"tolerance_kind" "tolerance_kind" NOT NULL,
	"tolerance_value" numeric,
	"upper_deviation" numeric,
	"lower_deviation" numeric,
	"upper_limit" numeric,
	"lower_limit" numeric,
	"datums" text[] NOT NULL,
	"notes" text,
	"known_value" numeric,
	"known_expanded_uncertainty" numeric,
	"known_coverage_factor" numeric
);
--> statement-breakpoint
CREATE TABLE "test_pieces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "test_piece_kind" NOT NULL,
	"drawing_reference" text,
	"program_reference" text,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"calibration_certificate" text,
	"calibrated_on" date,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "machine_tools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"manufacturer" text,
	"model" text,
	"serial_number" text,
	"location" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_result_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"repeat_no" integer NOT NULL,
	"value" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"characteristic_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"expanded_uncertainty" numeric,
	"coverage_factor" numeric,
	"measured_on" date,
	"remarks" text,
	"corrects_id" uuid,
	"correction_reason" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_stated_uncertainties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"characteristic_id" uuid NOT NULL,
	"expanded_uncertainty" numeric NOT NULL,
	"coverage_factor" numeric NOT NULL,
	"basis" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_items" ADD COLUMN "test_piece_id" uuid;--> statement-breakpoint
ALTER TABLE "job_items" ADD COLUMN "machine_tool_id" uuid;--> statement-breakpoint
ALTER TABLE "job_items" ADD COLUMN "manufactured_on" date;--> statement-breakpoint
ALTER TABLE "test_piece_characteristics" ADD CONSTRAINT "test_piece_characteristics_piece_id_test_pieces_id_fk" FOREIGN KEY ("piece_id") REFERENCES "public"."test_pieces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_tools" ADD CONSTRAINT "machine_tools_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_result_values" ADD CONSTRAINT "company_result_values_result_id_company_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."company_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_results" ADD CONSTRAINT "company_results_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_results" ADD CONSTRAINT "company_results_item_id_job_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."job_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_results" ADD CONSTRAINT "company_results_characteristic_id_job_characteristics_id_fk" FOREIGN KEY ("characteristic_id") REFERENCES "public"."job_characteristics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_results" ADD CONSTRAINT "company_results_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_results" ADD CONSTRAINT "company_results_corrects_id_company_results_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."company_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_stated_uncertainties" ADD CONSTRAINT "lab_stated_uncertainties_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_stated_uncertainties" ADD CONSTRAINT "lab_stated_uncertainties_characteristic_id_job_characteristics_id_fk" FOREIGN KEY ("characteristic_id") REFERENCES "public"."job_characteristics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "test_piece_characteristics_uq" ON "test_piece_characteristics" USING btree ("piece_id","identifier");--> statement-breakpoint
CREATE INDEX "test_piece_characteristics_piece_idx" ON "test_piece_characteristics" USING btree ("piece_id");--> statement-breakpoint
CREATE UNIQUE INDEX "test_pieces_code_uq" ON "test_pieces" USING btree ("code");--> statement-breakpoint
CREATE INDEX "machine_tools_company_idx" ON "machine_tools" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "company_result_values_uq" ON "company_result_values" USING btree ("result_id","repeat_no");--> statement-breakpoint
CREATE INDEX "company_results_job_idx" ON "company_results" USING btree ("job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "company_results_corrects_uq" ON "company_results" USING btree ("corrects_id");--> statement-breakpoint
CREATE INDEX "lab_stated_uncertainties_characteristic_idx" ON "lab_stated_uncertainties" USING btree ("characteristic_id");--> statement-breakpoint
CREATE INDEX "job_items_machine_tool_idx" ON "job_items" USING btree ("machine_tool_id");--> statement-breakpoint
-- A job item links the catalogue piece and the machine tool by id; the jobs module does not import
-- those modules' tables, so the foreign keys are declared here.
ALTER TABLE "job_items" ADD CONSTRAINT "job_items_test_piece_id_test_pieces_id_fk" FOREIGN KEY ("test_piece_id") REFERENCES "public"."test_pieces"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "job_items" ADD CONSTRAINT "job_items_machine_tool_id_machine_tools_id_fk" FOREIGN KEY ("machine_tool_id") REFERENCES "public"."machine_tools"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- A company's results and the lab's stated uncertainties are records (ISO/IEC 17025 7.5): corrected by
-- new rows, never changed or deleted. The function comes from 0004.
CREATE TRIGGER company_results_append_only BEFORE UPDATE OR DELETE ON company_results
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER company_result_values_append_only BEFORE UPDATE OR DELETE ON company_result_values
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER lab_stated_uncertainties_append_only BEFORE UPDATE OR DELETE ON lab_stated_uncertainties
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
