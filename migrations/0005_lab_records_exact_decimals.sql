ALTER TABLE "calibration_values" ALTER COLUMN "nominal" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "calibration_values" ALTER COLUMN "value" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "calibration_values" ALTER COLUMN "expanded_uncertainty" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "calibration_values" ALTER COLUMN "coverage_factor" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "equipment" ALTER COLUMN "range_lower" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "equipment" ALTER COLUMN "range_upper" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "equipment" ALTER COLUMN "resolution" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "intermediate_checks" ALTER COLUMN "expected" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "intermediate_checks" ALTER COLUMN "observed" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "intermediate_checks" ALTER COLUMN "acceptance_limit" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "method_versions" ALTER COLUMN "temperature_nominal" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "method_versions" ALTER COLUMN "temperature_tolerance" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "method_versions" ALTER COLUMN "humidity_min" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "method_versions" ALTER COLUMN "humidity_max" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "competence_evidence" ALTER COLUMN "score" SET DATA TYPE numeric;