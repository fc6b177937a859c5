CREATE TABLE "model_releases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"gates" jsonb NOT NULL,
	"actor_id" uuid,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"files" jsonb NOT NULL,
	"metrics" jsonb NOT NULL,
	"card" jsonb NOT NULL,
	"card_markdown" text NOT NULL,
	"parent_run" text,
	"dataset_version" text,
	"store_dir" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "model_releases" ADD CONSTRAINT "model_releases_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_releases_channel_idx" ON "model_releases" USING btree ("name","channel","id");--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_name_version_idx" ON "model_versions" USING btree ("name","version");--> statement-breakpoint
-- Releases are the registry's history (who published what, when, why, with which gate results).
CREATE OR REPLACE FUNCTION refuse_history_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER model_releases_append_only
  BEFORE UPDATE OR DELETE ON model_releases
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
