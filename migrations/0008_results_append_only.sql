-- Raw measurement results are never overwritten or deleted (ISO/IEC 17025 7.5.2): a correction is
-- a new result that references the corrected one; a release is a new row. The function comes from 0004.
CREATE TRIGGER results_append_only BEFORE UPDATE OR DELETE ON results
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER result_readings_append_only BEFORE UPDATE OR DELETE ON result_readings
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER result_equipment_append_only BEFORE UPDATE OR DELETE ON result_equipment
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
--> statement-breakpoint
CREATE TRIGGER result_releases_append_only BEFORE UPDATE OR DELETE ON result_releases
  FOR EACH ROW EXECUTE FUNCTION lab_records_reject_change();
