// Reading and writing claims for the review side: list, detail, workflow steps, parcel edits, new claims.
import { sql, type SQL } from "drizzle-orm";
import type { BatchTransitionInput, ClaimListInput, ClaimRef, NewClaim, TransitionInput } from "@/configs/contracts/claims";
import type { MultiPolygonGeometry, PolygonGeometry } from "@/configs/contracts/geojson";
import { claimNumberOf } from "@/configs/states";
import {
  quorumProblem, RESOLUTION_ONLY_WITH_STEP, RESOLUTION_REQUIRED, resolutionDayProblem, STEP_WITH_RESOLUTION, type GramSabhaResolution, type RecordedResolution,
} from "@/configs/gram-sabha-resolution";
import {
  appealWindow,
  availableActions,
  BOUNDARY_ONLY_WITH_VERIFICATION,
  checkTransition,
  IFR_MAX_HA,
  LANDMARKS_ONLY_WITH_VERIFICATION,
  NOTICE_RECEIPT_ROLES,
  DISTRICT_OFFICE_ROLES,
  REJECTED_STATUSES,
  STEP_WITH_BOUNDARY,
  STEP_WITH_TITLED_AREA,
  TITLED_AREA_REQUIRED,
  transitionFor,
  type BoundaryLandmarks,
  type ClaimStatus,
  type ClaimType,
} from "@/configs/workflow";
import type { SessionUser } from "@/server/auth/session";
import { jsonbOrNull, rows, sqlList, transaction, type Db } from "@/server/db/client";
import { filterConditions, whereAll } from "./claim-filter";
import { DomainError } from "./errors";
import { REJECTED_ON } from "./rejection-day";
import { householdOf } from "./households";
import { villageFactsOf } from "./village-facts";
import { ALONG_BOUNDARY } from "./villages-along-boundary";
import { requireRole, scopeCondition } from "./scope";

export type ClaimListItem = {
  id: string;
  claimNo: string;
  type: ClaimType;
  status: ClaimStatus;
  claimantName: string;
  claimantNameLocal: string;
  village: string;
  areaClaimedHa: number;
  filedOn: string;
  statusChangedAt: string;
  /** What a step decided from the list (a committee's batch) must be applied to. */
  version: number;
  lon: number | null;
  lat: number | null;
};

// Counting stops here: "10,000+" is all a reviewer needs, and exact counts of a state are slow.
const COUNT_CAP = 10_000;

const SORTS: Record<ClaimListInput["sort"], SQL> = {
  recent: sql`c.status_changed_at DESC NULLS LAST, c.id`, // as claims_recent_idx is ordered
  filed: sql`c.filed_on DESC, c.id`,
  area: sql`c.area_claimed_ha DESC, c.id`,
  claim_no: sql`c.claim_no, c.id`,
};

