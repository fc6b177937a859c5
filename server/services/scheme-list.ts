// A scheme's list of title holders, for its line department: every granted title in the user's scope (one
// district, if given) that the scheme takes or that is to be checked for it, with the verdict and why, by
// the same rules as the claim panel (configs/schemes.ts). Only what the department needs to find the holder
// and the land: no family, no relatives, no evidence, no tribe, and of the household's facts only what the
// verdict's words say.
import { sql } from "drizzle-orm";
import { schemeAdvice, type HouseholdFacts, type Scheme, type SchemeVerdict, type VillageFacts } from "@/configs/schemes";
import type { ClaimType } from "@/configs/workflow";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db/client";
import { claimsInPages, csvChunks } from "./export";
import { HOUSEHOLD_FACTS_JSON } from "./households";
import { scopeCondition } from "./scope";
import { VILLAGE_FACTS_JSON } from "./village-facts";

export const SCHEME_LIST_COLUMNS = [
  "claim_no", "title_no", "verdict", "why", "claimant_name", "type", "village", "census_code", "gram_panchayat", "tehsil", "district",
  "area_titled_ha", "granted_on",
] as const;
type SchemeListRow = Record<(typeof SCHEME_LIST_COLUMNS)[number], string | number | null>;

/** The verdicts a list for the department holds: those it can act on. */
const LISTED: readonly SchemeVerdict[] = ["eligible", "check"];

type TitleRow = Omit<SchemeListRow, "verdict" | "why"> & {
  id: string; type: ClaimType; area_titled_ha: number | null; facts: VillageFacts | null; household: HouseholdFacts | null;
};

async function* listedTitles(db: Db, user: SessionUser, scheme: Scheme, districtId: number | undefined): AsyncGenerator<SchemeListRow> {
  const titles = claimsInPages<TitleRow>(
    db,
    (after, limit) => sql`
      SELECT c.id, c.claim_no, c.title_no, c.claimant_name, c.type, v.name AS village, v.census_code, v.gram_panchayat, t.name AS tehsil,
             d.name AS district, round(c.area_titled_ha::numeric, 2)::float8 AS area_titled_ha,
             to_char(c.status_changed_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS granted_on,
             CASE WHEN f.village_id IS NULL THEN NULL ELSE ${VILLAGE_FACTS_JSON} END AS facts,
             CASE WHEN h.claim_id IS NULL THEN NULL ELSE ${HOUSEHOLD_FACTS_JSON} END AS household
      FROM claims c JOIN villages v ON v.id = c.village_id JOIN tehsils t ON t.id = c.tehsil_id JOIN districts d ON d.id = c.district_id
           LEFT JOIN village_facts f ON f.village_id = c.village_id LEFT JOIN title_households h ON h.claim_id = c.id
      WHERE c.status = 'title_granted' AND ${scopeCondition(user)} ${districtId ? sql`AND c.district_id = ${districtId}` : sql``}
        AND c.id > ${after}::uuid ORDER BY c.id LIMIT ${limit}`,
  );
  for await (const { id: _id, facts, household, ...title } of titles) {
    const advice = schemeAdvice({ type: title.type, status: "title_granted", areaTitledHa: title.area_titled_ha, villageName: String(title.village), villageFacts: facts, household }, scheme);
    if (LISTED.includes(advice.verdict)) yield { ...title, verdict: advice.verdict, why: advice.why };
  }
}

export function schemeListCsv(db: Db, user: SessionUser, scheme: Scheme, districtId?: number): AsyncGenerator<string> {
  return csvChunks(SCHEME_LIST_COLUMNS, listedTitles(db, user, scheme, districtId));
}
