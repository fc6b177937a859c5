CREATE TABLE "claim_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"page" integer DEFAULT 1 NOT NULL,
	"mime" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"reason" text NOT NULL,
	"claim_version" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_no" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"claimant_name" text NOT NULL,
	"claimant_name_local" text DEFAULT '' NOT NULL,
	"spouse_name" text,
	"relative_name" text,
	"community" text,
	"category" text NOT NULL,
	"tribe" text,
	"family_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rights_claimed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"survey_numbers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"village_id" integer NOT NULL,
	"tehsil_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"area_claimed_ha" real NOT NULL,
	"area_parcel_ha" real,
	"filed_on" date NOT NULL,
	"geom" geometry(MultiPolygon, 4326),
	"centroid" geometry(Point, 4326),
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "claims_claim_no_unique" UNIQUE("claim_no")
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"id" serial PRIMARY KEY NOT NULL,
	"state_id" integer NOT NULL,
	"code" text NOT NULL,
	"abbr" text NOT NULL,
	"name" text NOT NULL,
	"name_local" text NOT NULL,
	"geom" geometry(MultiPolygon, 4326) NOT NULL,
	CONSTRAINT "districts_code_unique" UNIQUE("code"),
	CONSTRAINT "districts_abbr_unique" UNIQUE("abbr")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "states" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_local" text NOT NULL,
	"geom" geometry(MultiPolygon, 4326) NOT NULL,
	CONSTRAINT "states_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "tehsils" (
	"id" serial PRIMARY KEY NOT NULL,
	"district_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_local" text NOT NULL,
	"geom" geometry(MultiPolygon, 4326) NOT NULL,
	CONSTRAINT "tehsils_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "user_districts" (
	"user_id" uuid NOT NULL,
	"district_id" integer NOT NULL,
	CONSTRAINT "user_districts_user_id_district_id_pk" PRIMARY KEY("user_id","district_id")
);
--> statement-breakpoint
CREATE TABLE "user_tehsils" (
	"user_id" uuid NOT NULL,
	"tehsil_id" integer NOT NULL,
	CONSTRAINT "user_tehsils_user_id_tehsil_id_pk" PRIMARY KEY("user_id","tehsil_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "village_stats" (
	"village_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"tehsil_id" integer NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	"area_claimed_ha" real NOT NULL,
	CONSTRAINT "village_stats_village_id_type_status_pk" PRIMARY KEY("village_id","type","status")
);
--> statement-breakpoint
CREATE TABLE "villages" (
	"id" serial PRIMARY KEY NOT NULL,
	"tehsil_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"census_code" text NOT NULL,
	"name" text NOT NULL,
	"name_local" text NOT NULL,
	"gram_panchayat" text NOT NULL,
	"geom" geometry(MultiPolygon, 4326) NOT NULL,
	"label_point" geometry(Point, 4326) NOT NULL,
	CONSTRAINT "villages_census_code_unique" UNIQUE("census_code")
);
--> statement-breakpoint
ALTER TABLE "claim_documents" ADD CONSTRAINT "claim_documents_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_transitions" ADD CONSTRAINT "claim_transitions_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_transitions" ADD CONSTRAINT "claim_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_tehsil_id_tehsils_id_fk" FOREIGN KEY ("tehsil_id") REFERENCES "public"."tehsils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_state_id_states_id_fk" FOREIGN KEY ("state_id") REFERENCES "public"."states"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tehsils" ADD CONSTRAINT "tehsils_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_districts" ADD CONSTRAINT "user_districts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_districts" ADD CONSTRAINT "user_districts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_tehsils" ADD CONSTRAINT "user_tehsils_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_tehsils" ADD CONSTRAINT "user_tehsils_tehsil_id_tehsils_id_fk" FOREIGN KEY ("tehsil_id") REFERENCES "public"."tehsils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_stats" ADD CONSTRAINT "village_stats_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_tehsil_id_tehsils_id_fk" FOREIGN KEY ("tehsil_id") REFERENCES "public"."tehsils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_documents_claim_idx" ON "claim_documents" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "claim_transitions_claim_idx" ON "claim_transitions" USING btree ("claim_id","at");--> statement-breakpoint
CREATE INDEX "claims_geom_idx" ON "claims" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "claims_centroid_idx" ON "claims" USING gist ("centroid");--> statement-breakpoint
CREATE INDEX "claims_district_status_idx" ON "claims" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "claims_village_idx" ON "claims" USING btree ("village_id");--> statement-breakpoint
CREATE INDEX "claims_tehsil_idx" ON "claims" USING btree ("tehsil_id");--> statement-breakpoint
CREATE INDEX "claims_claimant_idx" ON "claims" USING btree (lower("claimant_name"));--> statement-breakpoint
CREATE INDEX "districts_geom_idx" ON "districts" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "tehsils_geom_idx" ON "tehsils" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "tehsils_district_idx" ON "tehsils" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "village_stats_district_idx" ON "village_stats" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "villages_geom_idx" ON "villages" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "villages_label_idx" ON "villages" USING gist ("label_point");--> statement-breakpoint
CREATE INDEX "villages_tehsil_idx" ON "villages" USING btree ("tehsil_id");--> statement-breakpoint
CREATE INDEX "villages_district_idx" ON "villages" USING btree ("district_id");