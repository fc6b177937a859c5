// Form C's bordering villages on the demo's community forest resource claims, written once their
// boundaries are in: the villages each boundary reaches, as a Gram Sabha would list them, but with one
// left out on one claim in eight and one farther village added on another one in eight, so that the claim
// panel's comparison has disagreements to show. Chosen by the claim number's hash: the same every seed.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { ALONG_BOUNDARY, BORDER_DEGREES } from "@/server/services/villages-along-boundary";

export async function seedBorderingVillages(db: Db): Promise<void> {
  await db.execute(sql`
    WITH along AS (
      SELECT c.id, c.claim_no, v.name,
             row_number() OVER (PARTITION BY c.id ORDER BY v.name) AS k, count(*) OVER (PARTITION BY c.id) AS of
      FROM claims c JOIN villages v ON ${ALONG_BOUNDARY} WHERE c.type = 'CFR'
    ), farther AS (
      SELECT c.id, (SELECT v.name FROM villages v
                    WHERE v.tehsil_id = c.tehsil_id AND v.id <> c.village_id AND NOT ST_DWithin(v.geom, c.geom, ${BORDER_DEGREES})
                    ORDER BY v.label_point <-> c.centroid LIMIT 1) AS name
      FROM claims c WHERE c.type = 'CFR' AND c.geom IS NOT NULL AND abs(hashtext(c.claim_no)) % 8 = 1
    ), named AS (
      SELECT id, name FROM along WHERE NOT (abs(hashtext(claim_no)) % 8 = 0 AND k = 1 AND of > 1)
      UNION SELECT id, name FROM farther WHERE name IS NOT NULL
    )
    UPDATE claims c SET bordering_villages = l.names
    FROM (SELECT id, jsonb_agg(name ORDER BY name) AS names FROM named GROUP BY id) l WHERE c.id = l.id`);
}
