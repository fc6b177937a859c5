// The district dashboard: counts by status and type, area claimed against area titled, and how long
// pending claims have waited. Counts come from tehsil_stats, so a state-wide view stays quick.
import { sql } from "drizzle-orm";
import { titlesByScheme, type HouseholdFacts } from "@/configs/schemes";
import { APPEAL_DAYS, CLOSING_SOON_DAYS, PENDING_STATUSES, REJECTED_STATUSES, type ClaimStatus, type ClaimType } from "@/configs/workflow";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { outcomeCountColumns, statusLiterals } from "./outcome-counts";
import { scopeCondition } from "./scope";
import { HOUSEHOLD_FACTS_JSON } from "./households";
import { VILLAGE_ALL_TAPS, villageFactsCoverage } from "./village-facts";

export const AGE_BUCKETS = [
  { label: "< 3 months", maxDays: 90 },
  { label: "3-6 months", maxDays: 182 },
  { label: "6-12 months", maxDays: 365 },
  { label: "1-2 years", maxDays: 730 },
  { label: "> 2 years", maxDays: null },
] as const;

export async function districtDashboard(db: Db, user: SessionUser, districtId?: number) {
  const district = districtId ? sql`AND s.district_id = ${districtId}` : sql``;
  const claimDistrict = districtId ? sql`AND c.district_id = ${districtId}` : sql``;
  const byStatusType = await rows<{ type: ClaimType; status: ClaimStatus; n: number; area: number; areaTitled: number }>(
    db,
    sql`SELECT s.type, s.status, sum(s.n)::int AS n, sum(s.area_claimed_ha)::float8 AS area, sum(s.area_titled_ha)::float8 AS "areaTitled"
        FROM tehsil_stats s WHERE ${scopeCondition(user, "s")} ${district} AND s.n > 0 GROUP BY s.type, s.status`,
  );
  const byTehsil = await rows<{ tehsil_id: number; district_id: number; w: number; s: number; e: number; n: number; tehsil: string; granted: number; rejected: number; pending: number; area_titled: number }>(
    db,
    sql`SELECT t.id AS tehsil_id, t.district_id, ST_XMin(t.geom) AS w, ST_YMin(t.geom) AS s, ST_XMax(t.geom) AS e, ST_YMax(t.geom) AS n,
               t.name AS tehsil, sum(s.area_titled_ha)::float8 AS area_titled, ${outcomeCountColumns(sql`s.n`, sql`s.status`)}
        FROM tehsil_stats s JOIN tehsils t ON t.id = s.tehsil_id
        WHERE ${scopeCondition(user, "s")} ${district} GROUP BY t.id, t.name ORDER BY t.name`,
  );
  const ages = await rows<{ status: ClaimStatus; bucket: number; n: number }>(
    db,
    sql`SELECT c.status, width_bucket(extract(epoch FROM now() - c.status_changed_at) / 86400, ARRAY[90, 182, 365, 730]::float8[]) AS bucket,
               count(*)::int AS n
        FROM claims c WHERE ${scopeCondition(user)} ${claimDistrict} AND c.status IN (${statusLiterals(PENDING_STATUSES)})
        GROUP BY 1, 2`,
  );
  // Rejections read from the notice index: only those undelivered or with a window still open, never the many closed.
  const [notices] = await rows<{ undelivered: number; open: number; closing: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE c.notice_received_on IS NULL)::int AS undelivered,
               count(*) FILTER (WHERE c.notice_received_on IS NOT NULL)::int AS open,
               count(*) FILTER (WHERE c.notice_received_on + ${APPEAL_DAYS}::int < india_today() + ${CLOSING_SOON_DAYS}::int)::int AS closing
        FROM claims c
        WHERE c.status IN (${statusLiterals(REJECTED_STATUSES)}) AND ${scopeCondition(user)} ${claimDistrict}
          AND (c.notice_received_on IS NULL OR c.notice_received_on >= india_today() - ${APPEAL_DAYS}::int)`,
  );
  // Titles by what their schemes turn on: the type and the village's facts, from the village counts.
  const titleGroups = await rows<{ type: ClaimType; all_taps: boolean | null; dajgua: boolean | null; n: number }>(
    db,
    sql`SELECT s.type, ${VILLAGE_ALL_TAPS} AS all_taps, f.dajgua, sum(s.n)::int AS n
        FROM village_stats s LEFT JOIN village_facts f ON f.village_id = s.village_id
        WHERE s.status = 'title_granted' AND s.n > 0 AND ${scopeCondition(user, "s")} ${district} GROUP BY 1, 2, 3`,
  );
  // Titles whose household the office has checked are counted by those facts instead: taken out of their
  // village's group and counted again with them (a few, each checked by hand; the claims are read for these only).
  const checkedHouseholds = await rows<{ type: ClaimType; all_taps: boolean | null; dajgua: boolean | null; household: HouseholdFacts; n: number }>(
    db,
    sql`SELECT c.type, ${VILLAGE_ALL_TAPS} AS all_taps, f.dajgua, ${HOUSEHOLD_FACTS_JSON} AS household, count(*)::int AS n
        FROM title_households h JOIN claims c ON c.id = h.claim_id LEFT JOIN village_facts f ON f.village_id = c.village_id
        WHERE c.status = 'title_granted' AND ${scopeCondition(user)} ${claimDistrict}
        GROUP BY 1, 2, 3, h.pm_kisan_exclusion, h.house, h.on_awaas_plus, h.has_tap`,
  );
  const villageKey = (g: { type: ClaimType; all_taps: boolean | null; dajgua: boolean | null }) => ({ type: g.type, villageAllTaps: g.all_taps, dajgua: g.dajgua });
  const schemeGroups = [
    ...titleGroups.map((g) => ({ key: villageKey(g), n: Number(g.n) })),
    ...checkedHouseholds.flatMap((g) => [{ key: villageKey(g), n: -Number(g.n) }, { key: { ...villageKey(g), household: g.household }, n: Number(g.n) }]),
  ];
  const total = byStatusType.reduce((a, r) => a + r.n, 0);
  const areaClaimed = byStatusType.reduce((a, r) => a + r.area, 0);
  // The extent recognised on the titles, which is often less than their claims asked for.
  const areaGranted = byStatusType.reduce((a, r) => a + Number(r.areaTitled), 0);
  return {
    total,
    areaClaimedHa: areaClaimed,
    areaGrantedHa: areaGranted,
    byStatusType: byStatusType.map((r) => ({ ...r, n: Number(r.n), area: Number(r.area), areaTitled: Number(r.areaTitled) })),
    byTehsil: byTehsil.map((r) => ({
      tehsilId: Number(r.tehsil_id), districtId: Number(r.district_id), bbox: [r.w, r.s, r.e, r.n].map(Number) as [number, number, number, number],
      tehsil: r.tehsil, granted: r.granted ?? 0, rejected: r.rejected ?? 0, pending: r.pending ?? 0,
      areaTitledHa: Number(r.area_titled ?? 0),
    })),
    titlesByScheme: titlesByScheme(schemeGroups),
    villageFacts: await villageFactsCoverage(db, user, districtId),
    // The rest of the rejected claims (tehsil counts) have had their window close.
    notices: { undelivered: Number(notices?.undelivered ?? 0), appealOpen: Number(notices?.open ?? 0), closingSoon: Number(notices?.closing ?? 0) },
    pendingAge: AGE_BUCKETS.map((b, i) => ({
      label: b.label,
      byStatus: Object.fromEntries(ages.filter((a) => Number(a.bucket) === i).map((a) => [a.status, Number(a.n)])) as Partial<Record<ClaimStatus, number>>,
    })),
  };
}
