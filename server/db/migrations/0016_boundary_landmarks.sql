ALTER TABLE "claim_transitions" ADD COLUMN "boundary_landmarks" jsonb;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "boundary_landmarks" jsonb;--> statement-breakpoint
-- Landmarks are named by a field verification, and recorded on its audit entry only.
ALTER TABLE "claim_transitions" ADD CONSTRAINT "claim_transitions_boundary_landmarks_check" CHECK ("boundary_landmarks" IS NULL OR "action" = 'verify_in_field');
