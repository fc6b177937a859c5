CREATE TABLE "data_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"claims" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_version" ("id", "claims") VALUES (1, 0);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger AS $$
BEGIN
  UPDATE data_version SET claims = claims + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER claims_data_version
  AFTER INSERT OR UPDATE OR DELETE ON claims
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
