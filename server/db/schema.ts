// Drizzle schema of FRA Atlas. Geometries are PostGIS columns in EPSG:4326; they are written and read
// through SQL (ST_GeomFromGeoJSON / ST_AsGeoJSON) in the services, so their TS type is the raw text.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  bigserial,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { BoundaryLandmarks, ClaimStatus, ClaimType, Role } from "@/configs/workflow";
import type { RecordedResolution } from "@/configs/gram-sabha-resolution";
import type { SyncRecordKind } from "@/configs/contracts/sync";

const geometry = (name: string, kind: "MultiPolygon" | "Point") =>
  customType<{ data: string; driverData: string }>({
    dataType: () => `geometry(${kind}, 4326)`,
  })(name);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const states = pgTable("states", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  nameLocal: text("name_local").notNull(),
  geom: geometry("geom", "MultiPolygon").notNull(),
  // Where the boundaries of the state, its districts, tehsils and villages come from: the map credits it.
  boundarySource: text("boundary_source").notNull().default("FRA Atlas demo data (synthetic)"),
});

export const districts = pgTable(
  "districts",
  {
    id: serial("id").primaryKey(),
    stateId: integer("state_id").notNull().references(() => states.id),
    code: text("code").notNull().unique(),
    // Short code used in claim numbers (MH-GAD-IFR-2019-000123).
    abbr: text("abbr").notNull().unique(),
    name: text("name").notNull(),
    nameLocal: text("name_local").notNull(),
    geom: geometry("geom", "MultiPolygon").notNull(),
  },
  (t) => [index("districts_geom_idx").using("gist", t.geom)],
);

export const tehsils = pgTable(
  "tehsils",
  {
    id: serial("id").primaryKey(),
    districtId: integer("district_id").notNull().references(() => districts.id),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    nameLocal: text("name_local").notNull(),
    geom: geometry("geom", "MultiPolygon").notNull(),
  },
  (t) => [index("tehsils_geom_idx").using("gist", t.geom), index("tehsils_district_idx").on(t.districtId)],
);

export const villages = pgTable(
  "villages",
  {
    id: serial("id").primaryKey(),
    tehsilId: integer("tehsil_id").notNull().references(() => tehsils.id),
    districtId: integer("district_id").notNull().references(() => districts.id),
    censusCode: text("census_code").notNull().unique(),
    name: text("name").notNull(),
    nameLocal: text("name_local").notNull(),
    gramPanchayat: text("gram_panchayat").notNull(),
    geom: geometry("geom", "MultiPolygon").notNull(),
    labelPoint: geometry("label_point", "Point").notNull(),
  },
  (t) => [
    index("villages_geom_idx").using("gist", t.geom),
    index("villages_label_idx").using("gist", t.labelPoint),
    index("villages_tehsil_idx").on(t.tehsilId),
    index("villages_district_idx").on(t.districtId),
  ],
);

export type FamilyMember = { name: string; age: number; relation: string };
export type Evidence = { kind: string; description: string };

