// The demo dataset: one state, its districts, tehsils and villages (the generated Maharashtra of
// demo-geography.ts, or a real state's boundaries through boundary-geography.ts), and claims with parcels
// inside their villages, a workflow history and a few scanned form pages.
// The same code makes the 20,000-claim demo and the 1,000,000-claim benchmark set.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { gramSabhaClaimant } from "@/configs/gram-sabha";
import { DAY_MS, indiaDayOf, IST_OFFSET_MS } from "@/configs/india-day";
import { STEP_WITH_RESOLUTION, type GramSabhaResolution } from "@/configs/gram-sabha-resolution";
import { claimNumberOf } from "@/configs/states";
import {
  IFR_MAX_HA, NOTICE_DELIVERIES, NOTICE_RECEIPT_ENTRY, noticeReceiptReason, REJECTED_STATUSES, STEP_WITH_BOUNDARY, type BoundaryLandmarks, type ClaimStatus, type ClaimType,
  type WorkflowAction,
} from "@/configs/workflow";
import { jsonbOrNull, rows, type Db } from "../client";
import {
  METRES_PER_DEGREE_LAT,
  bboxOf,
  pointInMultiPolygon,
  polygonAreaHa,
  type MultiPolygonCoords,
  type Position,
  type Ring,
} from "@/server/services/geometry";
import { ringInsideArea } from "@/workers/geo/parcel";
import { insertBoundaryGeography } from "./boundary-geography";
import { seedBorderingVillages } from "./bordering-villages";
import type { BoundarySet } from "./boundary-file";
import { insertDemoGeography, wktPolygon } from "./demo-geography";
import { FOCUS_DISTRICTS } from "./geography";
import { COMMUNITY_RIGHTS } from "@/configs/community-rights";
import { EVIDENCE_KINDS, type Bilingual } from "./names";
import { fnv1a32 } from "@/workers/hash";
import { demoLandmarks } from "./landmarks";
import { demoResolution } from "./resolutions";
import { seedVillageFacts } from "./village-facts";
import { createRng, weightedIndex, type Rng } from "./random";
import type { ClaimDistrict, DemoUser, SeedGeography } from "./seed-geography";
import { renderCfrFormPageSvg, renderCrFormPageSvg, renderFormPageSvg } from "./form-image";

export type SeedOptions = {
  claims: number;
  seed: number;
  /** Districts that get tehsils, villages and claims. Default: the two focus districts. */
  districts?: readonly string[];
  /** A real state's village boundaries (boundary-file.ts) in place of the generated Maharashtra: every
   * district gets claims, and `districts` and `villageDensity` do not apply. */
  boundaries?: BoundarySet;
  /** Villages per 10 km² of district; the demo keeps real densities (about one village per 10 km²). */
  villageDensity?: number;
  withHistory?: boolean;
  /** How many claims of each form get a scanned page: individual claims a Form A, CFR claims a Form C. */
  documents?: number;
  log?: (message: string) => void;
};

export type SeedSummary = { districts: number; tehsils: number; villages: number; claims: number; transitions: number; documents: number };

// Share of statuses across the whole history of a district (close to the national 49% titled,
// 36% rejected, 15% pending).
const STATUS_MIX: ReadonlyArray<readonly [ClaimStatus, number]> = [
  ["title_granted", 46], ["dlc_rejected", 20], ["sdlc_rejected", 12], ["appeal", 2], ["received", 4],
  ["fld_verified", 3], ["gs_resolved", 3], ["sdlc_review", 4], ["sdlc_remanded", 2], ["sdlc_recommended", 1.5],
  ["dlc_review", 2.5],
];