export async function listClaims(db: Db, user: SessionUser, input: ClaimListInput) {
  const where = whereAll([scopeCondition(user), ...filterConditions(input.filter)]);
  const items = await rows<{
    id: string; claim_no: string; type: ClaimType; status: ClaimStatus; claimant_name: string; claimant_name_local: string;
    village: string; area_claimed_ha: number; filed_on: string | Date; status_changed_at: string | Date; version: number; lon: number | null; lat: number | null;
  }>(
    db,
    sql`SELECT c.id, c.claim_no, c.type, c.status, c.claimant_name, c.claimant_name_local, v.name AS village,
               c.area_claimed_ha, c.filed_on, c.status_changed_at, c.version, ST_X(c.centroid) AS lon, ST_Y(c.centroid) AS lat
        FROM claims c JOIN villages v ON v.id = c.village_id
        WHERE ${where} ORDER BY ${SORTS[input.sort]} LIMIT ${input.limit} OFFSET ${input.offset}`,
  );
  const [count] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM claims c WHERE ${where} LIMIT ${COUNT_CAP + 1}) x`,
  );
  const total = count?.n ?? 0;
  return {
    items: items.map<ClaimListItem>((r) => ({
      id: r.id,
      claimNo: r.claim_no,
      type: r.type,
      status: r.status,
      claimantName: r.claimant_name,
      claimantNameLocal: r.claimant_name_local,
      village: r.village,
      areaClaimedHa: Number(r.area_claimed_ha),
      filedOn: isoDay(r.filed_on),
      statusChangedAt: new Date(r.status_changed_at).toISOString(),
      version: Number(r.version),
      lon: r.lon === null ? null : Number(r.lon),
      lat: r.lat === null ? null : Number(r.lat),
    })),
    total: Math.min(total, COUNT_CAP),
    totalIsCapped: total > COUNT_CAP,
  };
}

const isoDay = (d: string | Date) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export async function getClaim(db: Db, user: SessionUser, ref: ClaimRef) {
  const [c] = await rows<Record<string, unknown> & { status: ClaimStatus; version: number }>(
    db,
    sql`SELECT c.id, c.claim_no, c.type, c.status, c.claimant_name, c.claimant_name_local, c.spouse_name, c.relative_name,
               c.community, c.category, c.tribe, c.family_members, c.rights_claimed, c.evidence, c.survey_numbers, c.bordering_villages,
               c.area_claimed_ha, c.area_parcel_ha, c.area_titled_ha, c.title_no, c.notice_received_on::text, ${REJECTED_ON} AS rejected_on, c.boundary_landmarks, c.gs_resolution, india_today()::text AS today, c.filed_on, c.status_changed_at, c.created_at, c.updated_at, c.version,
               ST_AsGeoJSON(c.geom, 7) AS geometry, ST_AsGeoJSON(ST_Envelope(c.geom)) AS envelope,
               v.id AS village_id, v.name AS village, v.name_local AS village_local, v.census_code, v.gram_panchayat,
               t.name AS tehsil, t.name_local AS tehsil_local, d.name AS district, d.name_local AS district_local, d.id AS district_id,
               s.code AS state_code
        FROM claims c JOIN villages v ON v.id = c.village_id JOIN tehsils t ON t.id = c.tehsil_id JOIN districts d ON d.id = c.district_id
             JOIN states s ON s.id = d.state_id
        WHERE ${"id" in ref ? sql`c.id = ${ref.id}` : sql`c.claim_no = ${ref.claimNo}`} AND ${scopeCondition(user)}`,
  );
  // Out of scope reads the same as missing: an official must not learn that another district's claim exists.
  if (!c) throw new DomainError("NOT_FOUND", `no claim ${"id" in ref ? ref.id : ref.claimNo} in your districts`);
  const id = c.id as string;
  const history = await rows<HistoryRow>(
    db,
    sql`SELECT h.id, h.action, h.from_status, h.to_status, h.reason, h.at, h.claim_version, h.area_titled_ha, h.notice_received_on::text, h.boundary_landmarks, h.gs_resolution,
               u.display_name AS actor,
               ST_AsGeoJSON(h.parcel_before, 7) AS parcel_before, ST_Area(h.parcel_before::geography) / 10000 AS before_ha,
               ST_AsGeoJSON(h.parcel_after, 7) AS parcel_after, ST_Area(h.parcel_after::geography) / 10000 AS after_ha
        FROM claim_transitions h LEFT JOIN users u ON u.id = h.actor_id
        WHERE h.claim_id = ${id} ORDER BY h.at, h.id`,
  );
  // Form C names the villages a community forest resource borders; the map shows which its boundary reaches.
  const alongBoundary = c.type === "CFR"
    ? await rows<{ name: string; name_local: string }>(db, sql`
        SELECT v.name, v.name_local FROM claims c JOIN villages v ON ${ALONG_BOUNDARY} WHERE c.id = ${id} ORDER BY v.name`)
    : [];
  const documents = await rows<{ id: string; kind: string; title: string; page: number; mime: string }>(
    db,
    sql`SELECT id, kind, title, page, mime FROM claim_documents WHERE claim_id = ${id} ORDER BY kind, page`,
  );
  const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
  return {
    id: c.id as string,
    claimNo: c.claim_no as string,
    type: c.type as ClaimType,
    status: c.status,
    version: Number(c.version),
    claimantName: c.claimant_name as string,
    claimantNameLocal: c.claimant_name_local as string,
    spouseName: (c.spouse_name as string | null) ?? null,
    relativeName: (c.relative_name as string | null) ?? null,
    community: (c.community as string | null) ?? null,
    category: c.category as "ST" | "OTFD",
    tribe: (c.tribe as string | null) ?? null,
    familyMembers: parse(c.family_members) as Array<{ name: string; age: number; relation: string }>,
    rightsClaimed: parse(c.rights_claimed) as string[],
    evidence: parse(c.evidence) as Array<{ kind: string; description: string }>,
    surveyNumbers: parse(c.survey_numbers) as string[],
    areaClaimedHa: Number(c.area_claimed_ha),
    areaParcelHa: c.area_parcel_ha === null ? null : Number(c.area_parcel_ha),
    areaTitledHa: c.area_titled_ha === null ? null : Number(c.area_titled_ha),
    titleNo: (c.title_no as string | null) ?? null,
    boundaryLandmarks: (parse(c.boundary_landmarks) as BoundaryLandmarks | null) ?? null,
    gsResolution: (parse(c.gs_resolution) as RecordedResolution | null) ?? null,
    borderingVillages: parse(c.bordering_villages) as string[], // as written on Form C
    villagesAlongBoundary: alongBoundary.map((v) => ({ name: v.name, nameLocal: v.name_local })),
    // A rejected claim's notice: not yet delivered (null), or the appeal window its receipt opened.
    notice: REJECTED_STATUSES.includes(c.status)
      ? {
          appealWindow: c.notice_received_on ? appealWindow(c.notice_received_on as string, c.today as string) : null,
          today: c.today as string,
          rejectedOn: c.rejected_on as string,
          canRecordReceipt: NOTICE_RECEIPT_ROLES.includes(user.role),
        }
      : null,
    filedOn: isoDay(c.filed_on as string | Date),
    statusChangedAt: new Date(c.status_changed_at as string).toISOString(),
    geometry: c.geometry ? (JSON.parse(c.geometry as string) as PolygonGeometry) : null,
    bbox: c.envelope ? envelopeToBbox(JSON.parse(c.envelope as string)) : null,
    village: {
      id: Number(c.village_id), name: c.village as string, nameLocal: c.village_local as string, censusCode: c.census_code as string, gramPanchayat: c.gram_panchayat as string,
      // What the line departments report of it: the scheme advice on a title reads these.
      facts: await villageFactsOf(db, Number(c.village_id)),
    },
    // What the district office checked of a granted individual title's household (the scheme advice reads it).
    household: c.type === "IFR" && c.status === "title_granted" ? await householdOf(db, id) : null,
    canRecordHousehold: c.type === "IFR" && c.status === "title_granted" && DISTRICT_OFFICE_ROLES.includes(user.role),
    tehsil: c.tehsil as string,
    tehsilLocal: c.tehsil_local as string,
    district: { id: Number(c.district_id), name: c.district as string, nameLocal: c.district_local as string },
    // Census state code: the language its forms and titles are written in (configs/field.ts).
    stateCode: c.state_code as string,
    documents,
    history: history.map((h) => ({
      id: Number(h.id), action: h.action, fromStatus: h.from_status, toStatus: h.to_status, reason: h.reason,
      at: new Date(h.at).toISOString(), actor: h.actor ?? "FRC register (imported)", claimVersion: Number(h.claim_version),
      parcel: parcelChange(h),
      areaTitledHa: h.area_titled_ha === null ? null : Number(h.area_titled_ha),
      noticeReceivedOn: h.notice_received_on,
      landmarks: (parse(h.boundary_landmarks) as BoundaryLandmarks | null) ?? null,
      gsResolution: (parse(h.gs_resolution) as RecordedResolution | null) ?? null,
    })),
    actions: availableActions(c.status, user.role).map((t) => ({ action: t.action, label: t.label, minReasonLength: t.minReasonLength })),
  };
}
export type ClaimDetail = Awaited<ReturnType<typeof getClaim>>;

type HistoryRow = {
  id: number; action: string; from_status: ClaimStatus | null; to_status: ClaimStatus; reason: string; at: string | Date; actor: string | null; claim_version: number; area_titled_ha: number | null;
  notice_received_on: string | null; boundary_landmarks: BoundaryLandmarks | null; gs_resolution: RecordedResolution | null;
  parcel_before: string | null; before_ha: number | null; parcel_after: string | null; after_ha: number | null;
};
type ParcelShape = { geometry: MultiPolygonGeometry; areaHa: number };

/** A parcel edit's two shapes (before is null when the claim had none); null for any other entry. */
function parcelChange(h: HistoryRow): { before: ParcelShape | null; after: ParcelShape } | null {
  if (h.parcel_after === null) return null;
  const shape = (json: string, ha: number | null): ParcelShape => ({ geometry: JSON.parse(json) as MultiPolygonGeometry, areaHa: Number(ha) });
  return { before: h.parcel_before === null ? null : shape(h.parcel_before, h.before_ha), after: shape(h.parcel_after, h.after_ha) };
}

function envelopeToBbox(g: { type: string; coordinates: unknown }): [number, number, number, number] {
  const coords = (g.type === "Point" ? [[g.coordinates]] : g.coordinates) as number[][][];
  const xs = coords[0]!.map((p) => p[0]!);
  const ys = coords[0]!.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

type LockedClaim = { id: string; status: ClaimStatus; version: number; village_id: number; type: ClaimType; area_claimed_ha: number; filed_on: string; today: string };

export async function lockClaim(tx: Db, user: SessionUser, id: string, expectedVersion: number): Promise<LockedClaim> {
  const [claim] = await rows<LockedClaim>(
    tx,
    sql`SELECT c.id, c.status, c.version, c.village_id, c.type, c.area_claimed_ha, c.filed_on::text, india_today()::text AS today
        FROM claims c WHERE c.id = ${id} AND ${scopeCondition(user)} FOR UPDATE`,
  );
  if (!claim) throw new DomainError("NOT_FOUND", `no claim ${id} in your districts`);
  if (claim.version !== expectedVersion) {
    throw new DomainError(
      "CONFLICT",
      `this claim was changed by someone else since you opened it (you had version ${expectedVersion}, it is now ${claim.version}); reload it and decide again`,
    );
  }
  return claim;
}

/**
 * The audit trail's append lock (migration 0011): held to commit, so that trail ids commit in order and
 * sync.pull never skips one. Taken first in a transaction that appends, before any claim's row lock.
 */
export const lockAuditTrail = (tx: Db) => tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('fra-audit-trail'))`);

