// Field sync, server side. Each record is applied together with its ledger row (sync_records) in its own
// savepoint of the batch's transaction, so a crash or a dropped connection leaves either both or
// neither: the tablet resends, and the resend is recognised by id and content hash.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { PulledChange, PullPage, SyncOutcome, SyncPushInput, SyncRecord } from "@/configs/contracts/sync";
import type { SessionUser } from "@/server/auth/session";
import { rows, transaction, type Db } from "@/server/db/client";
import { canonicalJson } from "@/workers/sync/canonical";
import { createClaim } from "./claims";
import { DomainError } from "./errors";
import { requireRole, scopeCondition } from "./scope";

export const contentHash = (record: SyncRecord) => createHash("sha256").update(canonicalJson(record)).digest("hex");

export async function pushRecords(db: Db, user: SessionUser, input: SyncPushInput): Promise<SyncOutcome[]> {
  requireRole(user, ["field_staff", "district_official"]);
  // One transaction per batch, one savepoint per record: a record the server refuses rolls back alone,
  // and a crash mid-batch rolls the batch back whole (the tablet sends it again). One commit per batch
  // instead of one per record is what makes a thousand records quick.
  return transaction(db, async (tx) => {
    const outcomes: SyncOutcome[] = [];
    // In order: a correction may refer to a claim earlier in the same batch.
    for (const record of input.records) outcomes.push(await applyRecord(tx, user, input.deviceId, record));
    return outcomes;
  });
}

async function applyRecord(db: Db, user: SessionUser, deviceId: string, record: SyncRecord): Promise<SyncOutcome> {
  const hash = contentHash(record);
  try {
    return await transaction(db, async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`fra-sync:${record.id}`}))`);
      const [seen] = await rows<{ content_sha256: string; result: Record<string, unknown> }>(tx, sql`SELECT content_sha256, result FROM sync_records WHERE id = ${record.id}`);
      if (seen) {
        if (seen.content_sha256 === hash) return { id: record.id, status: "duplicate", detail: seen.result };
        return { id: record.id, status: "conflict", message: `the server already has a different ${record.kind} with this id: keep the server's, or send yours as a new record`, server: await serverCopy(tx, record) };
      }
      const detail = record.kind === "claim" ? await applyClaim(tx, user, record) : await applyCorrection(tx, user, record);
      await tx.execute(sql`INSERT INTO sync_records (id, kind, content_sha256, user_id, device_id, result)
        VALUES (${record.id}, ${record.kind}, ${hash}, ${user.id}, ${deviceId}, ${JSON.stringify(detail)}::jsonb)`);
      return { id: record.id, status: "applied", detail };
    });
  } catch (error) {
    // Nothing was written (the transaction rolled back); the tablet keeps the record and shows why.
    if (error instanceof DomainError) return { id: record.id, status: "rejected", message: error.message };
    throw error;
  }
}

async function applyClaim(tx: Db, user: SessionUser, record: Extract<SyncRecord, { kind: "claim" }>) {
  if (record.payload.id && record.payload.id !== record.id) throw new DomainError("BAD_REQUEST", "the claim's id differs from its record id");
  const [existing] = await rows<{ claim_no: string }>(tx, sql`SELECT claim_no FROM claims WHERE id = ${record.id}`);
  if (existing) throw new DomainError("CONFLICT", `claim ${existing.claim_no} already has this id`);
  const created = await createClaim(tx, user, { ...record.payload, id: record.id });
  return { claimId: created.id, claimNo: created.claimNo, version: created.version };
}

async function applyCorrection(tx: Db, user: SessionUser, record: Extract<SyncRecord, { kind: "correction" }>) {
  const c = record.payload;
  if (c.claimId) {
    const [claim] = await rows<{ id: string }>(tx, sql`SELECT c.id FROM claims c WHERE c.id = ${c.claimId} AND ${scopeCondition(user)}`);
    if (!claim) throw new DomainError("BAD_REQUEST", `the correction refers to claim ${c.claimId}, which is not on the server or not in your area`);
  }
  await tx.execute(sql`INSERT INTO corrections (id, claim_id, text, predicted, corrected, model_version, mean_confidence, reviewer_id)
    VALUES (${record.id}, ${c.claimId}, ${c.text}, ${JSON.stringify(c.predicted)}::jsonb, ${JSON.stringify(c.corrected)}::jsonb, ${c.modelVersion}, ${c.meanConfidence ?? null}, ${user.id})`);
  return { correctionId: record.id };
}

async function serverCopy(tx: Db, record: SyncRecord): Promise<Record<string, unknown>> {
  if (record.kind === "claim") {
    const [claim] = await rows<Record<string, unknown>>(tx, sql`SELECT id, claim_no AS "claimNo", claimant_name AS "claimantName", village_id AS "villageId",
      area_claimed_ha AS "areaClaimedHa", status, version FROM claims WHERE id = ${record.id}`);
    return claim ?? {};
  }
  const [correction] = await rows<Record<string, unknown>>(tx, sql`SELECT id, claim_id AS "claimId", text, corrected FROM corrections WHERE id = ${record.id}`);
  return correction ?? {};
}

/** Workflow changes to claims in the user's area after `cursor` (the audit trail's sequence). */
export async function pullChanges(db: Db, user: SessionUser, input: { cursor: number; limit: number }): Promise<PullPage> {
  const changes = await rows<PulledChange>(db, sql`
    SELECT t.id::int AS seq, t.claim_id AS "claimId", t.action, t.to_status AS status, t.claim_version AS version, t.reason, t.at::text AS at
    FROM claim_transitions t JOIN claims c ON c.id = t.claim_id
    WHERE t.id > ${input.cursor} AND ${scopeCondition(user)}
    ORDER BY t.id LIMIT ${input.limit + 1}`);
  const page = changes.slice(0, input.limit);
  return { changes: page, cursor: page.at(-1)?.seq ?? input.cursor, more: changes.length > input.limit };
}
