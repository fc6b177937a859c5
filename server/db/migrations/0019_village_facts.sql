CREATE TABLE "village_facts" (
	"village_id" integer PRIMARY KEY NOT NULL,
	"households" integer,
	"households_with_tap" integer,
	"tap_as_of" date,
	"dajgua" boolean,
	"dajgua_as_of" date,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "village_facts" ADD CONSTRAINT "village_facts_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_facts" ADD CONSTRAINT "village_facts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A tap count comes with its households and its day; there are never more taps than households.
ALTER TABLE "village_facts" ADD CONSTRAINT "village_facts_taps_check" CHECK (("households" IS NULL AND "households_with_tap" IS NULL AND "tap_as_of" IS NULL) OR ("households" > 0 AND "households_with_tap" BETWEEN 0 AND "households" AND "tap_as_of" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "village_facts" ADD CONSTRAINT "village_facts_dajgua_check" CHECK (("dajgua" IS NULL) = ("dajgua_as_of" IS NULL));
