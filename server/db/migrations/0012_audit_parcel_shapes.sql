-- A parcel edit records the boundary it replaced and the one it drew: redrawing a parcel overwrote the
-- claim's only copy of the old shape, and a tablet had to fetch its whole area again to see the new one.
-- Edits made before this migration keep their area in the reason and no shapes (the trail is append-only).
ALTER TABLE "claim_transitions" ADD COLUMN "parcel_before" geometry(MultiPolygon, 4326);--> statement-breakpoint
ALTER TABLE "claim_transitions" ADD COLUMN "parcel_after" geometry(MultiPolygon, 4326);