/** A transaction that appends to the audit trail: the trail's lock comes first, before any other. */
export function auditedTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return transaction(db, async (tx) => {
    await lockAuditTrail(tx);
    return work(tx);
  });
}

export async function appendAudit(tx: Db, args: {
  claimId: string; action: string; from: ClaimStatus | null; to: ClaimStatus; actorId: string; reason: string; version: number;
  areaTitledHa?: number | undefined; noticeReceivedOn?: string | undefined; landmarks?: BoundaryLandmarks | undefined; gsResolution?: GramSabhaResolution | undefined;
}) {
  await tx.execute(sql`INSERT INTO claim_transitions (claim_id, action, from_status, to_status, actor_id, reason, claim_version, area_titled_ha, notice_received_on, boundary_landmarks, gs_resolution)
                       VALUES (${args.claimId}, ${args.action}, ${args.from}, ${args.to}, ${args.actorId}, ${args.reason}, ${args.version},
                               ${args.areaTitledHa ?? null}, ${args.noticeReceivedOn ?? null}::date, ${jsonbOrNull(args.landmarks)}, ${jsonbOrNull(args.gsResolution)})`);
}

/** One step of the legal workflow: checked, applied only to the version the user saw, and audited. */
export async function transitionClaim(db: Db, user: SessionUser, input: TransitionInput) {
  return auditedTransaction(db, async (tx) => (await checkedTransition(tx, user, input))());
}

