CREATE TABLE "result_equipment" (
	"result_id" uuid NOT NULL,
	"equipment_id" uuid NOT NULL,
	CONSTRAINT "result_equipment_result_id_equipment_id_pk" PRIMARY KEY("result_id","equipment_id")
);
--> statement-breakpoint
CREATE TABLE "result_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"repeat_no" integer NOT NULL,
	"value" numeric NOT NULL,
	"unit" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"remarks" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"characteristic_id" uuid,
	"point_nominal" numeric,
	"point_unit" text,
	"method_version_id" uuid NOT NULL,
	"measured_at" timestamp with time zone NOT NULL,
	"temperature" numeric,
	"humidity" numeric,
	"environment_deviation" boolean DEFAULT false NOT NULL,
	"deviation_justification" text,
	"environment_violations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remarks" text,
	"corrects_id" uuid,
	"correction_reason" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "result_equipment" ADD CONSTRAINT "result_equipment_result_id_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_equipment" ADD CONSTRAINT "result_equipment_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_readings" ADD CONSTRAINT "result_readings_result_id_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_releases" ADD CONSTRAINT "result_releases_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_releases" ADD CONSTRAINT "result_releases_item_id_job_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."job_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_item_id_job_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."job_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_characteristic_id_job_characteristics_id_fk" FOREIGN KEY ("characteristic_id") REFERENCES "public"."job_characteristics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_method_version_id_method_versions_id_fk" FOREIGN KEY ("method_version_id") REFERENCES "public"."method_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_corrects_id_results_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "result_equipment_equipment_idx" ON "result_equipment" USING btree ("equipment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_readings_uq" ON "result_readings" USING btree ("result_id","repeat_no");--> statement-breakpoint
CREATE UNIQUE INDEX "result_releases_item_uq" ON "result_releases" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "results_item_idx" ON "results" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "results_corrects_uq" ON "results" USING btree ("corrects_id");