// The steps that bring a claim from "received" to each status.
const PATHS: Record<ClaimStatus, readonly WorkflowAction[]> = {
  received: [],
  fld_verified: ["verify_in_field"],
  gs_resolved: ["verify_in_field", "record_gs_resolution"],
  sdlc_review: ["verify_in_field", "record_gs_resolution", "forward_to_sdlc"],
  sdlc_remanded: ["verify_in_field", "record_gs_resolution", "forward_to_sdlc", "sdlc_remand"],
  sdlc_recommended: ["verify_in_field", "record_gs_resolution", "forward_to_sdlc", "sdlc_recommend"],
  sdlc_rejected: ["verify_in_field", "record_gs_resolution", "forward_to_sdlc", "sdlc_reject"],
  dlc_review: ["verify_in_field", "record_gs_resolution", "forward_to_sdlc", "sdlc_recommend", "forward_to_dlc"],
  title_granted: ["verify_in_field", "record_gs_resolution", "forward_to_sdlc", "sdlc_recommend", "forward_to_dlc", "grant_title"],
  dlc_rejected: ["verify_in_field", "record_gs_resolution", "forward_to_sdlc", "sdlc_recommend", "forward_to_dlc", "dlc_reject"],
  appeal: ["verify_in_field", "record_gs_resolution", "forward_to_sdlc", "sdlc_reject", "file_appeal"],
};

const STEP_TO: Record<WorkflowAction, ClaimStatus> = {
  verify_in_field: "fld_verified",
  record_gs_resolution: "gs_resolved",
  forward_to_sdlc: "sdlc_review",
  sdlc_recommend: "sdlc_recommended",
  sdlc_remand: "sdlc_remanded",
  sdlc_reject: "sdlc_rejected",
  forward_to_dlc: "dlc_review",
  grant_title: "title_granted",
  dlc_reject: "dlc_rejected",
  file_appeal: "appeal",
  hear_appeal: "sdlc_review",
};

const REASONS: Record<WorkflowAction, readonly string[]> = {
  verify_in_field: [
    "Site inspected with the forester and talathi; boundary walked with neighbours present.",
    "Field verification done; cultivation and bunds seen on the land, elders' statements recorded.",
  ],
  record_gs_resolution: [
    "Gram Sabha resolution passed with quorum; claim recommended for SDLC.",
    "Gram Sabha approved the claim after hearing objections; none upheld.",
  ],
  forward_to_sdlc: ["Resolution and evidence complete; forwarded to SDLC.", "Forwarded with the FRC verification report and map."],
  sdlc_recommend: ["Evidence consistent with the FRC report; recommended to DLC.", "Two kinds of evidence verified; recommended."],
  sdlc_remand: [
    "Map does not show the khasra numbers; remanded to the Gram Sabha to complete it.",
    "Elders' statements missing; remanded for re-verification.",
  ],
  sdlc_reject: [
    "Land shown was not under occupation before 13 December 2005 per satellite imagery and records; claimant informed in writing.",
    "Claimant not resident in the village; no evidence of three generations' dependence; informed in writing.",
  ],
  forward_to_dlc: ["Forwarded to DLC with the SDLC recommendation.", "Placed before the DLC meeting."],
  grant_title: ["Title approved by the DLC; signed by DFO, DTWO and Collector.", "DLC approved the extent as verified in the field."],
  dlc_reject: [
    "Land falls outside forest land per the revenue record; claimant informed in writing of the right to appeal.",
    "Evidence does not establish occupation before the cut-off date; claimant informed in writing.",
  ],
  file_appeal: ["Claimant petitioned against the rejection with fresh evidence.", "Appeal filed through the Gram Sabha."],
  hear_appeal: ["Appeal admitted for rehearing."],
};

/** The first moment of a calendar day in India. */
const at0 = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) - IST_OFFSET_MS;

export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const rng = createRng(options.seed);

  log("state, districts, tehsils and villages");
  for (const note of options.boundaries?.notes ?? []) log(`boundaries: ${note}`);
  const geography = options.boundaries
    ? await insertBoundaryGeography(db, options.boundaries)
    : await insertDemoGeography(db, rng, new Set(options.districts ?? FOCUS_DISTRICTS), options.villageDensity ?? 1);
  const villages = await loadVillages(db, geography.claimDistricts.map((d) => d.id));
  log(`${villages.length} villages in ${geography.claimDistricts.length} districts`);

  const users = await seedDemoUsersIfMissing(db, geography.users);

  const claimsMade = await insertClaims(db, rng, villages, geography, options, users, log);
  log("Form C's bordering villages");
  await seedBorderingVillages(db);
  const communityFormPages = await insertCommunityFormPages(db, options.documents ?? 0);
  // Numbered after all are in: batches are drawn in no order of time, and a register runs in grant order.
  log("title numbers");
  await db.execute(sql`SELECT number_untitled_grants()`);
  log("village facts");
  await seedVillageFacts(db, villages.map((v) => v.id), options.seed);
  log("village statistics");
  await db.execute(sql`SELECT rebuild_village_stats()`);
  // Claims of one area on neighbouring pages: a map tile then reads tens of pages, not one per claim.
  // (On a live database the same `CLUSTER claims USING claims_centroid_idx` is routine maintenance.)
  log("claims in map order");
  await db.execute(sql`CLUSTER claims USING claims_centroid_idx`);
  await db.execute(sql`ANALYZE`);
  return {
    districts: geography.districtCount,
    tehsils: geography.tehsilCount,
    villages: villages.length,
    claims: claimsMade.claims,
    transitions: claimsMade.transitions,
    documents: claimsMade.documents + communityFormPages,
  };
}

