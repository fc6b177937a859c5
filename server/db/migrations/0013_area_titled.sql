ALTER TABLE "claim_transitions" ADD COLUMN "area_titled_ha" real;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "area_titled_ha" real;--> statement-breakpoint
ALTER TABLE "tehsil_stats" ADD COLUMN "area_titled_ha" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "village_stats" ADD COLUMN "area_titled_ha" real DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Titles granted before this migration recorded no extent; the dashboard then counted their claimed area
-- as titled, so that is what they keep. Their audit entries stay without one (the trail is append-only).
-- An individual title is capped at 4 ha (Section 4(6)) whatever was claimed.
UPDATE "claims" SET "area_titled_ha" = CASE WHEN "type" = 'IFR' THEN least("area_claimed_ha", 4) ELSE "area_claimed_ha" END
WHERE "status" = 'title_granted' AND "area_claimed_ha" > 0;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_area_titled_check"
  CHECK ("area_titled_ha" IS NULL OR ("area_titled_ha" > 0 AND "area_titled_ha" <= "area_claimed_ha" AND ("type" <> 'IFR' OR "area_titled_ha" <= 4)));--> statement-breakpoint
-- The count tables add up the titled extent too, so the dashboard reads it without scanning claims.
DROP TRIGGER claims_village_stats ON claims;--> statement-breakpoint
DROP FUNCTION bump_village_stats(integer, integer, integer, text, text, integer, real);--> statement-breakpoint
CREATE FUNCTION bump_village_stats(v integer, d integer, t integer, ty text, st text, dn integer, da real, dt real)
RETURNS void AS $$
BEGIN
  INSERT INTO village_stats AS s (village_id, district_id, tehsil_id, type, status, n, area_claimed_ha, area_titled_ha)
  VALUES (v, d, t, ty, st, dn, da, dt)
  ON CONFLICT (village_id, type, status)
  DO UPDATE SET n = s.n + EXCLUDED.n, area_claimed_ha = s.area_claimed_ha + EXCLUDED.area_claimed_ha,
                area_titled_ha = s.area_titled_ha + EXCLUDED.area_titled_ha;
  INSERT INTO tehsil_stats AS s (tehsil_id, district_id, type, status, n, area_claimed_ha, area_titled_ha)
  VALUES (t, d, ty, st, dn, da, dt)
  ON CONFLICT (tehsil_id, type, status)
  DO UPDATE SET n = s.n + EXCLUDED.n, area_claimed_ha = s.area_claimed_ha + EXCLUDED.area_claimed_ha,
                area_titled_ha = s.area_titled_ha + EXCLUDED.area_titled_ha;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION claims_village_stats() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM bump_village_stats(OLD.village_id, OLD.district_id, OLD.tehsil_id, OLD.type, OLD.status, -1,
                               -OLD.area_claimed_ha, -coalesce(OLD.area_titled_ha, 0));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM bump_village_stats(NEW.village_id, NEW.district_id, NEW.tehsil_id, NEW.type, NEW.status, 1,
                               NEW.area_claimed_ha, coalesce(NEW.area_titled_ha, 0));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER claims_village_stats
  AFTER INSERT OR DELETE OR UPDATE OF status, type, village_id, area_claimed_ha, area_titled_ha ON claims
  FOR EACH ROW EXECUTE FUNCTION claims_village_stats();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_village_stats() RETURNS void AS $$
BEGIN
  DELETE FROM village_stats;
  INSERT INTO village_stats (village_id, district_id, tehsil_id, type, status, n, area_claimed_ha, area_titled_ha)
  SELECT village_id, district_id, tehsil_id, type, status, count(*), sum(area_claimed_ha), coalesce(sum(area_titled_ha), 0)
  FROM claims GROUP BY village_id, district_id, tehsil_id, type, status;
  DELETE FROM tehsil_stats;
  INSERT INTO tehsil_stats (tehsil_id, district_id, type, status, n, area_claimed_ha, area_titled_ha)
  SELECT tehsil_id, district_id, type, status, sum(n), sum(area_claimed_ha), sum(area_titled_ha)
  FROM village_stats GROUP BY tehsil_id, district_id, type, status;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT rebuild_village_stats();