/**
 * One step for many claims, as a committee decides them at one sitting: every claim is checked and
 * recorded with its own audit entry, or, if any is refused (another stage, a stale version, out of scope),
 * none is, and the error names that claim.
 */
export async function transitionClaims(db: Db, user: SessionUser, input: BatchTransitionInput) {
  return auditedTransaction(db, async (tx) => {
    const ids = input.claims.map((c) => c.id);
    const found = await rows<{ id: string; claim_no: string }>(tx, sql`SELECT c.id, c.claim_no FROM claims c WHERE c.id IN (${sqlList(ids)}) AND ${scopeCondition(user)}`);
    const numbers = new Map(found.map((c) => [c.id, c.claim_no]));
    const missing = ids.filter((id) => !numbers.has(id));
    if (missing.length) throw new DomainError("NOT_FOUND", `no claim ${missing.join(", ")} in your districts; nothing was recorded`);
    const recorded = [];
    for (const c of input.claims) {
      try {
        const step = { id: c.id, action: input.action, reason: input.reason, expectedVersion: c.expectedVersion, gsResolution: input.gsResolution };
        recorded.push(await (await checkedTransition(tx, user, step))());
      } catch (e) {
        if (e instanceof DomainError) throw new DomainError(e.code, `${numbers.get(c.id)}: ${e.message}; nothing was recorded`);
        throw e;
      }
    }
    return { claims: recorded };
  });
}

