// A second look for names. On some photographed forms tesseract's page layout analysis drops an answer's
// line altogether (the claimant's, or the father's or mother's: it reads "N" or nothing there), while a
// sparse-text reading of the same page finds it. Sparse text loses the form's reading order, which the
// other fields need (an answer after its printed label), so only these names are taken from it; each
// still follows its own printed label there, which is what tells a father from a spouse.
import type { FormField } from "@/configs/contracts/field";
import type { FormFields } from "./form-from-entities";

/** The names a second look fills: the claimant (with the Devanagari name), and the father or mother, whom every Form A names. */
export const SECOND_LOOK_FIELDS = ["claimant", "relative"] as const;
export type SecondLookField = (typeof SECOND_LOOK_FIELDS)[number];

const LETTER = /\p{L}/gu;
const MIN_NAME_LETTERS = 3;

/** No name worth showing: none, or a stray letter or two. A typed name counts. */
const nameMissing = (field: FormField) => field.source !== "user" && (field.value.match(LETTER)?.length ?? 0) < MIN_NAME_LETTERS;

/** The names a second look should find on this form: those missing. */
export function namesMissing(fields: FormFields): SecondLookField[] {
  return SECOND_LOOK_FIELDS.filter((key) => nameMissing(fields[key]));
}

/**
 * The form with the `wanted` names a second reading found (and the Devanagari name, where the claimant is
 * taken and the first reading had none), and which ones it found; null when it found none of them. The
 * second reading's spans index another text than the draft's extraction, so they are dropped: the field
 * shows no place on the page, and a correction of it gives no training span (the first reading never had
 * the name to point at).
 */
export function withSecondLook(
  fields: FormFields, again: FormFields, wanted: readonly SecondLookField[] = namesMissing(fields),
): { fields: FormFields; found: SecondLookField[] } | null {
  const found = wanted.filter((key) => !nameMissing(again[key]));
  if (!found.length) return null;
  const merged = { ...fields };
  for (const key of found) merged[key] = { ...again[key], span: null };
  if (found.includes("claimant") && fields.claimantLocal.source === "empty" && again.claimantLocal.value !== "") {
    merged.claimantLocal = { ...again.claimantLocal, span: null };
  }
  return { fields: merged, found };
}
