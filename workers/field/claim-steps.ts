// Steps taken on a claim on the tablet (a field verification where the land is, the Gram Sabha's
// resolution in the village, the day a rejection notice was handed over): each goes into the outbox as a
// `decision` or `notice_receipt` record, made on the claim version the tablet holds, and the server applies
// it only to that version (server/services/sync.ts). Until the server has answered, a claim shows the steps
// still waiting as if taken, so that a worker can verify a claim and then record its Gram Sabha's
// resolution before either has synced.
import type { ZodType } from "zod";
import { noticeReceiptInputSchema, type NoticeReceiptInput } from "@/configs/contracts/claims";
import type { AreaClaim } from "@/configs/contracts/field";
import { polygonsOf } from "@/configs/contracts/geojson";
import { decisionPayloadSchema, type SyncRecord } from "@/configs/contracts/sync";
import { indiaDayOf, longDate } from "@/configs/india-day";
import { resolutionDayProblem, type GramSabhaResolution } from "@/configs/gram-sabha-resolution";
import { asSentence } from "@/configs/sentence";
import {
  checkTransition, namedLandmarks, NOTICE_DELIVERY_LABELS, receiptDayProblem, REJECTED_STATUSES, STATUS_LABELS, STEP_WITH_BOUNDARY, transitionFor, type BoundaryLandmarks,
  type ClaimStatus, type WorkflowAction,
} from "@/configs/workflow";
import type { FieldDatabase, OutboxRow, ParcelRecord } from "@/workers/db/field-db";
import { selfIntersects } from "@/workers/geo/parcel";
import { enqueue } from "@/workers/sync/dexie-outbox";

type StepRecord = Extract<SyncRecord, { kind: "decision" | "notice_receipt" }>;

/** `value` as the sync's contract reads it; what the server would refuse throws here, in its words. */
function checkedByContract<T>(schema: ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}
export type StepRow = OutboxRow & { record: StepRecord };
const STEP_KINDS: StepRecord["kind"][] = ["decision", "notice_receipt"];

/** The tablet's steps, oldest first, grouped by claim. */
export async function stepsByClaim(db: FieldDatabase): Promise<Map<string, StepRow[]>> {
  const rows = (await db.outbox.where("kind").anyOf(STEP_KINDS).sortBy("seq")) as StepRow[];
  const byClaim = new Map<string, StepRow[]>();
  for (const row of rows) {
    const claimId = row.record.payload.id;
    const list = byClaim.get(claimId);
    if (list) list.push(row);
    else byClaim.set(claimId, [row]);
  }
  return byClaim;
}

/** What a step is, for the worker, and the words recorded with it: its reason, or a notice's delivery note. */
export function describeStep(step: StepRecord): { step: string; words: string } {
  if (step.kind === "notice_receipt") {
    const p = step.payload;
    return { step: `Rejection notice received on ${longDate(p.receivedOn)}, ${NOTICE_DELIVERY_LABELS[p.delivery]}`, words: p.note };
  }
  return { step: transitionFor(step.payload.action).label, words: step.payload.reason };
}

type SeenClaim = { status: ClaimStatus; version: number; noticeReceivedOn: string | null; waiting: StepRow[] };

/**
 * A claim as the tablet sees it: its cached status, version and notice receipt, moved on by the steps still
 * waiting to sync.
 */
export function withWaitingSteps(claim: AreaClaim, steps: readonly StepRow[]): SeenClaim {
  const waiting = steps.filter((d) => d.state === "pending");
  let { status, version } = claim;
  let noticeReceivedOn = claim.noticeReceivedOn ?? null;
  for (const { record } of waiting) {
    if (record.payload.expectedVersion !== version) continue; // made on an older copy: the server will answer a conflict
    if (record.kind === "notice_receipt") {
      noticeReceivedOn = record.payload.receivedOn;
      version += 1;
      continue;
    }
    const to = transitionFor(record.payload.action).to;
    if (to !== "rejecting_committee") status = to; // an appeal's rehearing is a committee's step, never the tablet's
    noticeReceivedOn = null; // any step out of a rejection leaves its notice behind, as on the server
    version += record.payload.parcel ? 2 : 1; // a boundary is its own edit, before the verification
  }
  return { status, version, noticeReceivedOn, waiting };
}

