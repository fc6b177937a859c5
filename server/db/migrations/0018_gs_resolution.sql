ALTER TABLE "claim_transitions" ADD COLUMN "gs_resolution" jsonb;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "gs_resolution" jsonb;--> statement-breakpoint
-- A resolution is recorded by the Gram Sabha's step, and on its audit entry only.
ALTER TABLE "claim_transitions" ADD CONSTRAINT "claim_transitions_gs_resolution_check" CHECK ("gs_resolution" IS NULL OR "action" = 'record_gs_resolution');--> statement-breakpoint
-- From now on that step always states it. NOT VALID: entries recorded before this migration, when the
-- resolution was told in the reason alone, stay as they were (the audit trail is append-only).
ALTER TABLE "claim_transitions" ADD CONSTRAINT "claim_transitions_gs_resolution_stated" CHECK ("action" <> 'record_gs_resolution' OR "gs_resolution" IS NOT NULL) NOT VALID;