/**
 * A workflow step checked inside the caller's transaction (which holds the audit trail's lock), reading
 * only: the claim in the user's scope at the version they saw, and the step legal for their role. Returns
 * the write, for the caller to run; a refused step throws a DomainError (CONFLICT for a stale version).
 */
export async function checkedTransition(tx: Db, user: SessionUser, input: TransitionInput & { parcel?: PolygonGeometry }) {
  requireRole(user, transitionFor(input.action).roles);
  const claim = await lockClaim(tx, user, input.id, input.expectedVersion);
  const rejectedStatus = input.action === "hear_appeal" ? await appealedRejection(tx, claim.id) : undefined;
  const check = checkTransition({ action: input.action, from: claim.status, role: user.role, reason: input.reason, rejectedStatus });
  if (!check.ok) throw new DomainError(check.code === "FORBIDDEN_ROLE" ? "FORBIDDEN" : "BAD_REQUEST", check.message);
  // The contracts refuse these already; the rules are kept here too for any other caller.
  if (input.parcel && input.action !== STEP_WITH_BOUNDARY) throw new DomainError("BAD_REQUEST", BOUNDARY_ONLY_WITH_VERIFICATION);
  if (input.landmarks && input.action !== STEP_WITH_BOUNDARY) throw new DomainError("BAD_REQUEST", LANDMARKS_ONLY_WITH_VERIFICATION);
  const parcel = input.parcel ? { geometry: input.parcel, areaHa: await checkParcel(tx, input.parcel, claim.village_id) } : null;
  const areaTitledHa = checkTitledArea(claim, input);
  const gsResolution = checkResolution(claim, input);
  return async () => {
    // The boundary found on the ground is recorded first, under its own audit entry, as an edit would be.
    const version = parcel
      ? await writeParcel(tx, user, claim, parcel.geometry, parcel.areaHa, `Parcel boundary mapped at the field verification (${parcel.areaHa.toFixed(2)} ha)`)
      : input.expectedVersion;
    // A grant takes the next number of its district's register (migration 0014), in this transaction:
    // a refused or rolled-back grant issues none.
    const titleNo = input.action === STEP_WITH_TITLED_AREA ? sql`issue_title_no(district_id, claim_no)` : sql`title_no`;
    const [updated] = await rows<{ version: number }>(
      tx,
      sql`UPDATE claims SET status = ${check.to}, version = version + 1, status_changed_at = now(), updated_at = now(),
                            area_titled_ha = coalesce(${areaTitledHa ?? null}::real, area_titled_ha), title_no = ${titleNo},
                            boundary_landmarks = coalesce(${jsonbOrNull(input.landmarks)}, boundary_landmarks),
                            gs_resolution = coalesce(${jsonbOrNull(gsResolution)}, gs_resolution),
                            notice_received_on = NULL
          WHERE id = ${claim.id} AND version = ${version} RETURNING version`,
    );
    if (!updated) throw new DomainError("CONFLICT", "this claim changed while you were deciding; reload it");
    await appendAudit(tx, {
      claimId: claim.id, action: input.action, from: claim.status, to: check.to, actorId: user.id, reason: input.reason.trim(), version: updated.version, areaTitledHa,
      landmarks: input.landmarks, gsResolution,
    });
    return { id: claim.id, status: check.to, version: updated.version };
  };
}

