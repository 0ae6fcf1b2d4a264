CREATE TYPE "public"."characteristic_type" AS ENUM('length', 'diameter', 'distance', 'angle', 'flatness', 'roundness', 'cylindricity', 'position', 'profile', 'perpendicularity', 'parallelism', 'runout');--> statement-breakpoint
CREATE TYPE "public"."instrument_service" AS ENUM('accredited_calibration', 'non_accredited_calibration', 'inspection');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('submitted', 'accepted', 'rejected', 'items_received', 'in_measurement', 'results_under_review', 'reported', 'closed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."tolerance_kind" AS ENUM('symmetric', 'deviations', 'limits', 'geometric');--> statement-breakpoint
CREATE TABLE "job_characteristics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
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
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "job_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"description" text NOT NULL,
	"instrument_type" text,
	"manufacturer" text,
	"model" text,
	"serial_number" text,
	"range_lower" numeric,
	"range_upper" numeric,
	"unit" text,
	"resolution" numeric,
	"mpe" text,
	"service" "instrument_service",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" "lab_service" NOT NULL,
	"status" "job_status" DEFAULT 'submitted' NOT NULL,
	"agreement_id" uuid NOT NULL,
	"customer_reference" text,
	"notes" text,
	"submitted_by" uuid NOT NULL,
	"method" text,
	"decision_rule" text,
	"decision_rule_notes" text,
	"price" numeric(14, 2),
	"delivery_date" date,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"received_on" date,
	"receipt_condition" text,
	"receipt_remarks" text,
	"status_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_characteristics" ADD CONSTRAINT "job_characteristics_item_id_job_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."job_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_characteristics" ADD CONSTRAINT "job_characteristics_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_items" ADD CONSTRAINT "job_items_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_characteristics_uq" ON "job_characteristics" USING btree ("item_id","identifier");--> statement-breakpoint
CREATE INDEX "job_characteristics_job_idx" ON "job_characteristics" USING btree ("job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_items_line_uq" ON "job_items" USING btree ("job_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_number_uq" ON "jobs" USING btree ("number");--> statement-breakpoint
CREATE INDEX "jobs_company_status_idx" ON "jobs" USING btree ("company_id","status");