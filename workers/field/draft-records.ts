// From a corrected draft to what the server receives: the claim (validated by the same zod schema the
// server applies, so a draft that would be refused is caught on the tablet with the field named) and
// the correction that turns the user's edits into a training example.
import { borderingVillagesFromText } from "@/configs/bordering-villages";
import { newClaimSchema, type NewClaim } from "@/configs/contracts/claims";
import type { CorrectionPayload } from "@/configs/contracts/sync";
import type { FormField } from "@/configs/contracts/field";
import { FORM_FIELD_LABELS, DRAFT_PART_LABELS, type FormFieldKey } from "@/configs/field";
import type { EntitySpan, EntityType } from "@/configs/ner";
import type { Draft } from "@/workers/db/field-db";
import { categoryOf, parseAreaHa, parseDate } from "./form-from-entities";

// Which entity a form field is a reading of (the tribe has no entity of its own).
export const FIELD_ENTITY: Partial<Record<FormFieldKey, EntityType>> = {
  claimant: "CLAIMANT",
  claimantLocal: "CLAIMANT",
  spouse: "RELATIVE",
  relative: "RELATIVE",
  village: "VILLAGE",
  gramPanchayat: "GRAM_PANCHAYAT",
  tehsil: "TEHSIL",
  district: "DISTRICT",
  category: "CATEGORY",
  type: "CLAIM_TYPE",
  area: "AREA",
  khasra: "KHASRA",
  filedOn: "DATE",
};

const optional = (f: FormField) => (f.value.trim() ? f.value.trim() : undefined);

export type ClaimCheck = { ok: true; claim: NewClaim } | { ok: false; problems: string[] };

export function claimFromDraft(draft: Draft): ClaimCheck {
  const f = draft.fields;
  const problems: string[] = [];
  if (draft.villageId === null) problems.push("Village: choose the village from the list");
  const area = parseAreaHa(f.area.value);
  if (area === null) problems.push(`${FORM_FIELD_LABELS.area}: enter the area in hectares (or acres, e.g. "3 acres")`);
  const filedOn = parseDate(f.filedOn.value);
  if (filedOn === null) problems.push(`${FORM_FIELD_LABELS.filedOn}: enter a date such as 14/03/2009`);
  const category = categoryOf(f.category.value) ?? (f.category.value === "ST" || f.category.value === "OTFD" ? f.category.value : null);
  if (!category) problems.push(`${FORM_FIELD_LABELS.category}: choose ST or OTFD`);
  if (problems.length) return { ok: false, problems };
  const parsed = newClaimSchema.safeParse({
    id: draft.id,
    type: draft.type,
    claimantName: optional(f.claimant) ?? optional(f.claimantLocal) ?? "",
    claimantNameLocal: f.claimantLocal.value.trim(),
    spouseName: optional(f.spouse),
    relativeName: optional(f.relative),
    category,
    tribe: optional(f.tribe),
    villageId: draft.villageId,
    areaClaimedHa: area,
    filedOn,
    surveyNumbers: f.khasra.value.split(/[,;]/).map((s) => s.trim()).filter(Boolean),
    borderingVillages: draft.type === "CFR" ? borderingVillagesFromText(draft.borderingVillages ?? "") : [],
    community: draft.type !== "IFR" ? draft.community?.trim() || undefined : undefined,
    rightsClaimed: draft.type === "CR" ? draft.rightsClaimed ?? [] : [],
    evidence: [{ kind: "documents", description: "Claim form photographed and digitised in the field" }],
    geometry: draft.parcel?.geometry,
  });
  if (parsed.success) return { ok: true, claim: parsed.data };
  const labelOf = (path: PropertyKey[]) => {
    const key = String(path[0] ?? "");
    const field = ({ claimantName: "claimant", spouseName: "spouse", relativeName: "relative", areaClaimedHa: "area", surveyNumbers: "khasra", geometry: "parcel" } as Record<string, string>)[key] ?? key;
    return FORM_FIELD_LABELS[field as FormFieldKey] ?? DRAFT_PART_LABELS[field] ?? field;
  };
  return { ok: false, problems: parsed.error.issues.map((i) => `${labelOf(i.path)}: ${i.message}`) };
}

/** The first occurrence of `value` in `text` nearest to `near` (case-insensitive), or null. */
export function locate(text: string, value: string, near = 0): { start: number; end: number } | null {
  const needle = value.trim().toLowerCase();
  if (needle.length < 1) return null;
  const haystack = text.toLowerCase();
  let best: number | null = null;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (best === null || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best === null ? null : { start: best, end: best + needle.length };
}

/**
 * The correction for retraining: what the model predicted on the OCR text, and the spans the user
 * settled on. A field the user left as the model read it keeps the model's span; an edited field keeps
 * the span the user's value was found at (or picked from the text), and drops out when the value is not
 * in the text at all (the OCR misread it: there is nothing right to point at).
 */
export function correctionFromDraft(draft: Draft): CorrectionPayload | null {
  const extraction = draft.extraction;
  if (!extraction) return null;
  const predicted: EntitySpan[] = extraction.entities.map((e) => ({ start: e.start, end: e.end, label: e.label }));
  const corrected: EntitySpan[] = [];
  const add = (span: { start: number; end: number } | null, label: EntityType) => {
    if (span && span.end > span.start && !corrected.some((c) => c.start < span.end && span.start < c.end)) corrected.push({ ...span, label });
  };
  for (const [key, field] of Object.entries(draft.fields) as Array<[FormFieldKey, FormField]>) {
    const label = FIELD_ENTITY[key];
    if (!label || field.source === "empty") continue;
    if (key === "khasra") {
      // Several numbers: each its own span, as the model labels them.
      const modelSpans = predicted.filter((p) => p.label === "KHASRA");
      if (field.source === "model") modelSpans.forEach((s) => add(s, "KHASRA"));
      else for (const n of field.value.split(/[,;]/).map((s) => s.trim()).filter(Boolean)) add(locate(extraction.text, n, field.span?.start ?? 0), "KHASRA");
      continue;
    }
    add(field.span, label);
  }
  corrected.sort((a, b) => a.start - b.start);
  const scores = extraction.entities.map((e) => e.score);
  const meanConfidence = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10_000) / 10_000 : null;
  return { claimId: draft.id, text: extraction.text, predicted, corrected, modelVersion: extraction.modelVersion, meanConfidence };
}