export const claims = pgTable(
  "claims",
  {
    id: uuid("id").primaryKey(),
    claimNo: text("claim_no").notNull().unique(),
    type: text("type").$type<ClaimType>().notNull(),
    status: text("status").$type<ClaimStatus>().notNull(),
    claimantName: text("claimant_name").notNull(),
    claimantNameLocal: text("claimant_name_local").notNull().default(""),
    spouseName: text("spouse_name"),
    relativeName: text("relative_name"),
    community: text("community"),
    category: text("category").$type<"ST" | "OTFD">().notNull(),
    tribe: text("tribe"),
    familyMembers: jsonb("family_members").$type<FamilyMember[]>().notNull().default([]),
    rightsClaimed: jsonb("rights_claimed").$type<string[]>().notNull().default([]),
    evidence: jsonb("evidence").$type<Evidence[]>().notNull().default([]),
    surveyNumbers: jsonb("survey_numbers").$type<string[]>().notNull().default([]),
    // Form C's bordering villages as written on the form (community forest resource claims only:
    // migration 0017's check). The panel sets them against the villages the mapped boundary reaches.
    borderingVillages: jsonb("bordering_villages").$type<string[]>().notNull().default([]),
    villageId: integer("village_id").notNull().references(() => villages.id),
    tehsilId: integer("tehsil_id").notNull().references(() => tehsils.id),
    districtId: integer("district_id").notNull().references(() => districts.id),
    areaClaimedHa: real("area_claimed_ha").notNull(),
    areaParcelHa: real("area_parcel_ha"),
    // The extent the DLC recognised on the title: often less than claimed. Set once, with the grant.
    areaTitledHa: real("area_titled_ha"),
    // The title's number in the district's register of titles (migration 0014: issue_title_no), set with
    // the grant: "MH-GAD-T-2026-00042", the district's 42nd title of 2026.
    titleNo: text("title_no").unique(),
    // The day the claimant received the notice of a rejection (Rule 12A): the appeal's 60 days run from it.
    // Only on a rejected claim; a step out of the rejection clears it (migration 0015).
    noticeReceivedOn: date("notice_received_on"),
    // What bounds the land on each side, as the field verification found it: the title describes the
    // boundary by them. Null until a verification names them (migration 0016).
    boundaryLandmarks: jsonb("boundary_landmarks").$type<BoundaryLandmarks>(),
    // The Gram Sabha's latest resolution on the claim: number, day and attendance (migration 0018). A claim
    // remanded to the Gram Sabha gets a new one; the audit trail keeps each.
    gsResolution: jsonb("gs_resolution").$type<RecordedResolution>(),
    filedOn: date("filed_on").notNull(),
    geom: geometry("geom", "MultiPolygon"),
    centroid: geometry("centroid", "Point"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("claims_geom_idx").using("gist", t.geom),
    index("claims_centroid_idx").using("gist", t.centroid),
    index("claims_district_status_idx").on(t.districtId, t.status),
    index("claims_village_idx").on(t.villageId),
    index("claims_tehsil_idx").on(t.tehsilId),
    index("claims_claimant_idx").on(sql`lower(${t.claimantName})`),
    // The list's default order (most recently decided first): walked, not sorted, over a state's claims.
    index("claims_recent_idx").on(t.statusChangedAt.desc(), t.id),
    // Rejections whose notice is undelivered or whose appeal window is open: few, among a state's many.
    index("claims_notice_idx").on(t.noticeReceivedOn).where(sql`${t.status} IN ('sdlc_rejected', 'dlc_rejected')`),
  ],
);

export const claimDocuments = pgTable(
  "claim_documents",
  {
    id: uuid("id").primaryKey(),
    claimId: uuid("claim_id").notNull().references(() => claims.id),
    kind: text("kind").$type<"form_page" | "evidence">().notNull(),
    title: text("title").notNull(),
    page: integer("page").notNull().default(1),
    mime: text("mime").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("claim_documents_claim_idx").on(t.claimId)],
);

export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role").$type<Role>().notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// The audit trail: append-only (a trigger in the migrations refuses UPDATE and DELETE).
export const claimTransitions = pgTable(
  "claim_transitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    claimId: uuid("claim_id").notNull().references(() => claims.id),
    action: text("action").notNull(),
    fromStatus: text("from_status").$type<ClaimStatus>(),
    toStatus: text("to_status").$type<ClaimStatus>().notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    reason: text("reason").notNull(),
    claimVersion: integer("claim_version").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // A parcel edit keeps both shapes, so that no boundary is ever lost and each tablet can take the
    // new one from the trail. Null on other actions, and on edits made before migration 0012.
    parcelBefore: geometry("parcel_before", "MultiPolygon"),
    parcelAfter: geometry("parcel_after", "MultiPolygon"),
    // A grant's recognised extent, as the title states it. Null on other actions, and before migration 0013.
    areaTitledHa: real("area_titled_ha"),
    // The day a rejection notice reached the claimant, on its delivery's entry; null on any other.
    noticeReceivedOn: date("notice_received_on"),
    // The boundary's landmarks named at a field verification (migration 0016); null on any other entry.
    boundaryLandmarks: jsonb("boundary_landmarks").$type<BoundaryLandmarks>(),
    gsResolution: jsonb("gs_resolution").$type<RecordedResolution>(),
  },
  (t) => [index("claim_transitions_claim_idx").on(t.claimId, t.at)],
);