/** The extent a grant recognises (the contract makes it present exactly on a grant): never more than claimed. */
function checkTitledArea(claim: LockedClaim, input: TransitionInput): number | undefined {
  if (input.action !== STEP_WITH_TITLED_AREA) return undefined;
  if (input.areaTitledHa === undefined) throw new DomainError("BAD_REQUEST", TITLED_AREA_REQUIRED);
  const claimed = Number(claim.area_claimed_ha);
  // Compared as the check constraint compares them, both as float4 (1.13 is 1.1299999952 in either).
  if (Math.fround(input.areaTitledHa) > Math.fround(claimed)) {
    throw new DomainError("BAD_REQUEST", `the area recognised (${input.areaTitledHa} ha) cannot be more than the area claimed (${Number(claimed.toFixed(4))} ha)`);
  }
  if (claim.type === "IFR" && input.areaTitledHa > IFR_MAX_HA) {
    throw new DomainError("BAD_REQUEST", `an individual title (IFR) recognises at most ${IFR_MAX_HA} ha (Section 4(6))`);
  }
  return input.areaTitledHa;
}

/** The resolution a Gram Sabha step states (the contract makes it present exactly there), on a day it can have been passed. */
function checkResolution(claim: LockedClaim, input: TransitionInput): GramSabhaResolution | undefined {
  if (input.action !== STEP_WITH_RESOLUTION) {
    if (input.gsResolution) throw new DomainError("BAD_REQUEST", RESOLUTION_ONLY_WITH_STEP);
    return undefined;
  }
  if (!input.gsResolution) throw new DomainError("BAD_REQUEST", RESOLUTION_REQUIRED);
  const problem = quorumProblem(input.gsResolution) ?? resolutionDayProblem(input.gsResolution.passedOn, isoDay(claim.filed_on), claim.today);
  if (problem) throw new DomainError("BAD_REQUEST", problem);
  return input.gsResolution; // its number trimmed by the contract
}

async function appealedRejection(tx: Db, claimId: string): Promise<ClaimStatus | undefined> {
  const [row] = await rows<{ from_status: ClaimStatus }>(
    tx,
    sql`SELECT from_status FROM claim_transitions WHERE claim_id = ${claimId} AND to_status = 'appeal' ORDER BY at DESC, id DESC LIMIT 1`,
  );
  return row?.from_status;
}

// GPS and hand-drawn boundaries wander a little past the village line; 20 m is tolerated.
const VILLAGE_TOLERANCE_M = 20;

