// The tablet's own databases (IndexedDB through Dexie). Everything a field worker captures lives in their
// FieldDatabase until the server has it: page images as Blobs, OCR output, extracted fields, corrections,
// parcels and the outbox. The DeviceDatabase holds what is not anyone's work: the device id, the pinned
// model-signing key and the verified field models, which the NER worker reads.
import Dexie, { type EntityTable } from "dexie";
import type { CommunityRight } from "@/configs/community-rights";
import type { PulledChange, SyncRecord } from "@/configs/contracts/sync";
import type { PolygonGeometry } from "@/configs/contracts/geojson";
import type { AreaClaim, FieldArea, FormField } from "@/configs/contracts/field";
import type { FormFieldKey } from "@/configs/field";
import type { ManifestModel, ModelGraph } from "@/configs/models";
import type { EntitySpan } from "@/configs/ner";
import type { ClaimStatus, ClaimType } from "@/configs/workflow";
import type { SecondLookGave } from "@/workers/field/second-look";
import type { ExtractedEntity } from "@/workers/ner/decode";
import { groupByVillage } from "./area-claims";

export type DraftState = "editing" | "queued" | "synced" | "conflict" | "rejected";

export type ParcelRecord = {
  geometry: PolygonGeometry;
  method: "drawn" | "walked";
  areaHa: number;
  warnings: string[];
  accuracyM: number | null; // the worst GPS accuracy kept on a walked boundary
};

export type Extraction = {
  text: string; // the pages' OCR text joined, which every span indexes into
  pageOffsets: Array<{ pageId: string; start: number; end: number }>;
  entities: ExtractedEntity[];
  modelVersion: number | null;
  backend: "webgpu" | "wasm";
  ms: number;
  at: number;
  /** The fields a second, sparse-text reading gave, and the first page it gave them on (workers/field/second-look.ts). */
  secondLook?: { pageId: string; fields: SecondLookGave[] } | null;
  /** Drafts read before the second look took other names: the page whose second reading gave the claimant. */
  claimantSecondLookPageId?: string | null;
  /** The page whose claimant line, read again alone, gave the Devanagari name (workers/field/devanagari-line.ts). */
  claimantLocalRereadPageId?: string | null;
  /** The page where a survey or khasra number tesseract was unsure of was read again (workers/field/unsure-numbers.ts). */
  khasraRereadPageId?: string | null;
  /** The page where a date no claim can have (a year read as "2609") was read again (workers/field/date-reread.ts). */
  dateRereadPageId?: string | null;
  /** Form C's bordering villages as read from the page (workers/field/bordering-villages-item.ts); null on another form. */
  borderingVillages?: string[] | null;
  /** Form B's claimant community and rights as read from the page (workers/field/form-b-items.ts); null on another form. */
  community?: string | null;
  rights?: { claimed: CommunityRight[]; unread: CommunityRight[] } | null;
};

export type Draft = {
  id: string; // client-made UUID: the claim's id on the server and its sync record id
  createdAt: number;
  updatedAt: number;
  state: DraftState;
  type: ClaimType;
  fields: Record<FormFieldKey, FormField>;
  villageId: number | null;
  // Form C's bordering villages as the worker typed them (a community forest resource claim's only; absent
  // from drafts made before they were asked for).
  borderingVillages?: string;
  // A community's claim: the community as Form B's item 1 names it, and the rights a community rights
  // claim (Form B) claims (absent from drafts made before they were asked for).
  community?: string;
  rightsClaimed?: CommunityRight[];
  parcel: ParcelRecord | null;
  extraction: Extraction | null;
  server: { claimNo: string; version: number; status: ClaimStatus } | null;
  message: string | null; // why the server refused it, or a conflict to resolve
};

export type OcrWord = { text: string; confidence: number; start: number; end: number; line: number; bbox: [number, number, number, number] };

export type PageRecord = {
  id: string;
  draftId: string;
  index: number; // 1-based page number
  image: Blob; // deskewed, downscaled, contrast-stretched JPEG: shown, OCR'd and uploaded
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  originalName: string;
  originalBytes: number;
  skewDegrees: number;
  createdAt: number;
  ocr: { state: "pending" | "running" | "done" | "failed" | "cancelled"; text: string; words: OcrWord[]; confidence: number; ms: number; message: string | null };
  upload: { state: "waiting" | "done" | "failed"; offset: number; message: string | null };
};

export type CorrectionRecord = {
  id: string;
  draftId: string;
  text: string;
  predicted: EntitySpan[];
  corrected: EntitySpan[];
  edits: Array<{ field: FormFieldKey; from: string; to: string; at: number }>;
  modelVersion: number | null;
  updatedAt: number;
};

export type OutboxRow = {
  seq?: number; // insertion order: the outbox sends oldest first
  id: string; // the record's id
  kind: SyncRecord["kind"];
  record: SyncRecord;
  state: "pending" | "synced" | "conflict" | "rejected";
  attempts: number;
  message?: string;
  createdAt: number;
  settledAt?: number;
  dismissedAt?: number; // a refused record the user has read and set aside; kept, never deleted
};