export const userDistricts = pgTable(
  "user_districts",
  {
    userId: uuid("user_id").notNull().references(() => users.id),
    districtId: integer("district_id").notNull().references(() => districts.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.districtId] })],
);

// Field staff work in blocks (tehsils): they see the claims of the villages there.
export const userTehsils = pgTable(
  "user_tehsils",
  {
    userId: uuid("user_id").notNull().references(() => users.id),
    tehsilId: integer("tehsil_id").notNull().references(() => tehsils.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tehsilId] })],
);

export const sessions = pgTable(
  "sessions",
  {
    // sha256 of the cookie token: a leaked table does not leak usable sessions.
    id: text("id").primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// Per-village counts kept current by a trigger on claims, so low-zoom tiles and the dashboard
// never scan a state's claims.
export const villageStats = pgTable(
  "village_stats",
  {
    villageId: integer("village_id").notNull().references(() => villages.id),
    districtId: integer("district_id").notNull(),
    tehsilId: integer("tehsil_id").notNull(),
    type: text("type").$type<ClaimType>().notNull(),
    status: text("status").$type<ClaimStatus>().notNull(),
    n: integer("n").notNull(),
    areaClaimedHa: real("area_claimed_ha").notNull(),
    areaTitledHa: real("area_titled_ha").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.villageId, t.type, t.status] }), index("village_stats_district_idx").on(t.districtId)],
);

// The same counts per tehsil (about 50 times fewer rows): a state's district circles add these up.
export const tehsilStats = pgTable(
  "tehsil_stats",
  {
    tehsilId: integer("tehsil_id").notNull().references(() => tehsils.id),
    districtId: integer("district_id").notNull(),
    type: text("type").$type<ClaimType>().notNull(),
    status: text("status").$type<ClaimStatus>().notNull(),
    n: integer("n").notNull(),
    areaClaimedHa: real("area_claimed_ha").notNull(),
    areaTitledHa: real("area_titled_ha").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tehsilId, t.type, t.status] })],
);


// The model registry. A version is registered as a candidate once its files are verified (checksums,
// onnxruntime parity, held-out F1); channels point at versions through model_releases, whose latest row
// per (name, channel) is the current one. Releases are append-only: publish and rollback both add a row.
export type ModelFile = { path: string; sha256: string; bytes: number };

export const modelVersions = pgTable(
  "model_versions",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    files: jsonb("files").$type<ModelFile[]>().notNull(),
    metrics: jsonb("metrics").$type<Record<string, unknown>>().notNull(),
    card: jsonb("card").$type<Record<string, unknown>>().notNull(),
    cardMarkdown: text("card_markdown").notNull(),
    parentRun: text("parent_run"),
    datasetVersion: text("dataset_version"),
    storeDir: text("store_dir").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("model_versions_name_version_idx").on(t.name, t.version)],
);

export const modelReleases = pgTable(
  "model_releases",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    name: text("name").notNull(),
    channel: text("channel").$type<"beta" | "stable">().notNull(),
    version: integer("version").notNull(),
    action: text("action").$type<"publish" | "rollback">().notNull(),
    gates: jsonb("gates").$type<unknown>().notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    reason: text("reason").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("model_releases_channel_idx").on(t.name, t.channel, t.id)],
);

