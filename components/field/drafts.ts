// A draft's life on the tablet: made, edited (each edit kept as a correction for retraining), queued for
// sync as a claim plus its correction, and, after the server's answer, settled or put right by the user.
import type { FormFieldKey } from "@/configs/field";
import type { ClaimType } from "@/configs/workflow";
import type { Draft, FieldDatabase, ParcelRecord } from "@/workers/db/field-db";
import { claimFromDraft, correctionFromDraft } from "@/workers/field/draft-records";
import { editedField, pickedField } from "@/workers/field/edit-field";
import { emptyForm } from "@/workers/field/form-from-entities";
import { withGramSabhaClaimant } from "@/workers/field/gram-sabha-claimant";
import { enqueue } from "@/workers/sync/dexie-outbox";

export async function newDraft(db: FieldDatabase, type: ClaimType = "IFR"): Promise<string> {
  const id = crypto.randomUUID();
  const now = Date.now();
  await db.drafts.add({ id, createdAt: now, updatedAt: now, state: "editing", type, fields: emptyForm(), villageId: null, parcel: null, extraction: null, server: null, message: null });
  return id;
}

async function editable(db: FieldDatabase, id: string): Promise<Draft> {
  const draft = await db.drafts.get(id);
  if (!draft) throw new Error("this draft no longer exists");
  if (draft.state === "queued" || draft.state === "synced") throw new Error("this draft is queued or synced: take it back from the queue to edit it");
  return draft;
}

/** Keeps the correction in step with the draft: the model's spans against the spans the user settled on. */
async function recordCorrection(db: FieldDatabase, draft: Draft, edit: { field: FormFieldKey; from: string; to: string } | null): Promise<void> {
  const payload = correctionFromDraft(draft);
  if (!payload) return;
  const existing = await db.corrections.where("draftId").equals(draft.id).first();
  await db.corrections.put({
    id: existing?.id ?? crypto.randomUUID(),
    draftId: draft.id,
    text: payload.text,
    predicted: payload.predicted,
    corrected: payload.corrected,
    edits: [...(existing?.edits ?? []), ...(edit ? [{ ...edit, at: Date.now() }] : [])],
    modelVersion: payload.modelVersion,
    updatedAt: Date.now(),
  });
}

export async function editField(db: FieldDatabase, id: string, key: FormFieldKey, value: string): Promise<void> {
  await db.transaction("rw", db.drafts, db.corrections, async () => {
    const draft = await editable(db, id);
    const field = editedField(draft, key, value);
    if (field === draft.fields[key]) return;
    const next = { ...draft, fields: { ...draft.fields, [key]: field }, updatedAt: Date.now() };
    await db.drafts.put(next);
    await recordCorrection(db, next, { field: key, from: draft.fields[key].value, to: value });
  });
}

/** The field set from text the user selected in the OCR text: the most exact correction there is. */
export async function pickField(db: FieldDatabase, id: string, key: FormFieldKey, start: number, end: number): Promise<void> {
  await db.transaction("rw", db.drafts, db.corrections, async () => {
    const draft = await editable(db, id);
    const field = pickedField(draft, key, start, end);
    const next = { ...draft, fields: { ...draft.fields, [key]: field }, updatedAt: Date.now() };
    await db.drafts.put(next);
    await recordCorrection(db, next, { field: key, from: draft.fields[key].value, to: field.value });
  });
}

/** Changes the draft's village, type, parcel or a community's items; a community claim's claimant follows its village's Gram Sabha. */
export async function updateDraft(db: FieldDatabase, id: string, change: Partial<Pick<Draft, "villageId" | "type" | "parcel" | "borderingVillages" | "community" | "rightsClaimed">>): Promise<void> {
  await db.transaction("rw", db.drafts, db.area, async () => {
    const draft = { ...(await editable(db, id)), ...change };
    // The area copy (every village's boundary) is read only where the claimant may follow the change.
    const claimantMayFollow = change.villageId !== undefined || change.type !== undefined;
    const village = claimantMayFollow ? (await db.area.get("area"))?.area.villages.find((v) => v.id === draft.villageId) : undefined;
    await db.drafts.update(id, { ...change, ...(claimantMayFollow ? { fields: withGramSabhaClaimant(draft.fields, draft.type, village) } : {}), updatedAt: Date.now() });
  });
}

