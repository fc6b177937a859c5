// A second look for the claimant. On some photographed forms tesseract's page layout analysis drops the
// claimant's line altogether (it reads "N" or nothing there), while a sparse-text reading of the same
// page finds it. Sparse text loses the form's reading order, which the other fields need (an answer
// after its printed label), so only the claimant's names are taken from it.
import type { FormFields } from "./form-from-entities";

const LETTER = /\p{L}/gu;
const MIN_NAME_LETTERS = 3;

/** Whether the form has no claimant worth showing: none, or a stray letter or two. A typed name counts. */
export function claimantMissing(fields: FormFields): boolean {
  const claimant = fields.claimant;
  return claimant.source !== "user" && (claimant.value.match(LETTER)?.length ?? 0) < MIN_NAME_LETTERS;
}

/**
 * The form with the claimant (and the Devanagari name, where the first reading had none) from a second
 * reading, or null when that reading has no claimant either. The second reading's spans index another
 * text than the draft's extraction, so they are dropped: the field shows no place on the page, and a
 * correction of it gives no training span (the first reading never had the name to point at).
 */
export function withSecondLook(fields: FormFields, again: FormFields): FormFields | null {
  if (claimantMissing(again)) return null;
  const localMissing = fields.claimantLocal.source === "empty" && again.claimantLocal.value !== "";
  return {
    ...fields,
    claimant: { ...again.claimant, span: null },
    claimantLocal: localMissing ? { ...again.claimantLocal, span: null } : fields.claimantLocal,
  };
}