// The idempotency ledger of field sync: one row per record a tablet sent and the server applied,
// written in the same transaction as the record itself, with the sha256 of its canonical content.
export const syncRecords = pgTable(
  "sync_records",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").$type<SyncRecordKind>().notNull(),
    contentSha256: text("content_sha256").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id),
    deviceId: uuid("device_id").notNull(),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sync_records_device_idx").on(t.deviceId, t.receivedAt)],
);

// What field staff changed in the model's extraction: training data once accepted.
export const corrections = pgTable(
  "corrections",
  {
    id: uuid("id").primaryKey(),
    claimId: uuid("claim_id").references(() => claims.id),
    text: text("text").notNull(),
    predicted: jsonb("predicted").$type<unknown[]>().notNull(),
    corrected: jsonb("corrected").$type<unknown[]>().notNull(),
    modelVersion: integer("model_version"),
    // The model's mean confidence over the fields it read on this text: the drift signal.
    meanConfidence: real("mean_confidence"),
    reviewerId: uuid("reviewer_id").notNull().references(() => users.id),
    status: text("status").$type<"new" | "accepted" | "rejected">().notNull().default("new"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("corrections_status_idx").on(t.status, t.createdAt)],
);

// Page photos from tablets arrive in chunks; an upload resumes at received_bytes after a drop, and
// becomes a claim document once the bytes are all there and their sha256 matches the tablet's.
export const uploads = pgTable("uploads", {
  id: uuid("id").primaryKey(),
  claimId: uuid("claim_id").notNull().references(() => claims.id),
  userId: uuid("user_id").notNull().references(() => users.id),
  mime: text("mime").notNull(),
  page: integer("page").notNull(),
  totalBytes: integer("total_bytes").notNull(),
  sha256: text("sha256").notNull(),
  receivedBytes: integer("received_bytes").notNull().default(0),
  data: bytea("data").notNull(),
  completedAt: timestamp("completed_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// --- Training and the admin console -------------------------------------------------------------

// A dataset version: the synthetic splits of a trainer config plus every accepted correction and
// imported row at the time, written once to a folder and named by the sha256 of its content.
export const datasetVersions = pgTable("dataset_versions", {
  version: text("version").primaryKey(),
  sha256: text("sha256").notNull().unique(),
  counts: jsonb("counts").$type<Record<string, number>>().notNull(),
  synthetic: jsonb("synthetic").$type<{ seed: number; train_examples: number; eval_examples: number }>().notNull(),
  corrections: integer("corrections").notNull(),
  imports: jsonb("imports").$type<string[]>().notNull(),
  dir: text("dir").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// A dataset an admin added by URL: downloaded, verified, every row validated, imported whole or not at all.
export const datasetSources = pgTable("dataset_sources", {
  id: uuid("id").primaryKey(),
  url: text("url").notNull(),
  expectedSha256: text("expected_sha256"),
  state: text("state").$type<"downloading" | "imported" | "failed">().notNull(),
  sha256: text("sha256"),
  bytes: integer("bytes"),
  rowsAccepted: integer("rows_accepted").notNull().default(0),
  rowsRejected: integer("rows_rejected").notNull().default(0),
  rejections: jsonb("rejections").$type<Array<{ where: string; message: string }>>().notNull().default([]),
  message: text("message"),
  file: text("file"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

// A teacher downloaded from a model-hub mirror (a trainer run's teacher, tokenizer and config).
export const baseModels = pgTable("base_models", {
  id: uuid("id").primaryKey(),
  repo: text("repo").notNull(),
  revision: text("revision").notNull(),
  state: text("state").$type<"downloading" | "ready" | "failed">().notNull(),
  files: jsonb("files").$type<Array<{ path: string; bytes: number; sha256: string }>>().notNull().default([]),
  dir: text("dir"),
  message: text("message"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// A training run and its place in the queue. The queue is this table: a restarted server reads it back.
export const trainingRuns = pgTable(
  "training_runs",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").$type<"train" | "distill">().notNull(),
    config: jsonb("config").$type<Record<string, unknown>>().notNull(),
    launcher: text("launcher").$type<"local" | "ssh" | "ray">().notNull(),
    state: text("state").$type<"queued" | "running" | "succeeded" | "failed" | "cancelled">().notNull(),
    stage: text("stage"),
    progress: real("progress").notNull().default(0),
    datasetVersion: text("dataset_version").references(() => datasetVersions.version),
    teacherFrom: text("teacher_from"),
    runDir: text("run_dir").notNull(),
    externalId: text("external_id"),
    attempts: integer("attempts").notNull().default(0),
    cancelRequested: integer("cancel_requested").notNull().default(0),
    error: text("error"),
    modelVersion: integer("model_version"),
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    publishTo: text("publish_to").$type<"beta" | "stable">(),
    trigger: text("trigger"),
    launchedBy: uuid("launched_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
  },
  (t) => [index("training_runs_state_idx").on(t.state, t.createdAt)],
);

// Every admin action (launch, cancel, publish, rollback, import, settings), append-only.
export const adminAudit = pgTable("admin_audit", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  actorId: uuid("actor_id").references(() => users.id),
  action: text("action").notNull(),
  target: text("target").notNull(),
  detail: jsonb("detail").$type<Record<string, unknown>>().notNull(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});

// Field tablets as they last reported themselves: which model version runs where.
export const devices = pgTable("devices", {
  id: uuid("id").primaryKey(),
  userId: uuid("user_id").notNull().references(() => users.id),
  modelVersion: integer("model_version"),
  backend: text("backend"),
  pendingRecords: integer("pending_records").notNull().default(0),
  lastSeen: timestamp("last_seen", { withTimezone: true }).notNull().defaultNow(),
});

// Settings an admin changes at run time (retrain triggers), validated by zod on the way in and out.
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// The last claim number used in each district: claim numbers count up per district without counting
// the district's claims on every insert (the row lock also serialises two tablets syncing at once).
export const claimCounters = pgTable("claim_counters", {
  districtId: integer("district_id").primaryKey().references(() => districts.id),
  last: integer("last").notNull(),
});

// Each district numbers the titles it issues afresh every calendar year (India Standard Time).
export const titleRegister = pgTable(
  "title_register",
  {
    districtId: integer("district_id").notNull().references(() => districts.id),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.year] })],
);

// A counter that every statement changing claims bumps (a trigger): rendered tiles are cached under it,
// so a cached tile is never older than the claims it shows.
export const dataVersion = pgTable("data_version", {
  id: integer("id").primaryKey(),
  claims: bigint("claims", { mode: "number" }).notNull(),
});

// What the line departments report of a village, imported by census code: Jal Jeevan Mission's count of
// households and of those with a tap connection, and whether the village is on DAJGUA's list. Each fact
// keeps the day it was true; a later import replaces it only with figures as new or newer. The scheme
// advice for the village's titles turns on these (configs/schemes.ts).
export const villageFacts = pgTable("village_facts", {
  villageId: integer("village_id").primaryKey().references(() => villages.id),
  households: integer("households"),
  householdsWithTap: integer("households_with_tap"),
  tapAsOf: date("tap_as_of"),
  dajgua: boolean("dajgua"),
  dajguaAsOf: date("dajgua_as_of"),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// What the district office has checked of a family's household once its individual title is granted:
// the facts that PM-KISAN's exclusions, PMAY-G and the household's own tap turn on. Null where not checked.
// Personal data: read with the claim, within the official's districts, never exported beyond a verdict.
export const titleHouseholds = pgTable("title_households", {
  claimId: uuid("claim_id").primaryKey().references(() => claims.id),
  pmKisanExclusion: text("pm_kisan_exclusion"),
  house: text("house"),
  onAwaasPlus: boolean("on_awaas_plus"),
  hasTap: boolean("has_tap"),
  version: integer("version").notNull(),
  recordedBy: uuid("recorded_by").notNull().references(() => users.id),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
});
