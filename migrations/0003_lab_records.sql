CREATE TYPE "public"."calibrator_kind" AS ENUM('internal', 'accredited_lab', 'nmi');--> statement-breakpoint
CREATE TYPE "public"."check_result" AS ENUM('pass', 'fail');--> statement-breakpoint
CREATE TYPE "public"."equipment_status" AS ENUM('in_service', 'out_of_service', 'quarantined');--> statement-breakpoint
CREATE TYPE "public"."equipment_type" AS ENUM('cmm', 'gauge_block', 'ring_gauge', 'setting_gauge', 'micrometer', 'caliper', 'optical', 'thermometer', 'hygrometer', 'other');--> statement-breakpoint
CREATE TYPE "public"."calibration_withdrawal_kind" AS ENUM('withdrawn', 'out_of_tolerance');--> statement-breakpoint
CREATE TYPE "public"."method_version_status" AS ENUM('draft', 'released');--> statement-breakpoint
CREATE TYPE "public"."competence_evidence_kind" AS ENUM('training', 'rr_test', 'proficiency_test', 'qualification', 'other');--> statement-breakpoint
CREATE TABLE "calibration_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calibration_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"quantity" text NOT NULL,
	"nominal" numeric(20, 9),
	"value" numeric(20, 9) NOT NULL,
	"unit" text NOT NULL,
	"expanded_uncertainty" numeric(20, 9) NOT NULL,
	"coverage_factor" numeric(6, 3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calibration_withdrawals" (
	"calibration_id" uuid PRIMARY KEY NOT NULL,
	"kind" "calibration_withdrawal_kind" NOT NULL,
	"withdrawn_on" date NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calibrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"certificate_number" text NOT NULL,
	"calibrated_on" date NOT NULL,
	"interval_months" integer NOT NULL,
	"next_due_on" date NOT NULL,
	"calibrator_kind" "calibrator_kind" NOT NULL,
	"calibrator_name" text NOT NULL,
	"accreditation_id" text,
	"reference_calibration_id" uuid,
	"external_traceability" text,
	"corrects_id" uuid,
	"correction_reason" text,
	"remarks" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calibrations_reference_by_kind" CHECK (("calibrations"."calibrator_kind" = 'internal') = ("calibrations"."reference_calibration_id" IS NOT NULL)),
	CONSTRAINT "calibrations_correction_reason" CHECK (("calibrations"."corrects_id" IS NULL) = ("calibrations"."correction_reason" IS NULL)),
	CONSTRAINT "calibrations_due_after" CHECK ("calibrations"."next_due_on" > "calibrations"."calibrated_on")
);
--> statement-breakpoint
CREATE TABLE "equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" "equipment_type" NOT NULL,
	"manufacturer" text,
	"model" text,
	"serial_number" text,
	"location" text,
	"range_lower" numeric(20, 9),
	"range_upper" numeric(20, 9),
	"resolution" numeric(20, 9),
	"unit" text,
	"calibration_interval_months" integer,
	"requires_calibration" boolean DEFAULT true NOT NULL,
	"status" "equipment_status" DEFAULT 'in_service' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_interval_positive" CHECK ("equipment"."calibration_interval_months" IS NULL OR "equipment"."calibration_interval_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "equipment_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"status" "equipment_status" NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intermediate_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"procedure" text NOT NULL,
	"check_standard_id" uuid,
	"expected" numeric(20, 9),
	"observed" numeric(20, 9),
	"acceptance_limit" numeric(20, 9),
	"unit" text,
	"result" "check_result" NOT NULL,
	"remarks" text,
	"performed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "method_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"method_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"status" "method_version_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"accredited" boolean NOT NULL,
	"cmc_text" text,
	"cmc_entries" jsonb NOT NULL,
	"temperature_nominal" numeric(6, 3),
	"temperature_tolerance" numeric(6, 3),
	"humidity_min" numeric(5, 2),
	"humidity_max" numeric(5, 2),
	"required_equipment_types" text[] NOT NULL,
	"uncertainty_budget_template_id" text,
	"change_note" text,
	"effective_from" date,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competence_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "competence_evidence_kind" NOT NULL,
	"title" text NOT NULL,
	"completed_on" date NOT NULL,
	"method_id" uuid,
	"score_kind" text,
	"score" numeric(12, 4),
	"outcome" text,
	"document_reference" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_authorizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"method_id" uuid NOT NULL,
	"method_version_id" uuid,
	"capabilities" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"granted_by" uuid NOT NULL,
	"notes" text,
	"revoked_on" date,
	"revoked_reason" text,
	"revoked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_authorizations_period" CHECK ("staff_authorizations"."valid_until" IS NULL OR "staff_authorizations"."valid_until" >= "staff_authorizations"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "calibration_values" ADD CONSTRAINT "calibration_values_calibration_id_calibrations_id_fk" FOREIGN KEY ("calibration_id") REFERENCES "public"."calibrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_withdrawals" ADD CONSTRAINT "calibration_withdrawals_calibration_id_calibrations_id_fk" FOREIGN KEY ("calibration_id") REFERENCES "public"."calibrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrations" ADD CONSTRAINT "calibrations_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_status_events" ADD CONSTRAINT "equipment_status_events_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intermediate_checks" ADD CONSTRAINT "intermediate_checks_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intermediate_checks" ADD CONSTRAINT "intermediate_checks_check_standard_id_equipment_id_fk" FOREIGN KEY ("check_standard_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "method_versions" ADD CONSTRAINT "method_versions_method_id_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_evidence" ADD CONSTRAINT "competence_evidence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_evidence" ADD CONSTRAINT "competence_evidence_method_id_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_authorizations" ADD CONSTRAINT "staff_authorizations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_authorizations" ADD CONSTRAINT "staff_authorizations_method_id_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_authorizations" ADD CONSTRAINT "staff_authorizations_method_version_id_method_versions_id_fk" FOREIGN KEY ("method_version_id") REFERENCES "public"."method_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calibration_values_uq" ON "calibration_values" USING btree ("calibration_id","position");--> statement-breakpoint
CREATE INDEX "calibrations_equipment_idx" ON "calibrations" USING btree ("equipment_id","calibrated_on");--> statement-breakpoint
CREATE INDEX "calibrations_reference_idx" ON "calibrations" USING btree ("reference_calibration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calibrations_corrects_uq" ON "calibrations" USING btree ("corrects_id");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_code_uq" ON "equipment" USING btree ("code");--> statement-breakpoint
CREATE INDEX "equipment_status_events_idx" ON "equipment_status_events" USING btree ("equipment_id","effective_on");--> statement-breakpoint
CREATE INDEX "intermediate_checks_equipment_idx" ON "intermediate_checks" USING btree ("equipment_id","checked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "method_versions_uq" ON "method_versions" USING btree ("method_id","version_number");--> statement-breakpoint
CREATE INDEX "method_versions_method_idx" ON "method_versions" USING btree ("method_id");--> statement-breakpoint
CREATE UNIQUE INDEX "methods_code_uq" ON "methods" USING btree ("code");--> statement-breakpoint
CREATE INDEX "competence_evidence_user_idx" ON "competence_evidence" USING btree ("user_id","completed_on");--> statement-breakpoint
CREATE INDEX "staff_authorizations_user_idx" ON "staff_authorizations" USING btree ("user_id","method_id");