/**
 * The step the server refused last on a claim, while it is the claim's latest answer and the user has not
 * set it aside: a step recorded and synced after it answers it.
 */
export function refusedStep(steps: readonly StepRow[]): StepRow | undefined {
  const last = steps.filter((d) => d.state !== "pending").at(-1);
  return last && last.state !== "synced" && last.dismissedAt === undefined ? last : undefined;
}

/** Every claim's refused step still to be read, across the area. */
export function refusedSteps(byClaim: ReadonlyMap<string, readonly StepRow[]>): StepRow[] {
  return [...byClaim.values()].flatMap((list) => refusedStep(list) ?? []);
}

/** Sets a refused step aside once its worker has read why; the record stays in the outbox as it was. */
export async function dismissRefusedStep(db: FieldDatabase, step: StepRow): Promise<void> {
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
 * verification takes the boundary kept for it (keepVerificationParcel), in the same transaction, and the
 * landmarks named on each side, if any; a Gram Sabha's resolution states its number, day and attendance.
 */
export async function recordDecision(
  db: FieldDatabase, claim: AreaClaim, steps: readonly StepRow[], action: WorkflowAction, reason: string,
  { landmarks, gsResolution }: { landmarks?: BoundaryLandmarks | undefined; gsResolution?: GramSabhaResolution | undefined } = {}, now = Date.now(),
): Promise<void> {
  const seen = withWaitingSteps(claim, steps);
  const check = checkTransition({ action, from: seen.status, role: "field_staff", reason });
  if (!check.ok) throw new Error(check.message);
  // A copy of the area fetched before it carried the filing day leaves that check to the server.
  const dayProblem = gsResolution && resolutionDayProblem(gsResolution.passedOn, claim.filedOn ?? null, indiaDayOf(now));
  if (dayProblem) throw new Error(asSentence(dayProblem));
  const named = landmarks && namedLandmarks(landmarks); // blank sides are no landmarks, not a refusal
  await db.transaction("rw", db.outbox, db.verificationParcels, async () => {
    const kept = action === STEP_WITH_BOUNDARY ? await db.verificationParcels.get(claim.id) : undefined;
    // The server refuses such a boundary, and the verification with it: better said here, while it can be mapped again.
    const rings = kept ? polygonsOf(kept.parcel.geometry).flat() : [];
    if (rings.some((ring) => selfIntersects(ring))) throw new Error("The boundary as found crosses itself: map it again, or remove it to keep the parcel on record.");
    const parcel = kept ? { parcel: kept.parcel.geometry } : {};
    const payload = {
      id: claim.id, action, reason: reason.trim(), expectedVersion: seen.version, ...parcel, ...(named ? { landmarks: named } : {}), ...(gsResolution ? { gsResolution } : {}),
    };
    checkedByContract(decisionPayloadSchema, payload); // the sync's own rules: landmarks' length, a resolution's quorum, each only with its step
    await enqueue(db, [{ kind: "decision", id: crypto.randomUUID(), payload }]);
    if (kept) await db.verificationParcels.delete(claim.id);
  });
}

/**
 * Records, for the next sync, the day the claimant received the notice of the claim's rejection; refuses at
 * once what the server would refuse. The day of the rejection is checked when the tablet's copy has it (a
 * copy fetched before it knew of it has not: then the server checks it alone).
 */
export async function recordNoticeReceipt(db: FieldDatabase, claim: AreaClaim, steps: readonly StepRow[], receipt: Omit<NoticeReceiptInput, "id" | "expectedVersion">, now = Date.now()): Promise<void> {
  const seen = withWaitingSteps(claim, steps);
  if (!REJECTED_STATUSES.includes(seen.status)) throw new Error(`Only a rejected claim has a rejection notice to deliver; this one is ${STATUS_LABELS[seen.status]}.`);
  const payload = checkedByContract(noticeReceiptInputSchema, { ...receipt, id: claim.id, expectedVersion: seen.version });
  const problem = receiptDayProblem(payload.receivedOn, claim.rejectedOn ?? null, indiaDayOf(now));
  if (problem) throw new Error(asSentence(problem));
  await enqueue(db, [{ kind: "notice_receipt", id: crypto.randomUUID(), payload }]);
}