export const setParcel = (db: FieldDatabase, id: string, parcel: ParcelRecord | null) => updateDraft(db, id, { parcel });

/** Checks the draft as the server will, then puts the claim and its correction in the outbox together. */
export async function queueDraft(db: FieldDatabase, id: string): Promise<{ ok: true } | { ok: false; problems: string[] }> {
  return db.transaction("rw", [db.drafts, db.corrections, db.outbox], async () => {
    const draft = await db.drafts.get(id);
    if (!draft) return { ok: false, problems: ["this draft no longer exists"] };
    if (draft.state === "queued" || draft.state === "synced") return { ok: true };
    const check = claimFromDraft(draft);
    if (!check.ok) return check;
    await recordCorrection(db, draft, null);
    const correction = correctionFromDraft(draft);
    const correctionRow = await db.corrections.where("draftId").equals(id).first();
    await enqueue(db, [
      { kind: "claim", id, payload: check.claim },
      ...(correction && correctionRow ? [{ kind: "correction" as const, id: correctionRow.id, payload: correction }] : []),
    ]);
    await db.drafts.update(id, { state: "queued", message: null, updatedAt: Date.now() });
    return { ok: true };
  });
}

/** Takes a draft back from the queue while nothing of it has been sent; afterwards it could already be on the server. */
export async function unqueueDraft(db: FieldDatabase, id: string): Promise<void> {
  await db.transaction("rw", db.drafts, db.outbox, db.corrections, async () => {
    const row = await db.outbox.where("id").equals(id).first();
    if (row && (row.state !== "pending" || row.attempts > 0)) throw new Error("this claim has already been sent; wait for the server's answer");
    const correction = await db.corrections.where("draftId").equals(id).first();
    await db.outbox.where("id").anyOf([id, ...(correction ? [correction.id] : [])]).delete();
    await db.drafts.update(id, { state: "editing", updatedAt: Date.now() });
  });
}

/** A conflict settled for the server's copy: the tablet's version is kept locally but not sent. */
export async function keepServerCopy(db: FieldDatabase, id: string): Promise<void> {
  await db.drafts.update(id, { state: "synced", message: "The server's copy was kept.", updatedAt: Date.now() });
}

/** A conflict settled for the tablet's version: it becomes a new claim under a new id, with its pages. */
export async function resendAsNew(db: FieldDatabase, id: string): Promise<string> {
  const fresh = crypto.randomUUID();
  await db.transaction("rw", [db.drafts, db.pages, db.corrections, db.outbox], async () => {
    const draft = await db.drafts.get(id);
    if (!draft) throw new Error("this draft no longer exists");
    await db.drafts.add({ ...draft, id: fresh, state: "editing", message: null, server: null, updatedAt: Date.now() });
    await db.pages.where("draftId").equals(id).modify({ draftId: fresh });
    // Its correction goes up again too, under a new id (queueDraft makes it).
    await db.corrections.where("draftId").equals(id).delete();
    // The conflicting record stays in the outbox's history; the draft lives on under its new id.
    await db.drafts.delete(id);
  });
  const result = await queueDraft(db, fresh);
  if (!result.ok) throw new Error(result.problems.join("; "));
  return fresh;
}

/** Removes a draft that is not waiting to be sent (its pages and correction too). */
export async function deleteDraft(db: FieldDatabase, id: string): Promise<void> {
  await db.transaction("rw", [db.drafts, db.pages, db.corrections, db.outbox], async () => {
    const draft = await db.drafts.get(id);
    if (draft?.state === "queued") throw new Error("this draft is waiting to be sent: take it back from the queue first");
    const unsent = await db.pages.where("draftId").equals(id).filter((p) => draft?.state === "synced" && p.upload.state !== "done").count();
    if (unsent) throw new Error("its page photos have not all reached the server yet: sync first");
    await db.pages.where("draftId").equals(id).delete();
    await db.corrections.where("draftId").equals(id).delete();
    await db.drafts.delete(id);
  });
}
