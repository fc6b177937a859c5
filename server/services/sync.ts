// Field sync, server side. A batch is one transaction: each record is checked first (reads only, so a
// refused record has written nothing) and then written together with its ledger row (sync_records).
// A crash or a dropped connection rolls the whole batch back; the tablet resends it, and a resend is
// recognised by id and content hash. Lookups are made once per batch, not once per record: on the
// embedded database every statement costs a round trip through PGlite, and this is what makes a
// thousand records quick.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { MultiPolygonGeometry } from "@/configs/contracts/geojson";
import { syncRecordSchema, type PulledChange, type PullPage, type SyncOutcome, type SyncPushInput, type SyncRecord } from "@/configs/contracts/sync";
import type { SessionUser } from "@/server/auth/session";
import { rows, sqlList, transaction, type Db } from "@/server/db/client";
import { canonicalJson } from "@/workers/sync/canonical";
import { checkedTransition, checkNewClaim, claimVillages, insertClaim, lockAuditTrail, type ClaimVillage } from "./claims";
import { DomainError } from "./errors";
import { checkedNoticeReceipt } from "./notices";
import { requireRole, scopeCondition } from "./scope";

export const contentHash = (record: SyncRecord) => createHash("sha256").update(canonicalJson(record)).digest("hex");

type ClaimRecord = Extract<SyncRecord, { kind: "claim" }>;
type CorrectionRecord = Extract<SyncRecord, { kind: "correction" }>;
type DecisionRecord = Extract<SyncRecord, { kind: "decision" }>;
type NoticeReceiptRecord = Extract<SyncRecord, { kind: "notice_receipt" }>;
type LedgerEntry = { hash: string; result: Record<string, unknown> };

/** What a batch's checks need from the database, read once for the whole batch. */
type BatchLookups = {
  ledger: Map<string, LedgerEntry>; // records already applied, by id
  villages: Map<number, ClaimVillage>; // villages the user may file claims in
  claimNos: Map<string, string>; // claims already on the server under a record's id
  claimsInScope: Set<string>; // claims the user's corrections may refer to (grows as the batch adds claims)
};

export async function pushRecords(db: Db, user: SessionUser, input: SyncPushInput): Promise<SyncOutcome[]> {
  requireRole(user, ["field_staff", "district_official"]);
  return transaction(db, async (tx) => {
    const checked = input.records.map((envelope) => ({ envelope, parsed: syncRecordSchema.safeParse(envelope) }));
    const records = checked.flatMap((c) => (c.parsed.success ? [c.parsed.data] : []));
    if (records.some((r) => r.kind !== "correction")) await lockAuditTrail(tx); // a new claim's first audit entry, a step's
    const lookups = await batchLookups(tx, user, input.records.map((r) => r.id), records);
    const outcomes: SyncOutcome[] = [];
    const applied: { record: SyncRecord; entry: LedgerEntry }[] = [];
    // In order: a correction may refer to a claim earlier in the same batch.
    for (const { envelope, parsed } of checked) {
      if (!parsed.success) {
        // Applied once under an earlier contract, its answer lost: the ledger has it, so it is a duplicate.
        const seen = lookups.ledger.get(envelope.id);
        outcomes.push(seen
          ? { id: envelope.id, status: "duplicate", detail: seen.result }
          : { id: envelope.id, status: "rejected", message: `not a valid ${envelope.kind} record: ${parsed.error.issues.map((i) => i.message).join("; ")}` });
        continue;
      }
      const record = parsed.data;
      const hash = contentHash(record);
      const seen = lookups.ledger.get(record.id);
      if (seen) {
        outcomes.push(seen.hash === hash
          ? { id: record.id, status: "duplicate", detail: seen.result }
          : { id: record.id, status: "conflict", message: `the server already has a different ${record.kind} with this id: keep the server's, or send yours as a new record`, server: await serverCopy(tx, user, record) });
        continue;
      }
      let write: () => Promise<Record<string, unknown>>;
      try {
        write = record.kind === "claim" ? await checkClaimRecord(tx, user, record, lookups)
          : record.kind === "decision" ? await checkDecisionRecord(tx, user, record)
          : record.kind === "notice_receipt" ? await checkNoticeReceiptRecord(tx, user, record)
          : checkCorrectionRecord(tx, user, record, lookups);
      } catch (error) {
        // Refused before anything was written; the tablet keeps the record and shows why. A step on a
        // claim that moved on since the tablet's copy is a conflict: the server's state is sent back.
        if (error instanceof DomainError && (record.kind === "decision" || record.kind === "notice_receipt") && error.code === "CONFLICT") {
          outcomes.push({ id: record.id, status: "conflict", message: error.message, server: await serverCopy(tx, user, record) });
          continue;
        }
        if (error instanceof DomainError) {
          outcomes.push({ id: record.id, status: "rejected", message: error.message });
          continue;
        }
        throw error;
      }
      const entry = { hash, result: await write() };
      lookups.ledger.set(record.id, entry);
      applied.push({ record, entry });
      outcomes.push({ id: record.id, status: "applied", detail: entry.result });
    }
    await writeLedger(tx, user, input.deviceId, applied);
    return outcomes;
  });
}

