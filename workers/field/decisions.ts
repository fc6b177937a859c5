// Workflow steps taken on the tablet (a field verification where the land is, the Gram Sabha's resolution
// in the village): each goes into the outbox as a `decision` record, made on the claim version the tablet
// holds, and the server applies it only to that version (server/services/sync.ts). Until the server has
// answered, a claim shows the steps still waiting as if taken, so that a worker can verify a claim and
// then record its Gram Sabha's resolution before either has synced.
import type { AreaClaim } from "@/configs/contracts/field";
import { polygonsOf } from "@/configs/contracts/geojson";
import type { SyncRecord } from "@/configs/contracts/sync";
import { checkTransition, STEP_WITH_BOUNDARY, transitionFor, type ClaimStatus, type WorkflowAction } from "@/configs/workflow";
import type { FieldDatabase, OutboxRow, ParcelRecord } from "@/workers/db/field-db";
import { selfIntersects } from "@/workers/geo/parcel";
import { enqueue } from "@/workers/sync/dexie-outbox";

type DecisionRecord = Extract<SyncRecord, { kind: "decision" }>;
export type DecisionRow = OutboxRow & { record: DecisionRecord };

/** The tablet's decisions, oldest first, grouped by claim. */
export async function decisionsByClaim(db: FieldDatabase): Promise<Map<string, DecisionRow[]>> {
  const rows = (await db.outbox.where("kind").equals("decision").sortBy("seq")) as DecisionRow[];
  const byClaim = new Map<string, DecisionRow[]>();
  for (const row of rows) {
    const claimId = row.record.payload.id;
    const list = byClaim.get(claimId);
    if (list) list.push(row);
    else byClaim.set(claimId, [row]);
  }
  return byClaim;
}

/** A claim as the tablet sees it: its cached status and version, moved on by the steps still waiting to sync. */
export function withWaitingSteps(claim: AreaClaim, decisions: readonly DecisionRow[]): { status: ClaimStatus; version: number; waiting: DecisionRow[] } {
  const waiting = decisions.filter((d) => d.state === "pending");
  let { status, version } = claim;
  for (const d of waiting) {
    if (d.record.payload.expectedVersion !== version) continue; // made on an older copy: the server will answer a conflict
    const to = transitionFor(d.record.payload.action).to;
    if (to !== "rejecting_committee") status = to; // an appeal's rehearing is a committee's step, never the tablet's
    version += d.record.payload.parcel ? 2 : 1; // a boundary is its own edit, before the verification
  }
  return { status, version, waiting };
}

/**
 * The step the server refused last on a claim, while it is the claim's latest answer and the user has not
 * set it aside: a step recorded and synced after it answers it.
 */
export function refusedStep(decisions: readonly DecisionRow[]): DecisionRow | undefined {
  const last = decisions.filter((d) => d.state !== "pending").at(-1);
  return last && last.state !== "synced" && last.dismissedAt === undefined ? last : undefined;
}

/** Every claim's refused step still to be read, across the area. */
export function refusedSteps(byClaim: ReadonlyMap<string, readonly DecisionRow[]>): DecisionRow[] {
  return [...byClaim.values()].flatMap((list) => refusedStep(list) ?? []);
}

/** Sets a refused step aside once its worker has read why; the record stays in the outbox as it was. */
export async function dismissRefusedStep(db: FieldDatabase, step: DecisionRow): Promise<void> {
  await db.outbox.where("id").equals(step.id).modify((row) => {
    if (row.state === "conflict" || row.state === "rejected") row.dismissedAt = Date.now();
  });
}

/** Keeps (or with null, drops) the parcel boundary mapped for a claim's coming field verification. */
export async function keepVerificationParcel(db: FieldDatabase, claimId: string, parcel: ParcelRecord | null): Promise<void> {
  if (parcel) await db.verificationParcels.put({ claimId, parcel, updatedAt: Date.now() });
  else await db.verificationParcels.delete(claimId);
}

/**
 * Records a step on a claim for the next sync; refuses at once what the server would refuse. A field
 * verification takes the boundary kept for it (keepVerificationParcel), in the same transaction.
 */
export async function recordDecision(db: FieldDatabase, claim: AreaClaim, decisions: readonly DecisionRow[], action: WorkflowAction, reason: string): Promise<void> {
  const seen = withWaitingSteps(claim, decisions);
  const check = checkTransition({ action, from: seen.status, role: "field_staff", reason });
  if (!check.ok) throw new Error(check.message);
  await db.transaction("rw", db.outbox, db.verificationParcels, async () => {
    const kept = action === STEP_WITH_BOUNDARY ? await db.verificationParcels.get(claim.id) : undefined;
    // The server refuses such a boundary, and the verification with it: better said here, while it can be mapped again.
    const rings = kept ? polygonsOf(kept.parcel.geometry).flat() : [];
    if (rings.some((ring) => selfIntersects(ring))) throw new Error("The boundary as found crosses itself: map it again, or remove it to keep the parcel on record.");
    const parcel = kept ? { parcel: kept.parcel.geometry } : {};
    await enqueue(db, [{ kind: "decision", id: crypto.randomUUID(), payload: { id: claim.id, action, reason: reason.trim(), expectedVersion: seen.version, ...parcel } }]);
    if (kept) await db.verificationParcels.delete(claim.id);
  });
}
