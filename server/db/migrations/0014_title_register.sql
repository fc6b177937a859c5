CREATE TABLE "title_register" (
	"district_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "title_register_district_id_year_pk" PRIMARY KEY("district_id","year")
);
--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "title_no" text;--> statement-breakpoint
ALTER TABLE "title_register" ADD CONSTRAINT "title_register_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_title_no_unique" UNIQUE("title_no");--> statement-breakpoint
-- Only a granted claim has a title. (A titled claim may still lack its number for a moment: the seed
-- loads claims first and numbers them all at the end, in the order they were granted.)
ALTER TABLE "claims" ADD CONSTRAINT "claims_title_no_check" CHECK ("title_no" IS NULL OR "status" = 'title_granted');--> statement-breakpoint
-- A title's number: the claim number's state and district (its first two parts, configs/states.ts
-- claimNumberOf), T, the year, and the serial, five digits at least.
CREATE FUNCTION title_number(claim_no text, year integer, serial integer) RETURNS text AS $$
  SELECT split_part(claim_no, '-', 1) || '-' || split_part(claim_no, '-', 2) || '-T-' || year || '-'
         || lpad(serial::text, greatest(5, length(serial::text)), '0')
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- The register's year is India's calendar year: a title granted at 02:00 IST on 1 January is of the new year.
CREATE FUNCTION title_year(at timestamptz) RETURNS integer AS $$
  SELECT extract(year FROM at AT TIME ZONE 'Asia/Kolkata')::integer
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- The next number in a district's register, for a grant made now. The register's row lock serializes two
-- grants in one district until the first commits, so no number is issued twice or skipped.
CREATE FUNCTION issue_title_no(d integer, claim_no text) RETURNS text AS $$
DECLARE
  y integer := title_year(now());
  n integer;
BEGIN
  INSERT INTO title_register AS r (district_id, year, last) VALUES (d, y, 1)
  ON CONFLICT (district_id, year) DO UPDATE SET last = r.last + 1
  RETURNING last INTO n;
  RETURN title_number(claim_no, y, n);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Numbers every granted claim that has none, per district and year in the order they were granted
-- (a title's claim changes no more once granted, so status_changed_at is the grant's time), after what
-- the register has issued already. Returns how many it numbered.
CREATE FUNCTION number_untitled_grants() RETURNS integer AS $$
DECLARE
  numbered integer;
BEGIN
  WITH pending AS (
    SELECT c.id, c.district_id, c.claim_no, title_year(c.status_changed_at) AS year,
           row_number() OVER (PARTITION BY c.district_id, title_year(c.status_changed_at) ORDER BY c.status_changed_at, c.claim_no)::integer AS k
    FROM claims c WHERE c.status = 'title_granted' AND c.title_no IS NULL
  ), counts AS (
    SELECT district_id, year, count(*)::integer AS n FROM pending GROUP BY 1, 2
  ), bumped AS (
    INSERT INTO title_register AS r (district_id, year, last) SELECT district_id, year, n FROM counts
    ON CONFLICT (district_id, year) DO UPDATE SET last = r.last + EXCLUDED.last
    RETURNING district_id, year, last
  )
  UPDATE claims c SET title_no = title_number(p.claim_no, p.year, b.last - k.n + p.k)
  FROM pending p JOIN counts k USING (district_id, year) JOIN bumped b USING (district_id, year)
  WHERE c.id = p.id;
  GET DIAGNOSTICS numbered = ROW_COUNT;
  RETURN numbered;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT number_untitled_grants();
