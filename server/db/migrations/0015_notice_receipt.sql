ALTER TABLE "claim_transitions" ADD COLUMN "notice_received_on" date;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "notice_received_on" date;--> statement-breakpoint
CREATE INDEX "claims_notice_idx" ON "claims" USING btree ("notice_received_on") WHERE "claims"."status" IN ('sdlc_rejected', 'dlc_rejected');--> statement-breakpoint
-- A notice is received only for a rejection; the claim's column holds the receipt of its current one.
ALTER TABLE "claims" ADD CONSTRAINT "claims_notice_received_on_check" CHECK ("notice_received_on" IS NULL OR "status" IN ('sdlc_rejected', 'dlc_rejected'));--> statement-breakpoint
ALTER TABLE "claim_transitions" ADD CONSTRAINT "claim_transitions_notice_received_on_check" CHECK (("action" = 'record_notice_receipt') = ("notice_received_on" IS NOT NULL));--> statement-breakpoint
-- Today in India: the day an appeal window is counted on, wherever the database's clock is set.
CREATE FUNCTION india_today() RETURNS date AS $$
  SELECT (now() AT TIME ZONE 'Asia/Kolkata')::date
$$ LANGUAGE sql STABLE;