type VillageForSeed = {
  id: number;
  tehsilId: number;
  districtId: number;
  name: string;
  nameLocal: string;
  gramPanchayat: string;
  tehsil: string;
  district: string;
  districtLocal: string;
  geom: MultiPolygonCoords;
};

async function loadVillages(db: Db, districtIds: number[]): Promise<VillageForSeed[]> {
  if (districtIds.length === 0) return [];
  const list = await rows<{ id: number; tehsil_id: number; district_id: number; name: string; name_local: string; gp: string; tehsil: string; district: string; district_local: string; geojson: string }>(
    db,
    sql`SELECT v.id, v.tehsil_id, v.district_id, v.name, v.name_local, v.gram_panchayat AS gp, t.name AS tehsil, d.name AS district,
               d.name_local AS district_local, ST_AsGeoJSON(v.geom, 6) AS geojson
        FROM villages v JOIN tehsils t ON t.id = v.tehsil_id JOIN districts d ON d.id = v.district_id
        WHERE v.district_id IN (${sql.join(districtIds.map((id) => sql`${id}`), sql`, `)})
        ORDER BY v.id`,
  );
  return list.map((v) => ({
    id: v.id,
    tehsilId: v.tehsil_id,
    districtId: v.district_id,
    name: v.name,
    nameLocal: v.name_local,
    gramPanchayat: v.gp,
    tehsil: v.tehsil,
    district: v.district,
    districtLocal: v.district_local,
    geom: (JSON.parse(v.geojson) as { coordinates: MultiPolygonCoords }).coordinates,
  }));
}

// ---------------------------------------------------------------- users

export const DEMO_PASSWORD = "fra-demo-2006";

type DemoUsers = { officialByDistrict: Map<number, string>; fieldByTehsil: Map<number, string> };