/** Checks a parcel against PostGIS: a valid polygon, inside its village. Returns its area in hectares. */
export async function checkParcel(db: Db, geometry: PolygonGeometry, villageId: number): Promise<number> {
  const [check] = await rows<{ valid: boolean; reason: string; inside: boolean | null; area_ha: number; outside_ha: number | null; village: string | null }>(
    db,
    sql`WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326) AS geom)
        SELECT ST_IsValid(g.geom) AS valid, ST_IsValidReason(g.geom) AS reason, v.name AS village,
               ST_CoveredBy(g.geom::geography::geometry, ST_Buffer(v.geom::geography, ${VILLAGE_TOLERANCE_M})::geometry) AS inside,
               ST_Area(g.geom::geography) / 10000 AS area_ha,
               CASE WHEN ST_IsValid(g.geom) THEN ST_Area(ST_Difference(g.geom, v.geom)::geography) / 10000 END AS outside_ha
        FROM g LEFT JOIN villages v ON v.id = ${villageId}`,
  );
  if (!check) throw new DomainError("BAD_REQUEST", "the parcel geometry could not be read");
  if (!check.valid) throw new DomainError("BAD_REQUEST", `the parcel boundary is not a valid polygon: ${check.reason}`);
  if (check.village === null) throw new DomainError("BAD_REQUEST", `village ${villageId} does not exist`);
  if (!check.inside) {
    throw new DomainError("BAD_REQUEST", `the parcel lies outside village ${check.village} (${Number(check.outside_ha).toFixed(2)} ha beyond its boundary)`);
  }
  if (Number(check.area_ha) <= 0) throw new DomainError("BAD_REQUEST", "the parcel has no area");
  return Number(check.area_ha);
}

export async function updateParcel(db: Db, user: SessionUser, input: { id: string; geometry: PolygonGeometry; expectedVersion: number }) {
  requireRole(user, ["district_official", "field_staff"]);
  return auditedTransaction(db, async (tx) => {
    const claim = await lockClaim(tx, user, input.id, input.expectedVersion);
    const areaHa = await checkParcel(tx, input.geometry, claim.village_id);
    const version = await writeParcel(tx, user, claim, input.geometry, areaHa, `Parcel boundary redrawn (${areaHa.toFixed(2)} ha)`);
    return { id: claim.id, version, areaParcelHa: areaHa };
  });
}

/**
 * Writes a checked parcel on a locked claim and audits it with `reason`, keeping the shape it replaces and
 * the new one in the audit entry; returns the claim's new version. One statement: every part of it reads
 * the claim as it was before the update, so `before` is the old boundary.
 */
async function writeParcel(tx: Db, user: SessionUser, claim: LockedClaim, geometry: PolygonGeometry, areaHa: number, reason: string): Promise<number> {
  const [audited] = await rows<{ version: number }>(
    tx,
    sql`WITH drawn AS (SELECT ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)) AS geom),
             before AS (SELECT geom FROM claims WHERE id = ${claim.id}),
             updated AS (
               UPDATE claims c SET geom = drawn.geom, centroid = ST_PointOnSurface(drawn.geom), area_parcel_ha = ${areaHa},
                                   version = c.version + 1, updated_at = now()
               FROM drawn WHERE c.id = ${claim.id} RETURNING c.version, c.geom)
        INSERT INTO claim_transitions (claim_id, action, from_status, to_status, actor_id, reason, claim_version, parcel_before, parcel_after)
        SELECT ${claim.id}, 'edit_parcel', ${claim.status}, ${claim.status}, ${user.id}, ${reason}, updated.version, before.geom, updated.geom
        FROM updated, before
        RETURNING claim_version AS version`,
  );
  return audited!.version;
}

/** A village as a new claim needs it: its place in the hierarchy and its district's claim-number code. */
export type ClaimVillage = { id: number; tehsil_id: number; district_id: number; abbr: string; state_code: string };

/** The villages among `ids` that `user` may file claims in, by id (one query for a whole sync batch). */
export async function claimVillages(db: Db, user: SessionUser, ids: readonly number[]): Promise<Map<number, ClaimVillage>> {
  if (ids.length === 0) return new Map();
  const found = await rows<ClaimVillage>(db, sql`SELECT v.id, v.tehsil_id, v.district_id, d.abbr, s.code AS state_code
    FROM villages v JOIN districts d ON d.id = v.district_id JOIN states s ON s.id = d.state_id
    WHERE v.id IN (${sqlList([...new Set(ids)])}) AND ${scopeCondition(user, "v")}`);
  return new Map(found.map((v) => [v.id, v]));
}