export type MetaRow = { key: string; value: unknown };
// A parcel boundary mapped for a claim's field verification, kept until the verification is recorded
// with it (an hour's walk must survive a reload).
export type VerificationParcelRow = { claimId: string; parcel: ParcelRecord; updatedAt: number };
// The user's area for offline work: villages in one row, the claims already filed there one row per
// village (see workers/db/area-claims.ts).
export type AreaRow = { key: "area"; area: Omit<FieldArea, "claims" | "changesCursor">; userId: string; fetchedAt: number };
export type VillageClaimsRow = { villageId: number; claims: AreaClaim[] };
export type StatusChangeRow = PulledChange;

export type ModelRow = {
  key: string; // name/version
  name: string;
  version: number;
  entry: ManifestModel;
  state: "downloading" | "verified" | "failed";
  role: "active" | "previous" | "candidate";
  receivedBytes: number;
  totalBytes: number;
  message: string | null;
  verifiedAt: number | null;
  /** The graphs held and verified; absent on rows from before graphs were chosen, which hold both. */
  graphs?: ModelGraph[];
};
export type ModelFileRow = { key: string; model: string; path: string; data: Blob; sha256: string | null; complete: boolean };

/** One user's work on this tablet: a database per user, so that nobody's drafts go up under another login. */
export class FieldDatabase extends Dexie {
  drafts!: EntityTable<Draft, "id">;
  pages!: EntityTable<PageRecord, "id">;
  corrections!: EntityTable<CorrectionRecord, "id">;
  outbox!: EntityTable<OutboxRow, "seq">;
  meta!: EntityTable<MetaRow, "key">;
  area!: EntityTable<AreaRow, "key">;
  villageClaims!: EntityTable<VillageClaimsRow, "villageId">;
  changes!: EntityTable<StatusChangeRow, "seq">;
  verificationParcels!: EntityTable<VerificationParcelRow, "claimId">;

  constructor(userId: string, prefix = "fra-field") {
    super(`${prefix}-${userId}`);
    this.version(1).stores({
      drafts: "id, state, updatedAt",
      pages: "id, draftId, [draftId+index]",
      corrections: "id, &draftId",
      outbox: "++seq, &id, state",
      meta: "key",
      area: "key",
      areaClaims: "id, villageId",
      changes: "seq, claimId",
    });
    // v2: the area's claims move from a row each to a row per village. IndexedDB's cost is per row, so
    // refreshing a block's 20,000 claims took seconds; the map reads them a village at a time anyway.
    this.version(2)
      .stores({ villageClaims: "villageId" })
      .upgrade(async (tx) => {
        const claims = (await tx.table("areaClaims").toArray()) as AreaClaim[];
        await tx.table("villageClaims").bulkPut(groupByVillage(claims));
      });
    this.version(3).stores({ areaClaims: null });
    // v4: the outbox by kind, so that the workflow steps' page reads its decisions, not every claim and
    // correction the tablet ever sent.
    this.version(4).stores({ outbox: "++seq, &id, state, kind" });
    this.version(5).stores({ verificationParcels: "claimId" });
  }
}

/** What the tablet holds for everyone: its id, who used it last, the pinned signing key, and the field models. */
export class DeviceDatabase extends Dexie {
  meta!: EntityTable<MetaRow, "key">;
  models!: EntityTable<ModelRow, "key">;
  modelFiles!: EntityTable<ModelFileRow, "key">;

  constructor(name = "fra-device") {
    super(name);
    this.version(1).stores({ meta: "key", models: "key, name, role", modelFiles: "key, model" });
  }
}

let device: DeviceDatabase | null = null;
export function deviceDb(): DeviceDatabase {
  device ??= new DeviceDatabase();
  return device;
}

const fieldDbs = new Map<string, FieldDatabase>();
export function fieldDbFor(userId: string): FieldDatabase {
  let db = fieldDbs.get(userId);
  if (!db) fieldDbs.set(userId, (db = new FieldDatabase(userId)));
  return db;
}

type MetaDb = FieldDatabase | DeviceDatabase;

export async function getMeta<T>(db: MetaDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}
export const setMeta = (db: MetaDb, key: string, value: unknown) => db.meta.put({ key, value });

/** This tablet's id, made once and kept: the server records which device sent what. */
export async function deviceId(db: DeviceDatabase): Promise<string> {
  return db.transaction("rw", db.meta, async () => {
    const known = await getMeta<string>(db, "deviceId");
    if (known) return known;
    const id = crypto.randomUUID();
    await setMeta(db, "deviceId", id);
    return id;
  });
}

/** Storage errors in words a field worker can act on; anything else unchanged. */
export function storageMessage(error: unknown): string {
  const name = error instanceof Error ? (error as Error & { inner?: Error }).inner?.name ?? error.name : "";
  if (name === "QuotaExceededError" || /quota/i.test(String(error))) {
    return "The tablet's storage for this app is full, so this was not saved (everything saved before is intact). Sync and remove synced drafts, or free space on the tablet, then try again.";
  }
  return error instanceof Error ? error.message : String(error);
}
