// Claim filters as SQL conditions: one translation shared by the list, tiles and export. The alias is
// claims `c`, or village_stats `s` (which has the same type, status, district and tehsil columns).
import { sql, type SQL } from "drizzle-orm";
import type { ClaimFilter } from "@/configs/contracts/claims";
import { APPEAL_DAYS, REJECTED_STATUSES, type NoticeState } from "@/configs/workflow";
import { sqlList } from "@/server/db/client";
import { statusLiterals } from "./outcome-counts";

export function filterConditions(f: ClaimFilter, alias: "c" | "s" = "c"): SQL[] {
  const a = sql.raw(alias);
  const where: SQL[] = [];
  if (f.types?.length) where.push(sql`${a}.type IN (${sqlList(f.types)})`);
  if (f.statuses?.length) where.push(sql`${a}.status IN (${sqlList(f.statuses)})`);
  if (f.districtId) where.push(sql`${a}.district_id = ${f.districtId}`);
  if (f.tehsilId) where.push(sql`${a}.tehsil_id = ${f.tehsilId}`);
  if (alias === "s") return where; // the counts table has nothing finer
  if (f.villageId) where.push(sql`c.village_id = ${f.villageId}`);
  if (f.filedFrom) where.push(sql`c.filed_on >= ${f.filedFrom}::date`);
  if (f.filedTo) where.push(sql`c.filed_on <= ${f.filedTo}::date`);
  if (f.areaMinHa !== undefined) where.push(sql`c.area_claimed_ha >= ${f.areaMinHa}`);
  if (f.areaMaxHa !== undefined) where.push(sql`c.area_claimed_ha <= ${f.areaMaxHa}`);
  if (f.q) {
    const escaped = f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    where.push(sql`(lower(c.claimant_name) LIKE ${`%${escaped.toLowerCase()}%`}
      OR c.claimant_name_local LIKE ${`%${escaped}%`} OR c.claim_no ILIKE ${`${escaped}%`} OR c.title_no ILIKE ${`${escaped}%`})`);
  }
  if (f.notice) where.push(sql`c.status IN (${statusLiterals(REJECTED_STATUSES)}) AND ${NOTICE_CONDITIONS[f.notice]}`);
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    where.push(sql`c.centroid && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)`);
  }
  return where;
}

// The window is open through its last day, the 60th after receipt (configs/workflow.ts appealWindow).
const NOTICE_CONDITIONS: Record<NoticeState, SQL> = {
  undelivered: sql`c.notice_received_on IS NULL`,
  appeal_open: sql`c.notice_received_on + ${APPEAL_DAYS}::int >= india_today()`,
  appeal_closed: sql`c.notice_received_on + ${APPEAL_DAYS}::int < india_today()`,
};

/** Whether the filter's claims change with the day, not only with the data (a tile kept must not outlive it). */
export const filterDependsOnDay = (f: ClaimFilter) => f.notice === "appeal_open" || f.notice === "appeal_closed";

/** True when the filter only narrows by type and status, which the per-village counts can answer. */
export function countsAnswer(f: ClaimFilter): boolean {
  const { types: _t, statuses: _s, districtId: _d, tehsilId: _te, ...rest } = f;
  return Object.values(rest).every((v) => v === undefined);
}

export function whereAll(conditions: SQL[]): SQL {
  return conditions.length ? sql.join(conditions, sql` AND `) : sql`TRUE`;
}