/** `ids`: every record's of the batch, those the contract refused among them; `records`: those it took. */
async function batchLookups(tx: Db, user: SessionUser, ids: readonly string[], records: readonly SyncRecord[]): Promise<BatchLookups> {
  // Sorted, so two batches sharing records (a resend racing the original) queue instead of deadlocking;
  // the ledger is read after the locks, so the second sees what the first committed.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(k)) FROM (SELECT DISTINCT 'fra-sync:' || id AS k FROM unnest(ARRAY[${sqlList(ids)}]::text[]) id ORDER BY k) locks`);
  const ledgerRows = await rows<{ id: string; content_sha256: string; result: Record<string, unknown> }>(tx, sql`SELECT id, content_sha256, result FROM sync_records WHERE id IN (${sqlList(ids)})`);
  const claims = records.filter((r): r is ClaimRecord => r.kind === "claim");
  const referenced = records.flatMap((r) => (r.kind === "correction" && r.payload.claimId ? [r.payload.claimId] : []));
  const existing = claims.length ? await rows<{ id: string; claim_no: string }>(tx, sql`SELECT id, claim_no FROM claims WHERE id IN (${sqlList(claims.map((c) => c.id))})`) : [];
  const inScope = referenced.length ? await rows<{ id: string }>(tx, sql`SELECT c.id FROM claims c WHERE c.id IN (${sqlList(referenced)}) AND ${scopeCondition(user)}`) : [];
  return {
    ledger: new Map(ledgerRows.map((r) => [r.id, { hash: r.content_sha256, result: r.result }])),
    villages: await claimVillages(tx, user, claims.map((c) => c.payload.villageId)),
    claimNos: new Map(existing.map((c) => [c.id, c.claim_no])),
    claimsInScope: new Set(inScope.map((c) => c.id)),
  };
}

async function checkClaimRecord(tx: Db, user: SessionUser, record: ClaimRecord, lookups: BatchLookups) {
  if (record.payload.id && record.payload.id !== record.id) throw new DomainError("BAD_REQUEST", "the claim's id differs from its record id");
  const existing = lookups.claimNos.get(record.id);
  if (existing) throw new DomainError("CONFLICT", `claim ${existing} already has this id`);
  const checked = await checkNewClaim(tx, { ...record.payload, id: record.id }, lookups.villages);
  return async () => {
    const created = await insertClaim(tx, user, checked);
    lookups.claimsInScope.add(created.id);
    return { claimId: created.id, claimNo: created.claimNo, version: created.version };
  };
}

function checkCorrectionRecord(tx: Db, user: SessionUser, record: CorrectionRecord, lookups: BatchLookups) {
  const c = record.payload;
  if (c.claimId && !lookups.claimsInScope.has(c.claimId)) {
    throw new DomainError("BAD_REQUEST", `the correction refers to claim ${c.claimId}, which is not on the server or not in your area`);
  }
  return async () => {
    await tx.execute(sql`INSERT INTO corrections (id, claim_id, text, predicted, corrected, model_version, mean_confidence, reviewer_id)
      VALUES (${record.id}, ${c.claimId}, ${c.text}, ${JSON.stringify(c.predicted)}::jsonb, ${JSON.stringify(c.corrected)}::jsonb, ${c.modelVersion}, ${c.meanConfidence ?? null}, ${user.id})`);
    return { correctionId: record.id };
  };
}

