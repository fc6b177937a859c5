-- A parcel edit records the boundary it replaced and the one it drew: redrawing a parcel overwrote the
-- claim's only copy of the old shape, and a tablet had to fetch its whole area again to see the new one.
-- Edits made before this migration keep their area in the reason and no shapes (the trail is append-only).
-- IF NOT EXISTS: this migration first shipped dated before 0011, so drizzle skipped it on databases
-- migrated to 0011, and it now runs again on those that took it when new.
ALTER TABLE "claim_transitions" ADD COLUMN IF NOT EXISTS "parcel_before" geometry(MultiPolygon, 4326);--> statement-breakpoint
ALTER TABLE "claim_transitions" ADD COLUMN IF NOT EXISTS "parcel_after" geometry(MultiPolygon, 4326);