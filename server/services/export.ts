// Export of the filtered claims as GeoJSON or CSV, streamed in pages so a district's tens of thousands
// of claims never sit in memory at once. Only what a report needs: no family members or relatives.
import { sql, type SQL } from "drizzle-orm";
import type { ClaimFilter } from "@/configs/contracts/claims";
import { APPEAL_DAYS } from "@/configs/workflow";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { filterConditions, whereAll } from "./claim-filter";
import { scopeCondition } from "./scope";

export const EXPORT_COLUMNS = [
  "claim_no", "type", "status", "claimant_name", "category", "village", "census_code", "tehsil", "district",
  "area_claimed_ha", "area_parcel_ha", "area_titled_ha", "title_no", "filed_on", "status_changed_at",
  // A rejection's notice: the day the claimant received it, and the last day to appeal.
  "notice_received_on", "appeal_by",
  // What bounds the land on each side, as the field verification named it.
  "landmark_north", "landmark_east", "landmark_south", "landmark_west",
  // The Gram Sabha's latest resolution on the claim: its number and the day it was passed.
  "gs_resolution_no", "gs_resolution_on",
  // Form C's bordering villages, as written on it ("; " between them).
  "bordering_villages", "lon", "lat",
] as const;
type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null> & { id: string; geometry: string | null };

const PAGE = 2_000;

/** Claims' rows in pages by id, so that a district's tens of thousands never sit in memory at once.
 *  `page` selects the rows with an id after the one given, in id order, LIMIT `PAGE`. */
export async function* claimsInPages<T extends { id: string }>(db: Db, page: (after: string, limit: number) => SQL): AsyncGenerator<T> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const found = await rows<T>(db, page(after, PAGE));
    for (const r of found) yield r;
    if (found.length < PAGE) return;
    after = found[found.length - 1]!.id;
  }
}

function exportRows(db: Db, user: SessionUser, filter: ClaimFilter): AsyncGenerator<ExportRow> {
  const where = whereAll([scopeCondition(user), ...filterConditions(filter)]);
  return claimsInPages<ExportRow>(
    db,
    (after, limit) => sql`SELECT c.id, c.claim_no, c.type, c.status, c.claimant_name, c.category, v.name AS village, v.census_code, t.name AS tehsil,
                 d.name AS district, c.area_claimed_ha, round(c.area_parcel_ha::numeric, 4)::float8 AS area_parcel_ha,
                 round(c.area_titled_ha::numeric, 2)::float8 AS area_titled_ha, c.title_no,
                 to_char(c.filed_on, 'YYYY-MM-DD') AS filed_on, c.notice_received_on::text AS notice_received_on,
                 (c.notice_received_on + ${APPEAL_DAYS}::int)::text AS appeal_by,
                 c.boundary_landmarks->>'north' AS landmark_north, c.boundary_landmarks->>'east' AS landmark_east,
                 c.boundary_landmarks->>'south' AS landmark_south, c.boundary_landmarks->>'west' AS landmark_west,
                 c.gs_resolution->>'number' AS gs_resolution_no, c.gs_resolution->>'passedOn' AS gs_resolution_on,
                 nullif((SELECT string_agg(b, '; ') FROM jsonb_array_elements_text(c.bordering_villages) b), '') AS bordering_villages, to_char(c.status_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS status_changed_at,
                 round(ST_X(c.centroid)::numeric, 6)::float8 AS lon, round(ST_Y(c.centroid)::numeric, 6)::float8 AS lat, ST_AsGeoJSON(c.geom, 6) AS geometry
          FROM claims c JOIN villages v ON v.id = c.village_id JOIN tehsils t ON t.id = c.tehsil_id JOIN districts d ON d.id = c.district_id
          WHERE ${where} AND c.id > ${after}::uuid ORDER BY c.id LIMIT ${limit}`,
  );
}

// A cell that starts with = + - @ would run as a formula in a spreadsheet: quote it as text.
function csvCell(v: string | number | null): string {
  if (v === null) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Records as CSV text, a header first, in chunks of about 64 kB. */
export async function* csvChunks<C extends string>(columns: readonly C[], records: AsyncIterable<Record<C, string | number | null>>): AsyncGenerator<string> {
  yield `${columns.join(",")}\n`;
  let chunk = "";
  for await (const r of records) {
    chunk += `${columns.map((c) => csvCell(r[c])).join(",")}\n`;
    if (chunk.length > 64_000) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

export function exportCsv(db: Db, user: SessionUser, filter: ClaimFilter): AsyncGenerator<string> {
  return csvChunks(EXPORT_COLUMNS, exportRows(db, user, filter));
}

export async function* exportGeoJson(db: Db, user: SessionUser, filter: ClaimFilter): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  let chunk = "";
  for await (const r of exportRows(db, user, filter)) {
    const properties = Object.fromEntries(EXPORT_COLUMNS.filter((c) => c !== "lon" && c !== "lat").map((c) => [c, r[c]]));
    chunk += `${first ? "" : ","}{"type":"Feature","id":${JSON.stringify(r.id)},"geometry":${r.geometry ?? "null"},"properties":${JSON.stringify(properties)}}`;
    first = false;
    if (chunk.length > 64_000) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}]}`;
}
