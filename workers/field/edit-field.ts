// A field worker's edit of one form field: the new value, where in the OCR text it reads (for the
// correction), and whether it is still what the model said.
import type { FormField } from "@/configs/contracts/field";
import type { FormFieldKey } from "@/configs/field";
import type { Draft } from "@/workers/db/field-db";
import { locate } from "./draft-records";
import { categoryOf, claimTypeOf, parseAreaHa, parseDate } from "./form-from-entities";

// Fields whose form value is a reading of the text ("1.25" from "1.25 ha"), not the text itself.
const NORMALIZED: Partial<Record<FormFieldKey, (text: string) => string | null>> = {
  area: (t) => (parseAreaHa(t) === null ? null : String(parseAreaHa(t))),
  filedOn: parseDate,
  category: categoryOf,
  type: claimTypeOf,
};

export function normalizedValue(key: FormFieldKey, text: string): string {
  return NORMALIZED[key]?.(text) ?? text.trim();
}

/** The field after the user typed `value`. */
export function editedField(draft: Draft, key: FormFieldKey, value: string): FormField {
  const before = draft.fields[key];
  if (value === before.value) return before;
  const text = draft.extraction?.text ?? "";
  const normalize = NORMALIZED[key];
  let span: FormField["span"] = null;
  if (normalize) {
    // The model's span still stands if it reads as the new value.
    if (before.span && normalize(text.slice(before.span.start, before.span.end)) === normalizedValue(key, value)) span = before.span;
  } else {
    span = locate(text, value, before.span?.start ?? 0);
  }
  return { value, source: "user", confidence: null, span };
}

/** The field set from a stretch of the OCR text the user selected: the exact span, read into the field's form. */
export function pickedField(draft: Draft, key: FormFieldKey, start: number, end: number): FormField {
  const text = (draft.extraction?.text ?? "").slice(start, end);
  const trimmedStart = start + (text.length - text.trimStart().length);
  const trimmed = text.trim();
  return { value: normalizedValue(key, trimmed), source: "user", confidence: null, span: trimmed ? { start: trimmedStart, end: trimmedStart + trimmed.length } : null };
}
