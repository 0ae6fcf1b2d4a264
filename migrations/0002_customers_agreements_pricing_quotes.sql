CREATE TYPE "public"."document_language" AS ENUM('fi', 'en', 'sv', 'et');--> statement-breakpoint
CREATE TYPE "public"."agreement_kind" AS ENUM('annual', 'ad_hoc');--> statement-breakpoint
CREATE TYPE "public"."agreement_status" AS ENUM('draft', 'active', 'terminated', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."lab_service" AS ENUM('product_quality_control', 'reference_measurement', 'instrument_calibration');--> statement-breakpoint
CREATE TYPE "public"."nda_kind" AS ENUM('one_way', 'mutual');--> statement-breakpoint
CREATE TYPE "public"."nda_status" AS ENUM('pending', 'active', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."price_unit" AS ENUM('hour', 'piece');--> statement-breakpoint
CREATE TYPE "public"."price_source" AS ENUM('price_list', 'agreement_discount', 'agreement_fixed_price');--> statement-breakpoint
CREATE TYPE "public"."quote_status" AS ENUM('issued', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "company_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "document_counters_kind_year_pk" PRIMARY KEY("kind","year")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"supersedes_id" uuid,
	"number" text NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" "agreement_kind" NOT NULL,
	"status" "agreement_status" DEFAULT 'draft' NOT NULL,
	"services" "lab_service"[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"terms" jsonb NOT NULL,
	"nda_id" uuid NOT NULL,
	"quote_id" uuid,
	"customer_signature" jsonb,
	"lab_signature" jsonb,
	"signed_on" date,
	"terminated_on" date,
	"termination_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ndas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" "nda_kind" NOT NULL,
	"covers" text[] NOT NULL,
	"term_months" integer NOT NULL,
	"retention_months" integer NOT NULL,
	"disposal" text NOT NULL,
	"status" "nda_status" DEFAULT 'pending' NOT NULL,
	"effective_from" date,
	"expires_on" date,
	"terminated_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_cost_bases" (
	"version_id" uuid NOT NULL,
	"service" "lab_service" NOT NULL,
	"equipment_leasing_maintenance" numeric(14, 2) NOT NULL,
	"rent" numeric(14, 2) NOT NULL,
	"laboratory_costs" numeric(14, 2) NOT NULL,
	"personnel_costs" numeric(14, 2) NOT NULL,
	"planned_billable_hours" numeric(10, 1) NOT NULL,
	"hourly_rate" numeric(14, 2) NOT NULL,
	"standard_delivery_days" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_list_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"service" "lab_service" NOT NULL,
	"unit" "price_unit" NOT NULL,
	"names" jsonb NOT NULL,
	"standard_hours" numeric(8, 2),
	"fixed_price" numeric(14, 2),
	"unit_price" numeric(14, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_list_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_number" integer NOT NULL,
	"effective_from" date NOT NULL,
	"vat_rate" numeric(5, 2) NOT NULL,
	"notes" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"quote_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"item_code" text NOT NULL,
	"description" text NOT NULL,
	"service" "lab_service" NOT NULL,
	"unit" "price_unit" NOT NULL,
	"quantity" numeric(10, 2) NOT NULL,
	"list_unit_price" numeric(14, 2) NOT NULL,
	"discount_percent" numeric(5, 2) NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"line_net" numeric(14, 2) NOT NULL,
	"price_source" "price_source" NOT NULL,
	"agreement_id" uuid,
	"delivery_working_days" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"company_id" uuid NOT NULL,
	"status" "quote_status" DEFAULT 'issued' NOT NULL,
	"quote_date" date NOT NULL,
	"valid_until" date NOT NULL,
	"expected_receipt_on" date NOT NULL,
	"delivery_working_days" integer NOT NULL,
	"delivery_date" date NOT NULL,
	"price_list_version_id" uuid NOT NULL,
	"vat_rate" numeric(5, 2) NOT NULL,
	"net_total" numeric(14, 2) NOT NULL,
	"vat_total" numeric(14, 2) NOT NULL,
	"gross_total" numeric(14, 2) NOT NULL,
	"customer_reference" text,
	"notes" text,
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"ad_hoc_agreement_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "country" text DEFAULT 'FI' NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "business_id" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "street_address" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "invoice_email" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "e_invoice_address" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "e_invoice_operator" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "invoice_reference" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "preferred_language" "document_language" DEFAULT 'fi' NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "company_contacts" ADD CONSTRAINT "company_contacts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_nda_id_ndas_id_fk" FOREIGN KEY ("nda_id") REFERENCES "public"."ndas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ndas" ADD CONSTRAINT "ndas_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_cost_bases" ADD CONSTRAINT "price_cost_bases_version_id_price_list_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."price_list_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_items" ADD CONSTRAINT "price_list_items_version_id_price_list_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."price_list_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_price_list_version_id_price_list_versions_id_fk" FOREIGN KEY ("price_list_version_id") REFERENCES "public"."price_list_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_contacts_company_idx" ON "company_contacts" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_series_version_uq" ON "agreements" USING btree ("series_id","version");--> statement-breakpoint
CREATE INDEX "agreements_company_idx" ON "agreements" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "ndas_company_idx" ON "ndas" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "price_cost_bases_uq" ON "price_cost_bases" USING btree ("version_id","service");--> statement-breakpoint
CREATE UNIQUE INDEX "price_list_items_code_uq" ON "price_list_items" USING btree ("version_id","code");--> statement-breakpoint
CREATE INDEX "price_list_items_version_idx" ON "price_list_items" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "price_list_versions_number_uq" ON "price_list_versions" USING btree ("version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "price_list_versions_effective_uq" ON "price_list_versions" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "quote_lines_uq" ON "quote_lines" USING btree ("quote_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_uq" ON "quotes" USING btree ("number");--> statement-breakpoint
CREATE INDEX "quotes_company_idx" ON "quotes" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_business_id_uq" ON "companies" USING btree ("country","business_id") WHERE "companies"."business_id" IS NOT NULL;