export type CheckedClaim = { input: NewClaim & { id: string }; village: ClaimVillage; areaParcelHa: number | null };

/** Every check a new claim must pass, without writing anything: a DomainError here is why it is refused. */
export async function checkNewClaim(db: Db, input: NewClaim, villages: Map<number, ClaimVillage>): Promise<CheckedClaim> {
  const village = villages.get(input.villageId);
  if (!village) throw new DomainError("BAD_REQUEST", `village ${input.villageId} is not in your districts`);
  const areaParcelHa = input.geometry ? await checkParcel(db, input.geometry, village.id) : null;
  return { input: { ...input, id: input.id ?? crypto.randomUUID() }, village, areaParcelHa };
}

/**
 * Claim numbers count up per district; the counter row's lock keeps two tablets syncing at once from
 * drawing the same one. Only a district's first new claim counts the claims it already has (a count on
 * every insert made each synced claim as slow as the district is big).
 */
async function nextClaimSerial(tx: Db, districtId: number): Promise<number> {
  const [next] = await rows<{ n: number }>(tx, sql`UPDATE claim_counters SET last = last + 1 WHERE district_id = ${districtId} RETURNING last AS n`);
  if (next) return next.n;
  const [first] = await rows<{ n: number }>(tx, sql`INSERT INTO claim_counters AS c (district_id, last)
    VALUES (${districtId}, (SELECT count(*)::int + 1 FROM claims WHERE district_id = ${districtId}))
    ON CONFLICT (district_id) DO UPDATE SET last = c.last + 1 RETURNING last AS n`);
  return first!.n;
}

/** Writes a checked claim (its number, its row, its first audit entry) inside the caller's transaction. */
export async function insertClaim(tx: Db, user: SessionUser, { input, village, areaParcelHa }: CheckedClaim) {
  const serial = await nextClaimSerial(tx, village.district_id);
  const claimNo = claimNumberOf(village.state_code, village.abbr, input.type, input.filedOn.slice(0, 4), serial);
  const geojson = input.geometry ? JSON.stringify(input.geometry) : null;
  await tx.execute(sql`INSERT INTO claims (id, claim_no, type, status, claimant_name, claimant_name_local, spouse_name, relative_name,
      community, category, tribe, evidence, rights_claimed, survey_numbers, bordering_villages, village_id, tehsil_id, district_id, area_claimed_ha, area_parcel_ha,
      filed_on, geom, centroid)
    VALUES (${input.id}, ${claimNo}, ${input.type}, 'received', ${input.claimantName}, ${input.claimantNameLocal}, ${input.spouseName ?? null},
      ${input.relativeName ?? null}, ${input.community ?? null}, ${input.category}, ${input.tribe ?? null}, ${JSON.stringify(input.evidence)}::jsonb, ${JSON.stringify(input.rightsClaimed)}::jsonb,
      ${JSON.stringify(input.surveyNumbers)}::jsonb, ${JSON.stringify(input.borderingVillages)}::jsonb, ${village.id}, ${village.tehsil_id}, ${village.district_id}, ${input.areaClaimedHa},
      ${areaParcelHa}, ${input.filedOn}::date,
      ${geojson ? sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326))` : sql`NULL`},
      ${geojson ? sql`ST_PointOnSurface(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326))` : sql`NULL`})`);
  await appendAudit(tx, { claimId: input.id, action: "receive", from: null, to: "received", actorId: user.id, reason: "Claim entered from the FRC register", version: 1 });
  return { id: input.id, claimNo, version: 1 };
}

export async function createClaim(db: Db, user: SessionUser, input: NewClaim) {
  requireRole(user, ["district_official", "field_staff"]);
  return auditedTransaction(db, async (tx) => insertClaim(tx, user, await checkNewClaim(tx, input, await claimVillages(tx, user, [input.villageId]))));
}

