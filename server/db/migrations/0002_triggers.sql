-- The audit trail is append-only: history is evidence in an appeal and must not be rewritten.
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'claim_transitions is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER claim_transitions_append_only
  BEFORE UPDATE OR DELETE ON claim_transitions
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
--> statement-breakpoint
-- village_stats follows claims row by row, so low-zoom tiles and dashboards read counts, not claims.
CREATE OR REPLACE FUNCTION bump_village_stats(v integer, d integer, t integer, ty text, st text, dn integer, da real)
RETURNS void AS $$
BEGIN
  INSERT INTO village_stats AS s (village_id, district_id, tehsil_id, type, status, n, area_claimed_ha)
  VALUES (v, d, t, ty, st, dn, da)
  ON CONFLICT (village_id, type, status)
  DO UPDATE SET n = s.n + EXCLUDED.n, area_claimed_ha = s.area_claimed_ha + EXCLUDED.area_claimed_ha;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION claims_village_stats() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM bump_village_stats(OLD.village_id, OLD.district_id, OLD.tehsil_id, OLD.type, OLD.status, -1, -OLD.area_claimed_ha);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM bump_village_stats(NEW.village_id, NEW.district_id, NEW.tehsil_id, NEW.type, NEW.status, 1, NEW.area_claimed_ha);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER claims_village_stats
  AFTER INSERT OR DELETE OR UPDATE OF status, type, village_id, area_claimed_ha ON claims
  FOR EACH ROW EXECUTE FUNCTION claims_village_stats();
--> statement-breakpoint
-- Bulk seeding turns the row trigger off and rebuilds the table in one statement.
CREATE OR REPLACE FUNCTION rebuild_village_stats() RETURNS void AS $$
BEGIN
  DELETE FROM village_stats;
  INSERT INTO village_stats (village_id, district_id, tehsil_id, type, status, n, area_claimed_ha)
  SELECT village_id, district_id, tehsil_id, type, status, count(*), sum(area_claimed_ha)
  FROM claims GROUP BY village_id, district_id, tehsil_id, type, status;
END;
$$ LANGUAGE plpgsql;