async function checkDecisionRecord(tx: Db, user: SessionUser, record: DecisionRecord) {
  const write = await checkedTransition(tx, user, record.payload);
  return async () => {
    const done = await write();
    return { claimId: done.id, status: done.status, version: done.version };
  };
}

async function checkNoticeReceiptRecord(tx: Db, user: SessionUser, record: NoticeReceiptRecord) {
  const write = await checkedNoticeReceipt(tx, user, record.payload);
  return async () => {
    const done = await write();
    return { claimId: done.id, version: done.version, appealBy: done.appealWindow.appealBy };
  };
}

/** The ledger rows of a batch's applied records, in one statement at the end of its transaction. */
async function writeLedger(tx: Db, user: SessionUser, deviceId: string, applied: readonly { record: SyncRecord; entry: LedgerEntry }[]) {
  if (applied.length === 0) return;
  const values = applied.map(({ record, entry }) => sql`(${record.id}, ${record.kind}, ${entry.hash}, ${user.id}, ${deviceId}, ${JSON.stringify(entry.result)}::jsonb)`);
  await tx.execute(sql`INSERT INTO sync_records (id, kind, content_sha256, user_id, device_id, result) VALUES ${sql.join(values, sql`, `)}`);
}

/** The server's side of a conflict: the claim if the user may see it, or the user's own correction. */
async function serverCopy(tx: Db, user: SessionUser, record: SyncRecord): Promise<Record<string, unknown>> {
  if (record.kind !== "correction") {
    const claimId = record.kind === "claim" ? record.id : record.payload.id;
    const [claim] = await rows<Record<string, unknown>>(tx, sql`SELECT c.id, c.claim_no AS "claimNo", c.claimant_name AS "claimantName", c.village_id AS "villageId",
      c.area_claimed_ha AS "areaClaimedHa", c.status, c.version FROM claims c WHERE c.id = ${claimId} AND ${scopeCondition(user)}`);
    return claim ?? {};
  }
  const [correction] = await rows<Record<string, unknown>>(tx, sql`SELECT id, claim_id AS "claimId", text, corrected FROM corrections WHERE id = ${record.id} AND reviewer_id = ${user.id}`);
  return correction ?? {};
}

/** Workflow changes to claims in the user's area after `cursor` (the audit trail's sequence). */
export async function pullChanges(db: Db, user: SessionUser, input: { cursor: number; limit: number }): Promise<PullPage> {
  const found = await rows<Omit<PulledChange, "parcel" | "noticeReceivedOn"> & { parcel: string | null; noticeReceivedOn: string | null }>(db, sql`
    SELECT t.id::int AS seq, t.claim_id AS "claimId", c.village_id AS "villageId", t.action, t.to_status AS status, t.claim_version AS version, t.reason, t.at::text AS at,
           (t.at AT TIME ZONE 'Asia/Kolkata')::date::text AS "indiaDay",
           ST_AsGeoJSON(t.parcel_after, 7) AS parcel, t.notice_received_on::text AS "noticeReceivedOn"
    FROM claim_transitions t JOIN claims c ON c.id = t.claim_id
    WHERE t.id > ${input.cursor} AND ${scopeCondition(user)}
    ORDER BY t.id LIMIT ${input.limit + 1}`);
  const page = found.slice(0, input.limit).map(({ parcel, noticeReceivedOn, ...change }): PulledChange => ({
    ...change,
    ...(parcel === null ? {} : { parcel: JSON.parse(parcel) as MultiPolygonGeometry }),
    ...(noticeReceivedOn === null ? {} : { noticeReceivedOn }),
  }));
  return { changes: page, cursor: page.at(-1)?.seq ?? input.cursor, more: found.length > input.limit };
}
