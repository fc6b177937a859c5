// A second look for what a page's layout analysis lost. On some photographed forms tesseract drops an
// answer's line altogether (the claimant's, the father's or mother's, item 9's, 11's or 12's: it reads
// "N" or nothing there), while a sparse-text reading of the same page finds it. Sparse text loses the
// form's reading order, which the other fields need, so only these answers are taken from it; each still
// follows its own printed label there, which is what tells a father from a spouse and finds item 9's answer.
import type { AreaVillage, FormField } from "@/configs/contracts/field";
import { claimTypeSchema, type ClaimType } from "@/configs/workflow";
import { HAS_DIGIT, villageOnRecord, type FormFields } from "./form-from-entities";

/**
 * What a second look fills: the claimant (with the Devanagari name), the father or mother, and the village,
 * which every Form A names (the village decides the village on record the claim is filed under), and
 * item 9, ST or OTFD (with the tribe), item 11, the area, and item 12, the survey or khasra numbers of the
 * land, which every individual claim answers. Form B and Form C ask their own: no person's name (a
 * community's claimant is the Gram Sabha of its village), the members' status and the extent, and Form C
 * the compartments.
 */
export const SECOND_LOOK_FIELDS = ["claimant", "relative", "village", "category", "area", "khasra"] as const;
export type SecondLookField = (typeof SECOND_LOOK_FIELDS)[number];

// Taken from a second look made for the fields above, where the first reading had none of them, but never
// worth one of their own: not every claimant has a spouse, the claim is filed under the tehsil and
// district of the village on record, and the Devanagari name is read again from its line. The Devanagari
// name comes along even where the Latin one a second look found is OCR's debris of a stamp ("5 el ns").
export const ALONG_FIELDS = ["spouse", "claimantLocal", "tehsil", "district"] as const;
export type SecondLookFilled = SecondLookField | (typeof ALONG_FIELDS)[number];

/** What a second look can give besides the fields: Form C's bordering villages, where the first reading lost their item. */
export type SecondLookGave = SecondLookFilled | "borderingVillages";

/** Whether a Form C's bordering villages are worth a second look: the first reading found none, and the worker typed none. */
export const borderingVillagesWanted = (type: ClaimType, read: readonly string[] | null, typed: string | undefined) =>
  type === "CFR" && !read?.length && !typed?.trim();

/** Whether a second look filled either of the claimant's names: then its reading holds the name's line. */
export const foundClaimantName = (found: readonly SecondLookFilled[]) => found.includes("claimant") || found.includes("claimantLocal");

// What comes along with each when the first reading had none of it.
const COMPANION = { claimant: "claimantLocal", relative: null, village: null, category: "tribe", area: null, khasra: null } as const;
// What each form asks for, of the fields above; a form of unknown type is taken for Form A, the commonest.
const FORM_ASKS: Record<ClaimType, readonly SecondLookField[]> = {
  IFR: SECOND_LOOK_FIELDS,
  CR: ["village", "category", "area"], // Form B: the community's village and status, the extent its rights are used over
  CFR: ["village", "category", "area", "khasra"],
};

const LETTER = /\p{L}/gu;
const MIN_NAME_LETTERS = 3;
// A word of a name that is a name's word, not OCR's debris of one: three letters at least.
const NAME_WORD = /\p{L}{3}/u;

/**
 * Nothing worth showing: no name, or a stray letter or two; a person's name that is OCR's debris of one
 * (a digit in it, or no word of three letters: "5 el ns", "Ra Ui Ma ka"); no category; no number.
 * Whatever was typed counts.
 */
function missing(key: SecondLookField, field: FormField): boolean {
  if (field.source === "user") return false;
  if (key === "category") return field.value === "";
  if (key === "khasra" || key === "area") return !HAS_DIGIT.test(field.value);
  if ((key === "claimant" || key === "relative") && field.value !== "" && (HAS_DIGIT.test(field.value) || !NAME_WORD.test(field.value))) return true;
  return (field.value.match(LETTER)?.length ?? 0) < MIN_NAME_LETTERS;
}

/** What a second look should find on this form: what its type of form asks for and the first reading missed. */
export function secondLookWanted(fields: FormFields): SecondLookField[] {
  const type = claimTypeSchema.safeParse(fields.type.value);
  return FORM_ASKS[type.success ? type.data : "IFR"].filter((key) => missing(key, fields[key]));
}

/**
 * The form with the `wanted` fields a second reading found (and each one's companion where the first
 * reading had none), the spouse, Devanagari name, tehsil and district where the first reading had none,
 * and which fields it filled; null when it filled none. A village is taken only if it is one on record in
 * `villages`: sparse text also reads a stamp's words ("GRAM SABHA"), which the model may take for the
 * village. The second reading's spans index another text than the draft's extraction, so they are
 * dropped: the field shows no place on the page, and a correction of it gives no training span (the first
 * reading never had it to point at).
 */
export function withSecondLook(
  fields: FormFields, again: FormFields, villages: readonly AreaVillage[], wanted: readonly SecondLookField[] = secondLookWanted(fields),
): { fields: FormFields; found: SecondLookFilled[] } | null {
  const onRecord = (key: SecondLookField) => key !== "village" || villageOnRecord({ ...fields, village: again.village }, villages) !== null;
  const found = wanted.filter((key) => !missing(key, again[key]) && onRecord(key));
  const newlyRead = (key: keyof FormFields) => fields[key].source === "empty" && again[key].value !== "";
  // A companion goes without saying: "the claimant's name" from a second look includes its Devanagari one.
  const companions: Array<keyof FormFields> = found.flatMap((key) => COMPANION[key] ?? []).filter(newlyRead);
  const along = ALONG_FIELDS.filter((key) => newlyRead(key) && !companions.includes(key));
  if (!found.length && !along.length) return null;
  const merged = { ...fields };
  for (const key of [...found, ...companions, ...along]) merged[key] = { ...again[key], span: null };
  return { fields: merged, found: [...found, ...along] };
}
