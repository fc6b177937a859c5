// The area a field tablet caches for offline work: the villages of the user's blocks (boundaries,
// census codes, Gram Panchayat) and the claims already filed there, with their parcels.
import { sql } from "drizzle-orm";
import type { AreaClaim, AreaVillage, FieldArea } from "@/configs/contracts/field";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { DomainError } from "./errors";
import { REJECTED_ON } from "./rejection-day";
import { requireRole, scopeCondition } from "./scope";

// A district official's whole district is still a tablet-sized area; beyond this the request is refused.
const MAX_VILLAGES = 3_000;

export async function fieldArea(db: Db, user: SessionUser): Promise<FieldArea> {
  requireRole(user, ["field_staff", "district_official"]);
  const villages = await rows<{ id: number; name: string; name_local: string; census_code: string; state_code: string; gram_panchayat: string; tehsil: string; district: string; geometry: string }>(
    db,
    sql`SELECT v.id, v.name, v.name_local, v.census_code, s.code AS state_code, v.gram_panchayat, t.name AS tehsil, d.name AS district, ST_AsGeoJSON(v.geom, 6) AS geometry
        FROM villages v JOIN tehsils t ON t.id = v.tehsil_id JOIN districts d ON d.id = v.district_id JOIN states s ON s.id = d.state_id
        WHERE ${scopeCondition(user, "v")} ORDER BY v.name LIMIT ${MAX_VILLAGES + 1}`,
  );
  if (villages.length > MAX_VILLAGES) throw new DomainError("BAD_REQUEST", `your area has more than ${MAX_VILLAGES} villages: ask for a block (tehsil) assignment to work offline`);
  // Read before the claims: a decision made meanwhile is then pulled again, never skipped.
  const [history] = await rows<{ cursor: number }>(db, sql`SELECT coalesce(max(id), 0)::int AS cursor FROM claim_transitions`);
  const claims = await rows<{ id: string; claim_no: string; type: AreaClaim["type"]; status: AreaClaim["status"]; claimant_name: string; village_id: number; version: number; lon: number | null; lat: number | null; parcel: string | null; notice_received_on: string | null; rejected_on: string | null; filed_on: string }>(
    db,
    sql`SELECT c.id, c.claim_no, c.type, c.status, c.claimant_name, c.village_id, c.version, ST_X(c.centroid) AS lon, ST_Y(c.centroid) AS lat,
               CASE WHEN c.type = 'IFR' THEN ST_AsGeoJSON(c.geom, 6) END AS parcel, c.notice_received_on::text AS notice_received_on,
               ${REJECTED_ON} AS rejected_on, c.filed_on::text AS filed_on
        FROM claims c WHERE ${scopeCondition(user)} ORDER BY c.claim_no`,
  );
  const [extent] = await rows<{ w: number | null; s: number; e: number; n: number }>(
    db,
    sql`SELECT ST_XMin(x) AS w, ST_YMin(x) AS s, ST_XMax(x) AS e, ST_YMax(x) AS n FROM (SELECT ST_Extent(v.geom) AS x FROM villages v WHERE ${scopeCondition(user, "v")}) q`,
  );
  return {
    villages: villages.map<AreaVillage>((v) => ({
      id: v.id, name: v.name, nameLocal: v.name_local, censusCode: v.census_code, stateCode: v.state_code, gramPanchayat: v.gram_panchayat, tehsil: v.tehsil, district: v.district,
      geometry: JSON.parse(v.geometry) as AreaVillage["geometry"],
    })),
    claims: claims.map<AreaClaim>((c) => ({
      id: c.id, claimNo: c.claim_no, type: c.type, status: c.status, claimantName: c.claimant_name, villageId: c.village_id, version: c.version,
      lon: c.lon === null ? null : Number(c.lon), lat: c.lat === null ? null : Number(c.lat),
      parcel: c.parcel ? (JSON.parse(c.parcel) as AreaClaim["parcel"]) : null,
      noticeReceivedOn: c.notice_received_on,
      rejectedOn: c.rejected_on,
      filedOn: c.filed_on,
    })),
    bbox: extent?.w == null ? null : [Number(extent.w), Number(extent.s), Number(extent.e), Number(extent.n)],
    generatedAt: new Date().toISOString(),
    changesCursor: Number(history?.cursor ?? 0),
  };
}