async function seedDemoUsersIfMissing(db: Db, demo: readonly DemoUser[]): Promise<DemoUsers> {
  const { hashPassword } = await import("@/server/auth/password");
  const hash = await hashPassword(DEMO_PASSWORD);
  const officialByDistrict = new Map<number, string>();
  const fieldByTehsil = new Map<number, string>();
  for (const u of demo) {
    const [existing] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = ${u.username}`);
    const id = existing?.id ?? crypto.randomUUID();
    if (!existing) {
      await db.execute(sql`INSERT INTO users (id, username, display_name, role, password_hash)
                           VALUES (${id}, ${u.username}, ${u.displayName}, ${u.role}, ${hash})`);
      for (const d of u.districts) await db.execute(sql`INSERT INTO user_districts (user_id, district_id) VALUES (${id}, ${d})`);
      for (const t of u.tehsils) await db.execute(sql`INSERT INTO user_tehsils (user_id, tehsil_id) VALUES (${id}, ${t})`);
    }
    for (const d of u.districts) officialByDistrict.set(d, id);
    for (const t of u.tehsils) fieldByTehsil.set(t, id);
  }
  return { officialByDistrict, fieldByTehsil };
}

// ---------------------------------------------------------------- claims

type ClaimRow = {
  id: string; claimNo: string; type: ClaimType; status: ClaimStatus; claimant: Bilingual; spouse: string | null;
  relative: string | null; community: string | null; category: "ST" | "OTFD"; tribe: string | null;
  family: Array<{ name: string; age: number; relation: string }>; rights: string[];
  evidence: Array<{ kind: string; description: string }>; survey: string[]; village: VillageForSeed;
  areaClaimedHa: number; wkt: string | null; centroid: Position; filedOn: Date; statusChangedAt: Date; noticeReceivedOn: string | null; version: number;
  landmarks: BoundaryLandmarks | null;
  gsResolution: GramSabhaResolution | null;
  history: Array<{
    action: string; from: ClaimStatus | null; to: ClaimStatus; reason: string; at: Date; actor: string | null; version: number; noticeReceivedOn?: string;
    landmarks?: BoundaryLandmarks; gsResolution?: GramSabhaResolution;
  }>;
};

async function insertClaims(
  db: Db, rng: Rng, villages: VillageForSeed[], geography: SeedGeography, options: SeedOptions, users: DemoUsers,
  log: (m: string) => void,
): Promise<{ claims: number; transitions: number; documents: number }> {
  if (villages.length === 0 || options.claims === 0) return { claims: 0, transitions: 0, documents: 0 };
  const byDistrict = new Map<number, VillageForSeed[]>();
  for (const v of villages) byDistrict.set(v.districtId, [...(byDistrict.get(v.districtId) ?? []), v]);
  const districtList = [...byDistrict.keys()];
  const claimDistricts = new Map(geography.claimDistricts.map((d) => [d.id, d]));
  const districtWeights = districtList.map((id) => claimDistricts.get(id)!.claimWeight);
  // Villages differ a lot in how many claims they file: a log-normal weight per village.
  const villageWeights = new Map(districtList.map((id) => [id, byDistrict.get(id)!.map(() => Math.exp(rng.normal()))]));
  const statusWeights = STATUS_MIX.map(([, w]) => w);
  const hasCfr = new Set<number>();
  const serialByDistrict = new Map<number, number>();

  await db.execute(sql`ALTER TABLE claims DISABLE TRIGGER claims_village_stats`);
  let transitions = 0;
  let documents = 0;
  const batchSize = 400;
  const documentBudget = options.documents ?? 0;
  try {
    for (let start = 0; start < options.claims; start += batchSize) {
      const batch: ClaimRow[] = [];
      for (let i = start; i < Math.min(options.claims, start + batchSize); i++) {
        const districtId = districtList[weightedIndex(rng, districtWeights)]!;
        const list = byDistrict.get(districtId)!;
        const village = list[weightedIndex(rng, villageWeights.get(districtId)!)]!;
        const serial = (serialByDistrict.get(districtId) ?? 0) + 1;
        serialByDistrict.set(districtId, serial);
        batch.push(makeClaim(rng, village, geography.stateCode, claimDistricts.get(districtId)!, serial, hasCfr, statusWeights, users, options.withHistory ?? true));
      }
      await insertClaimBatch(db, batch);
      await setCfrAreas(db, batch);
      await setTitledAreas(db, batch);
      if (options.withHistory ?? true) transitions += await insertHistory(db, batch);
      if (documents < documentBudget) documents += await insertDocuments(db, batch.filter((c) => c.type === "IFR").slice(0, documentBudget - documents));
      if ((start / batchSize) % 25 === 0) log(`claims ${Math.min(options.claims, start + batchSize)}/${options.claims}`);
    }
  } finally {
    await db.execute(sql`ALTER TABLE claims ENABLE TRIGGER claims_village_stats`);
  }
  return { claims: options.claims, transitions, documents };
}

function makeClaim(
  rng: Rng, village: VillageForSeed, stateCode: string, district: ClaimDistrict, serial: number, hasCfr: Set<number>, statusWeights: number[],
  users: DemoUsers, withHistory: boolean,
): ClaimRow {
  const people = district.people;
  let type: ClaimType = rng.chance(0.03) ? "CR" : rng.chance(0.02) ? "CFR" : "IFR";
  if (type === "CFR" && hasCfr.has(village.id)) type = "IFR";
  if (type === "CFR") hasCfr.add(village.id);
  const status = STATUS_MIX[weightedIndex(rng, statusWeights)]![0];
  const filedOn = filedDate(rng);
  const category: "ST" | "OTFD" = type === "IFR" && rng.chance(0.06) ? "OTFD" : "ST";
  const surnames = category === "OTFD" ? people.otfdSurnames : people.surnames;
  const tribe = category === "ST" ? rng.pick(people.tribes) : null;
  const [sEn, sHi] = rng.pick(surnames);
  const female = rng.chance(0.22);
  const [gEn, gHi] = rng.pick(female ? people.female : people.male);
  const [fatherEn] = rng.pick(people.male);
  const [spouseEn] = rng.pick(female ? people.male : people.female);
  const community = type === "IFR" ? null : `${village.name} Gram Sabha (${tribe ?? "mixed"} community)`;
  const claimant: Bilingual = type === "IFR" ? [`${gEn} ${sEn}`, `${gHi} ${sHi}`] : gramSabhaClaimant(village);
  const family = type === "IFR"
    ? Array.from({ length: rng.int(1, 5) }, (_, k) => {
        const child = rng.pick(rng.chance(0.5) ? people.male : people.female)[0];
        return k === 0 ? { name: `${spouseEn} ${sEn}`, age: rng.int(25, 70), relation: "spouse" } : { name: `${child} ${sEn}`, age: rng.int(1, 40), relation: "child" };
      })
    : [];
  const evidence = Array.from(new Set(Array.from({ length: rng.int(2, 4) }, () => rng.pick(EVIDENCE_KINDS))))
    .map(([kind, description]) => ({ kind, description }));
  const rights = type === "IFR" ? ["self_cultivation", ...(rng.chance(0.3) ? ["habitation"] : [])]
    : Array.from(new Set(Array.from({ length: rng.int(1, 4) }, () => rng.pick(COMMUNITY_RIGHTS))));
  const survey = Array.from({ length: rng.int(1, 2) }, () => `${type === "CFR" ? "Compt." : "Kh."} ${rng.int(1, 999)}${rng.chance(0.3) ? `/${rng.int(1, 9)}` : ""}`);

  const parcel = type === "CFR" ? null : makeParcel(rng, village, type === "IFR" ? Math.min(4.5, Math.exp(Math.log(1.1) + 0.6 * rng.normal())) : 5 + rng.next() * 55);
  const areaClaimedHa = parcel ? Math.round(parcel.areaHa * (0.9 + rng.next() * 0.25) * 100) / 100 : 0;

  const path = PATHS[status];
  // The field verification names what bounds the land on each side.
  const landmarks = path.includes(STEP_WITH_BOUNDARY) ? demoLandmarks(`${district.abbr}|${serial}`, type, { village: village.name, surnames }) : null;
  const now = Date.now();
  const spanDays = Math.max(1, Math.min((now - filedOn.getTime()) / DAY_MS, 9 * 365));
  const history: ClaimRow["history"] = [];
  let at = filedOn.getTime();
  let from: ClaimStatus | null = null;
  history.push({ action: "receive", from: null, to: "received", reason: "Claim received by the Forest Rights Committee; acknowledgement issued.", at: new Date(at), actor: null, version: 1 });
  from = "received";
  let version = 1;
  let statusChangedAt = at;
  let noticeReceivedOn: string | null = null;
  let gsResolution: GramSabhaResolution | null = null;
  // Notices draw from their own source, so that the claims drawn after this one stay as they were.
  const noticeRng = createRng(fnv1a32(`notice|${district.abbr}|${serial}`));
  path.forEach((action) => {
    at = Math.min(now - DAY_MS, at + (spanDays / (path.length + 1)) * DAY_MS * (0.5 + rng.next()));
    // Most appeals come within the 60 days of the notice.
    if (action === "file_appeal" && noticeReceivedOn) at = Math.min(now - DAY_MS, at0(noticeReceivedOn) + noticeRng.int(5, 70) * DAY_MS);
    const to = STEP_TO[action];
    const actor = action === "verify_in_field" || action === "record_gs_resolution"
      ? users.fieldByTehsil.get(village.tehsilId) ?? users.officialByDistrict.get(village.districtId) ?? null
      : users.officialByDistrict.get(village.districtId) ?? null;
    if (action === STEP_WITH_RESOLUTION) gsResolution = demoResolution(`${district.abbr}|${serial}|${version}`, indiaDayOf(at));
    history.push({
      action, from, to, reason: rng.pick(REASONS[action]), at: new Date(at), actor, version: ++version,
      ...(action === STEP_WITH_BOUNDARY && landmarks ? { landmarks } : {}), ...(action === STEP_WITH_RESOLUTION && gsResolution ? { gsResolution } : {}),
    });
    from = to;
    statusChangedAt = at;
    noticeReceivedOn = null;
    if (!REJECTED_STATUSES.includes(to)) return;
    // The notice reaches the claimant days or weeks after the rejection; a few are never recorded as received.
    const received = at + noticeRng.int(2, 30) * DAY_MS;
    if (received > now - DAY_MS || noticeRng.chance(0.04)) return;
    noticeReceivedOn = indiaDayOf(received);
    at = received;
    history.push({
      action: NOTICE_RECEIPT_ENTRY, from: to, to, at: new Date(received), actor: users.officialByDistrict.get(village.districtId) ?? null, version: ++version,
      reason: noticeReceiptReason(noticeReceivedOn, noticeRng.pick(NOTICE_DELIVERIES), "receipt slip signed, kept in the claim file."),
      noticeReceivedOn,
    });
  });
  const year = filedOn.getUTCFullYear();
  return {
    id: rng.uuid(),
    claimNo: claimNumberOf(stateCode, district.abbr, type, year, serial),
    type, status, claimant, category, tribe, family, evidence, rights, survey, village, areaClaimedHa, community,
    spouse: type === "IFR" ? `${spouseEn} ${sEn}` : null,
    relative: type === "IFR" ? `${fatherEn} ${sEn}` : null,
    wkt: parcel?.wkt ?? null,
    centroid: parcel?.center ?? [0, 0],
    filedOn,
    statusChangedAt: new Date(statusChangedAt),
    noticeReceivedOn,
    version,
    landmarks,
    gsResolution,
    history: withHistory ? history : [],
  };
}

function filedDate(rng: Rng): Date {
  // Most claims were filed in the first five years after the Rules came into force (2008).
  const year = rng.chance(0.65) ? rng.int(2008, 2012) : rng.int(2013, 2024);
  return new Date(Date.UTC(year, rng.int(0, 11), rng.int(1, 28)));
}

/** A 4 to 6 sided field of about `areaHa`, wholly inside its village. */
function makeParcel(rng: Rng, village: VillageForSeed, areaHa: number): { wkt: string; center: Position; areaHa: number } | null {
  const [minX, minY, maxX, maxY] = bboxOf(village.geom);
  for (let attempt = 0; attempt < 40; attempt++) {
    const size = attempt < 30 ? areaHa : areaHa / 4;
    const center: Position = [minX + rng.next() * (maxX - minX), minY + rng.next() * (maxY - minY)];
    if (!pointInMultiPolygon(center, village.geom)) continue;
    const sides = rng.int(4, 6);
    const radiusM = Math.sqrt((size * 10_000) / (0.5 * sides * Math.sin((2 * Math.PI) / sides)));
    const rotation = rng.next() * Math.PI * 2;
    const ring: Ring = [];
    for (let k = 0; k < sides; k++) {
      const angle = rotation + (k / sides) * Math.PI * 2 + (rng.next() - 0.5) * 0.5;
      const r = radiusM * (0.8 + rng.next() * 0.4);
      ring.push([
        center[0] + (r * Math.cos(angle)) / (METRES_PER_DEGREE_LAT * Math.cos((center[1] * Math.PI) / 180)),
        center[1] + (r * Math.sin(angle)) / METRES_PER_DEGREE_LAT,
      ]);
    }
    ring.push(ring[0]!);
    // Corners alone would miss an edge that cuts across a concave village boundary (real ones are).
    if (!ringInsideArea(ring, village.geom)) continue;
    return { wkt: wktPolygon(ring), center, areaHa: polygonAreaHa([ring]) };
  }
  return null;
}

async function insertClaimBatch(db: Db, batch: ClaimRow[]): Promise<void> {
  const values = batch.map((c) => {
    const geom = c.wkt ? sql`ST_Multi(ST_GeomFromText(${c.wkt}, 4326))` : sql`NULL`;
    const centroid = c.wkt ? sql`ST_SetSRID(ST_MakePoint(${c.centroid[0]}, ${c.centroid[1]}), 4326)` : sql`NULL`;
    const parcelArea = c.wkt ? sql`ST_Area(ST_GeomFromText(${c.wkt}, 4326)::geography) / 10000` : sql`NULL`;
    return sql`(${c.id}, ${c.claimNo}, ${c.type}, ${c.status}, ${c.claimant[0]}, ${c.claimant[1]}, ${c.spouse}, ${c.relative},
      ${c.community}, ${c.category}, ${c.tribe}, ${JSON.stringify(c.family)}::jsonb, ${JSON.stringify(c.rights)}::jsonb,
      ${JSON.stringify(c.evidence)}::jsonb, ${JSON.stringify(c.survey)}::jsonb, ${c.village.id}, ${c.village.tehsilId},
      ${c.village.districtId}, ${c.areaClaimedHa}, ${parcelArea}, ${c.filedOn.toISOString().slice(0, 10)}, ${geom}, ${centroid},
      ${c.statusChangedAt.toISOString()}, ${c.filedOn.toISOString()}, ${c.statusChangedAt.toISOString()}, ${c.version}, ${c.noticeReceivedOn}::date,
      ${jsonbOrNull(c.landmarks)}, ${jsonbOrNull(c.gsResolution)})`;
  });
  await db.execute(sql`INSERT INTO claims (id, claim_no, type, status, claimant_name, claimant_name_local, spouse_name,
      relative_name, community, category, tribe, family_members, rights_claimed, evidence, survey_numbers, village_id,
      tehsil_id, district_id, area_claimed_ha, area_parcel_ha, filed_on, geom, centroid, status_changed_at, created_at,
      updated_at, version, notice_received_on, boundary_landmarks, gs_resolution)
    VALUES ${sql.join(values, sql`, `)}`);
}

/** CFR claims cover the customary boundary, which in the demo is the village's own boundary. */
async function setCfrAreas(db: Db, batch: ClaimRow[]): Promise<void> {
  const ids = batch.filter((c) => c.type === "CFR").map((c) => sql`${c.id}::uuid`);
  if (ids.length === 0) return;
  await db.execute(sql`UPDATE claims c SET geom = v.geom, centroid = v.label_point,
                         area_parcel_ha = ST_Area(v.geom::geography) / 10000, area_claimed_ha = round((ST_Area(v.geom::geography) / 10000)::numeric, 1)
                       FROM villages v WHERE c.village_id = v.id AND c.id IN (${sql.join(ids, sql`, `)})`);
}

/**
 * The share of a titled claim's area that its title recognises. About a third of individual titles (a
 * fifth of community ones) recognise less than was claimed, as the states' reports show. Drawn from the
 * claim number, not the seed's stream, so that the rest of the demo is what it was before titles had areas.
 */
function titledShare(c: Pick<ClaimRow, "claimNo" | "type">): number {
  const rng = createRng(fnv1a32(c.claimNo)); // its own stream: the seed's main one does not move
  return rng.chance(c.type === "IFR" ? 0.65 : 0.8) ? 1 : 0.4 + 0.55 * rng.next();
}

/** Titled claims get their recognised area, to the title's two decimals and never more than claimed. */
async function setTitledAreas(db: Db, batch: ClaimRow[]): Promise<void> {
  // An individual title stops at 4 ha however much was claimed (least() passes over the NULL cap).
  const shares = batch.filter((c) => c.status === "title_granted")
    .map((c) => sql`(${c.id}::uuid, ${titledShare(c)}::float8, ${c.type === "IFR" ? IFR_MAX_HA : null}::real)`);
  if (shares.length === 0) return;
  await db.execute(sql`UPDATE claims c SET area_titled_ha = CASE
                           WHEN c.area_claimed_ha <= 0 THEN NULL
                           WHEN t.share >= 1 THEN least(c.area_claimed_ha, t.cap)
                           ELSE least(greatest(0.01, floor((c.area_claimed_ha * t.share * 100)::numeric) / 100), t.cap) END
                       FROM (VALUES ${sql.join(shares, sql`, `)}) AS t(id, share, cap) WHERE c.id = t.id`);
}

async function insertHistory(db: Db, batch: ClaimRow[]): Promise<number> {
  // A grant's entry states the area its title recognised, as the claim now holds it.
  const titled = (c: ClaimRow, action: string) => (action === "grant_title" ? sql`(SELECT area_titled_ha FROM claims WHERE id = ${c.id})` : sql`NULL`);
  const values = batch.flatMap((c) =>
    c.history.map((h) => sql`(${c.id}, ${h.action}, ${h.from}, ${h.to}, ${h.actor}, ${h.reason}, ${h.version}, ${h.at.toISOString()}, ${titled(c, h.action)},
      ${h.noticeReceivedOn ?? null}::date, ${jsonbOrNull(h.landmarks)}, ${jsonbOrNull(h.gsResolution)})`),
  );
  if (values.length === 0) return 0;
  await db.execute(sql`INSERT INTO claim_transitions (claim_id, action, from_status, to_status, actor_id, reason, claim_version, at, area_titled_ha, notice_received_on, boundary_landmarks, gs_resolution)
                       VALUES ${sql.join(values, sql`, `)}`);
  return values.length;
}

async function insertFormPage(db: Db, claimId: string, title: string, page: string): Promise<void> {
  const svg = new TextEncoder().encode(page);
  const sha = createHash("sha256").update(svg).digest("hex");
  await db.execute(sql`INSERT INTO claim_documents (id, claim_id, kind, title, page, mime, sha256, bytes)
                       VALUES (${crypto.randomUUID()}, ${claimId}, 'form_page', ${title}, 1, 'image/svg+xml', ${sha}, ${svg})`);
}

async function insertDocuments(db: Db, claims: ClaimRow[]): Promise<number> {
  for (const c of claims) {
    await insertFormPage(db, c.id, "Form A (scanned), page 1", renderFormPageSvg({
      claimNo: c.claimNo, claimant: c.claimant, spouse: c.spouse ?? "", relative: c.relative ?? "", village: c.village.name,
      gramPanchayat: c.village.gramPanchayat, tehsil: c.village.tehsil, district: c.village.district,
      category: c.category, tribe: c.tribe ?? "", family: c.family, areaHa: c.areaClaimedHa, survey: c.survey,
      evidence: c.evidence.map((e) => e.description), filedOn: c.filedOn.toISOString().slice(0, 10), seed: c.claimNo.length + c.areaClaimedHa,
    }));
  }
  return claims.length;
}

type CommunityClaimForPage = {
  id: string; claim_no: string; category: "ST" | "OTFD"; tribe: string | null; area_claimed_ha: number; survey_numbers: string[]; evidence: Array<{ description: string }>;
  filed_on: string; bordering_villages: string[]; community: string; rights_claimed: string[]; village: string; gram_panchayat: string; tehsil: string; district: string;
};

const communityClaimsForPages = (db: Db, type: "CR" | "CFR", limit: number) => rows<CommunityClaimForPage>(db, sql`
  SELECT c.id, c.claim_no, c.category, c.tribe, c.area_claimed_ha, c.survey_numbers, c.evidence, c.filed_on::text AS filed_on, c.bordering_villages,
         c.community, c.rights_claimed, v.name AS village, v.gram_panchayat, t.name AS tehsil, d.name AS district
    FROM claims c JOIN villages v ON v.id = c.village_id JOIN tehsils t ON t.id = v.tehsil_id JOIN districts d ON d.id = v.district_id
   WHERE c.type = ${type} ORDER BY c.claim_no LIMIT ${limit}`);

/** The first `limit` CR claims' Form B and CFR claims' Form C, drawn once their bordering villages are in. */
async function insertCommunityFormPages(db: Db, limit: number): Promise<number> {
  if (limit <= 0) return 0;
  const place = (c: CommunityClaimForPage) => ({
    claimNo: c.claim_no, village: c.village, gramPanchayat: c.gram_panchayat, tehsil: c.tehsil, district: c.district, category: c.category, tribe: c.tribe ?? "",
    areaHa: c.area_claimed_ha, evidence: c.evidence.map((e) => e.description), filedOn: c.filed_on, seed: c.claim_no.length + c.area_claimed_ha,
  });
  const rightsClaims = await communityClaimsForPages(db, "CR", limit);
  for (const c of rightsClaims) {
    await insertFormPage(db, c.id, "Form B (scanned), page 1", renderCrFormPageSvg({ ...place(c), community: c.community, rightsClaimed: c.rights_claimed }));
  }
  const forestClaims = await communityClaimsForPages(db, "CFR", limit);
  for (const c of forestClaims) {
    await insertFormPage(db, c.id, "Form C (scanned), page 1", renderCfrFormPageSvg({ ...place(c), survey: c.survey_numbers, borderingVillages: c.bordering_villages }));
  }
  return rightsClaims.length + forestClaims.length;
}
