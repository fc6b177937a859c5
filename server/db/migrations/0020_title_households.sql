CREATE TABLE "title_households" (
	"claim_id" uuid PRIMARY KEY NOT NULL,
	"pm_kisan_exclusion" text,
	"house" text,
	"on_awaas_plus" boolean,
	"has_tap" boolean,
	"version" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "title_households" ADD CONSTRAINT "title_households_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_households" ADD CONSTRAINT "title_households_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_households" ADD CONSTRAINT "title_households_exclusion_check" CHECK ("pm_kisan_exclusion" IN ('none', 'income_tax', 'pension', 'professional', 'constitutional_post'));--> statement-breakpoint
ALTER TABLE "title_households" ADD CONSTRAINT "title_households_house_check" CHECK ("house" IN ('pucca', 'kutcha', 'houseless'));--> statement-breakpoint
ALTER TABLE "title_households" ADD CONSTRAINT "title_households_version_check" CHECK ("version" > 0);
