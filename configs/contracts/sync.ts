// What a field tablet's outbox sends and receives. Every record carries the id the tablet gave it; the
// server applies a record once, answers a resend of the same content as a duplicate, and reports a
// different content under a known id as a conflict for the user to resolve (never an overwrite).
import { z } from "zod";
import { entitySpanSchema, MAX_EXAMPLE_CHARS } from "../ner";
import { BOUNDARY_ONLY_WITH_VERIFICATION, STEP_WITH_BOUNDARY, type ClaimStatus } from "../workflow";
import { newClaimSchema, noticeReceiptInputSchema, stepFieldsRule, transitionFieldsSchema } from "./claims";
import { polygonGeometrySchema, type MultiPolygonGeometry } from "./geojson";

const spansWithin = (text: string, spans: ReadonlyArray<{ start: number; end: number }>) => spans.every((s) => s.end <= text.length);

// A field correction: what the model predicted on an OCR text and what the user settled on.
export const correctionPayloadSchema = z
  .object({
    claimId: z.string().uuid().nullable(),
    text: z.string().min(1).max(MAX_EXAMPLE_CHARS),
    predicted: z.array(entitySpanSchema).max(500),
    corrected: z.array(entitySpanSchema).max(500),
    modelVersion: z.number().int().positive().nullable(),
    // The model's mean confidence over what it read: how sure it was, for drift monitoring.
    meanConfidence: z.number().min(0).max(1).nullable().optional(),
  })
  .strict()
  .refine((c) => spansWithin(c.text, c.predicted) && spansWithin(c.text, c.corrected), "a span runs past the text");
export type CorrectionPayload = z.infer<typeof correctionPayloadSchema>;

// A workflow step taken on the tablet (a field verification made where there is no network): the same
// input as claims.transition, applied only to the claim version the tablet had. A field verification may
// bring the parcel's boundary as walked or drawn on the ground; the server records it first, as its own
// audited edit, then the verification (two versions).
export const decisionPayloadSchema = transitionFieldsSchema
  .extend({ parcel: polygonGeometrySchema.optional() })
  .superRefine(stepFieldsRule)
  .refine((d) => d.parcel === undefined || d.action === STEP_WITH_BOUNDARY, { message: BOUNDARY_ONLY_WITH_VERIFICATION, path: ["parcel"] });
export type DecisionPayload = z.infer<typeof decisionPayloadSchema>;

// A rejection notice delivered in the village (field staff often hand it over there): the day the claimant
// received it, which starts their 60 days to appeal. The same input as claims.recordNoticeReceipt, applied
// only to the claim version the tablet had.
export const syncRecordSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("claim"), id: z.string().uuid(), payload: newClaimSchema }).strict(),
  z.object({ kind: z.literal("correction"), id: z.string().uuid(), payload: correctionPayloadSchema }).strict(),
  z.object({ kind: z.literal("decision"), id: z.string().uuid(), payload: decisionPayloadSchema }).strict(),
  z.object({ kind: z.literal("notice_receipt"), id: z.string().uuid(), payload: noticeReceiptInputSchema }).strict(),
]);
export type SyncRecord = z.infer<typeof syncRecordSchema>;
export type SyncRecordKind = SyncRecord["kind"];

export const MAX_SYNC_BATCH = 100;
// A batch is checked as far as answering each record by its id needs; each record's contents are then
// checked on their own (syncRecordSchema), so that a record the contract refuses is answered "rejected",
// with why, and does not hold back the records after it. Such a record can come from a tablet's outbox
// filled by an older app, under rules since made stricter.
export const syncRecordEnvelopeSchema = z.object({ kind: z.string().max(40), id: z.string().uuid(), payload: z.unknown() }).strict();
export const syncPushInputSchema = z
  .object({
    deviceId: z.string().uuid(),
    records: z.array(syncRecordEnvelopeSchema).min(1).max(MAX_SYNC_BATCH, `at most ${MAX_SYNC_BATCH} records per batch`),
  })
  .strict();
export type SyncPushInput = z.infer<typeof syncPushInputSchema>;

export type SyncOutcome =
  | { id: string; status: "applied" | "duplicate"; detail: Record<string, unknown> }
  | { id: string; status: "conflict"; message: string; server: Record<string, unknown> }
  | { id: string; status: "rejected"; message: string };

// A review decision on a claim in the user's area, as the tablet pulls it (seq: the audit trail's order).
// A parcel edit carries the boundary it drew, so that the tablet's copy of the claim follows it; a notice's
// receipt, the day it was received. `indiaDay`: the day of India's calendar it was recorded on (absent
// from changes a tablet kept from before it was sent).
export type PulledChange = {
  seq: number; claimId: string; villageId: number; action: string; status: ClaimStatus; version: number; reason: string; at: string; indiaDay?: string;
  parcel?: MultiPolygonGeometry;
  noticeReceivedOn?: string;
};
export type PullPage = { changes: PulledChange[]; cursor: number; more: boolean };

export const syncPullInputSchema = z
  .object({
    cursor: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();
