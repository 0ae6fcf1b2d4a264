CREATE TYPE "public"."uncertainty_budget_version_status" AS ENUM('draft', 'released');--> statement-breakpoint
CREATE TABLE "uncertainty_budget_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"status" "uncertainty_budget_version_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"warnings" jsonb NOT NULL,
	"change_note" text,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uncertainty_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uncertainty_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"budget_version_id" uuid NOT NULL,
	"method" text NOT NULL,
	"request" jsonb NOT NULL,
	"inputs_used" jsonb NOT NULL,
	"outputs" jsonb NOT NULL,
	"warnings" jsonb NOT NULL,
	"conformity" jsonb,
	"engine_version" text NOT NULL,
	"evaluated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "uncertainty_budget_versions" ADD CONSTRAINT "uncertainty_budget_versions_budget_id_uncertainty_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."uncertainty_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uncertainty_evaluations" ADD CONSTRAINT "uncertainty_evaluations_result_id_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uncertainty_evaluations" ADD CONSTRAINT "uncertainty_evaluations_budget_version_id_uncertainty_budget_versions_id_fk" FOREIGN KEY ("budget_version_id") REFERENCES "public"."uncertainty_budget_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "uncertainty_budget_versions_uq" ON "uncertainty_budget_versions" USING btree ("budget_id","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "uncertainty_budgets_code_uq" ON "uncertainty_budgets" USING btree ("code");--> statement-breakpoint
CREATE INDEX "uncertainty_evaluations_result_idx" ON "uncertainty_evaluations" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "uncertainty_evaluations_version_idx" ON "uncertainty_evaluations" USING btree ("budget_version_id");--> statement-breakpoint
-- A released budget version is immutable; drafts may be edited. No version is ever deleted.
CREATE OR REPLACE FUNCTION uncertainty_budget_versions_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'released' THEN
    RAISE EXCEPTION 'uncertainty budget version % is released and immutable: % is not allowed', OLD.id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER uncertainty_budget_versions_immutable BEFORE UPDATE OR DELETE ON uncertainty_budget_versions
  FOR EACH ROW EXECUTE FUNCTION uncertainty_budget_versions_guard();
--> statement-breakpoint
-- Budgets are never deleted (their versions and evaluations refer to them); their code and title stay as created.
CREATE TRIGGER uncertainty_budgets_append_only BEFORE UPDATE OR DELETE ON uncertainty_budgets
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
-- A stored evaluation is what a certificate shows and an auditor re-runs: never changed or removed.
-- The function comes from 0004.
CREATE TRIGGER uncertainty_evaluations_append_only BEFORE UPDATE OR DELETE ON uncertainty_evaluations
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
