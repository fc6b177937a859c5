ALTER TABLE "claims" ADD COLUMN "bordering_villages" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Form C names a community forest resource's bordering villages; no other form has them.
ALTER TABLE "claims" ADD CONSTRAINT "claims_bordering_villages_check" CHECK ("type" = 'CFR' OR "bordering_villages" = '[]'::jsonb);
