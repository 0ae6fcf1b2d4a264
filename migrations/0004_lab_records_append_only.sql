-- Raw laboratory records are never overwritten or deleted (ISO/IEC 17025 7.5.2, 7.11):
-- corrections are new rows that reference the corrected one.
CREATE OR REPLACE FUNCTION lab_records_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER calibrations_append_only BEFORE UPDATE OR DELETE ON calibrations
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER calibration_values_append_only BEFORE UPDATE OR DELETE ON calibration_values
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER calibration_withdrawals_append_only BEFORE UPDATE OR DELETE ON calibration_withdrawals
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER intermediate_checks_append_only BEFORE UPDATE OR DELETE ON intermediate_checks
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER equipment_status_events_append_only BEFORE UPDATE OR DELETE ON equipment_status_events
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER competence_evidence_append_only BEFORE UPDATE OR DELETE ON competence_evidence
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
-- A released method version is immutable; drafts may be edited. No version is ever deleted.
CREATE OR REPLACE FUNCTION method_versions_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'released' THEN
    RAISE EXCEPTION 'method version % is released and immutable: % is not allowed', OLD.id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER method_versions_immutable BEFORE UPDATE OR DELETE ON method_versions
  FOR EACH ROW EXECUTE FUNCTION method_versions_guard();
