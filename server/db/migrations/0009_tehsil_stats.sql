CREATE TABLE "tehsil_stats" (
	"tehsil_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	"area_claimed_ha" real NOT NULL,
	CONSTRAINT "tehsil_stats_tehsil_id_type_status_pk" PRIMARY KEY("tehsil_id","type","status")
);
--> statement-breakpoint
ALTER TABLE "tehsil_stats" ADD CONSTRAINT "tehsil_stats_tehsil_id_tehsils_id_fk" FOREIGN KEY ("tehsil_id") REFERENCES "public"."tehsils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The claims trigger keeps both count tables in step, in the same transaction as the claim.
CREATE OR REPLACE FUNCTION bump_village_stats(v integer, d integer, t integer, ty text, st text, dn integer, da real)
RETURNS void AS $$
BEGIN
  INSERT INTO village_stats AS s (village_id, district_id, tehsil_id, type, status, n, area_claimed_ha)
  VALUES (v, d, t, ty, st, dn, da)
  ON CONFLICT (village_id, type, status)
  DO UPDATE SET n = s.n + EXCLUDED.n, area_claimed_ha = s.area_claimed_ha + EXCLUDED.area_claimed_ha;
  INSERT INTO tehsil_stats AS s (tehsil_id, district_id, type, status, n, area_claimed_ha)
  VALUES (t, d, ty, st, dn, da)
  ON CONFLICT (tehsil_id, type, status)
  DO UPDATE SET n = s.n + EXCLUDED.n, area_claimed_ha = s.area_claimed_ha + EXCLUDED.area_claimed_ha;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_village_stats() RETURNS void AS $$
BEGIN
  DELETE FROM village_stats;
  INSERT INTO village_stats (village_id, district_id, tehsil_id, type, status, n, area_claimed_ha)
  SELECT village_id, district_id, tehsil_id, type, status, count(*), sum(area_claimed_ha)
  FROM claims GROUP BY village_id, district_id, tehsil_id, type, status;
  DELETE FROM tehsil_stats;
  INSERT INTO tehsil_stats (tehsil_id, district_id, type, status, n, area_claimed_ha)
  SELECT tehsil_id, district_id, type, status, sum(n), sum(area_claimed_ha)
  FROM village_stats GROUP BY tehsil_id, district_id, type, status;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
INSERT INTO tehsil_stats (tehsil_id, district_id, type, status, n, area_claimed_ha)
SELECT tehsil_id, district_id, type, status, sum(n), sum(area_claimed_ha)
FROM village_stats GROUP BY tehsil_id, district_id, type, status;
