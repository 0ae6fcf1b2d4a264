CREATE TABLE "login_account_limits" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"blocked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_address_limits" (
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"trusted_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_address_limits_email_ip_pk" PRIMARY KEY("email","ip")
);
--> statement-breakpoint
CREATE INDEX "login_account_limits_updated_idx" ON "login_account_limits" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "login_address_limits_updated_idx" ON "login_address_limits" USING btree ("updated_at");--> statement-breakpoint
DROP TABLE "login_attempts" CASCADE;