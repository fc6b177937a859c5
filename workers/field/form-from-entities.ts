// From the model's entities to the claim form a field worker corrects: which entity fills which field,
// values read into the form's types (hectares, ISO dates, claim type, ST/OTFD), the village matched
// against the villages the tablet holds, and each field's confidence and source span.
import type { AreaVillage, FormField } from "@/configs/contracts/field";
import { FORM_FIELDS, type FormFieldKey } from "@/configs/field";
import type { EntityType } from "@/configs/ner";
import type { ClaimType } from "@/configs/workflow";
import type { ExtractedEntity } from "@/workers/ner/decode";
import { borderingVillagesItem } from "./bordering-villages-item";
import { claimantCommunityItem, communityRightsItem, type CommunityRightsItem } from "./form-b-items";
import { nameSimilarity } from "./name-similarity";

export type FormFields = Record<FormFieldKey, FormField>;

export const emptyField = (): FormField => ({ value: "", source: "empty", confidence: null, span: null });
export const emptyForm = (): FormFields => Object.fromEntries(FORM_FIELDS.map((k) => [k, emptyField()])) as FormFields;

export const DEVANAGARI = /[\u0900-\u097F]/;
export const toAsciiDigits = (s: string) => s.replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x0966));
/** A digit in either script: forms are filled in English or Devanagari numerals. */
export const HAS_DIGIT = /[0-9०-९]/;

const ACRE_HA = 0.40468564224;

/** "1.25 ha", "3 acres", "१.२५ हेक्टेयर", "2,5 ha" -> hectares; null when no number can be read. */
export function parseAreaHa(text: string): number | null {
  const t = toAsciiDigits(text).toLowerCase();
  const number = /(\d+(?:[.,]\d+)?)/.exec(t);
  if (!number) return null;
  const value = Number(number[1]!.replace(",", "."));
  if (!Number.isFinite(value) || value <= 0) return null;
  const acres = /\b(acre|acres|ac)\b|एकड़|एकड/.test(t);
  return Math.round((acres ? value * ACRE_HA : value) * 10_000) / 10_000;
}

const MONTHS: Record<string, number> = {};
["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].forEach((m, i) => {
  MONTHS[m] = i + 1;
  MONTHS[m.slice(0, 3)] = i + 1;
});
["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"].forEach((m, i) => (MONTHS[m] = i + 1));

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1950 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31 April and the like
  return date.toISOString().slice(0, 10);
}

/** "14/03/2009", "14-3-2009", "14 March 2009", "१४ मार्च २००९", "2009-03-14" -> "2009-03-14". Day first, as in India. */
export function parseDate(text: string): string | null {
  const t = toAsciiDigits(text).toLowerCase().trim();
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})/.exec(t);
  if (m) {
    const year = Number(m[3]!.length === 2 ? `20${m[3]}` : m[3]);
    return isoDate(year, Number(m[2]), Number(m[1]));
  }
  m = /(\d{1,2})\s*([\p{L}\p{M}]+)[\s,.]*(\d{4})/u.exec(t);
  if (m && MONTHS[m[2]!]) return isoDate(Number(m[3]), MONTHS[m[2]!]!, Number(m[1]));
  return null;
}

export function claimTypeOf(text: string): ClaimType | null {
  const t = text.toLowerCase();
  if (/\bcfr\b|forest resource|वन संसाधन|form\s*-?\s*c\b|प्रपत्र\s*-?\s*ग/.test(t)) return "CFR";
  if (/\bifr\b|individual|व्यक्तिगत|form\s*-?\s*a\b|प्रपत्र\s*-?\s*क/.test(t)) return "IFR";
  if (/\bcr\b|community|सामुदायिक|सामूहिक|form\s*-?\s*b\b|प्रपत्र\s*-?\s*ख/.test(t)) return "CR";
  return null;
}

export function categoryOf(text: string): "ST" | "OTFD" | null {
  const t = text.toLowerCase();
  if (/otfd|other traditional|परंपरागत|पारंपरिक|अन्य/.test(t)) return "OTFD";
  if (/\bs\.?\s?t\.?\b|scheduled tribe|अनुसूचित|अ\.ज/.test(t)) return "ST";
  return null;
}

type Span = { start: number; end: number };

/** The first "(…)" on the text's lines in [from, from + within): its trimmed content and that content's span.
 *  `adjacent`: only where nothing but white space stands between `from` and the bracket. */
function bracketedAfter(text: string, from: number, within: number, adjacent = false): { value: string; span: Span } | null {
  const found = (adjacent ? /^\s*\(([^()\n¶]+)\)/ : /\(([^()\n¶]+)\)/).exec(text.slice(from, from + within));
  const value = found?.[1]!.trim();
  if (!found || !value) return null;
  const start = from + found.index + found[0].indexOf(value); // past the bracket and any spaces inside it
  return { value, span: { start, end: start + value.length } };
}

// Form A's item 9 prints its own label, "Scheduled Tribe or OTFD / अनुसूचित जनजाति या अन्य", which names
// both answers; the model often marks nothing on that line. The answer is what follows the label (on its
// line, else on a later one), with the tribe in brackets. OCR may garble the label's last word.
const ITEM_NUMBER = /^\s*\d{1,2}\s*[.)]\s/;
const CATEGORY_LABEL = /(?:scheduled\s*tribe\s*or\s*\S{3,5}|अनुसूचित\s*जनजाति\s*या\s*अन्य)[^:\n¶]*:?/iu;

/** Item 9 read after its printed label: the category's span and, if bracketed, the tribe's. */
export function categoryFromFormLabel(text: string): { category: "ST" | "OTFD"; span: Span; tribe: { value: string; span: Span } | null } | null {
  const label = CATEGORY_LABEL.exec(text);
  if (!label) return null;
  let from = label.index + label[0].length; // past both halves of a bilingual label and its colon
  let line = /^[^\n¶]*/.exec(text.slice(from))![0];
  // Else on a later line: OCR of a stacked form may leave one blank line between the label and its
  // answer; the next item's numbered label is never the answer.
  for (let blank = 0; !line.trim(); blank++) {
    const next = blank < 2 ? /^[\n¶]([^\n¶]*)/.exec(text.slice(from + line.length)) : null;
    if (!next) return null;
    from += line.length + 1;
    line = next[1]!;
  }
  if (ITEM_NUMBER.test(line)) return null;
  const lead = line.length - line.trimStart().length;
  const bracket = line.indexOf("(");
  const answer = (bracket >= 0 ? line.slice(0, bracket) : line).trimEnd();
  const category = categoryOf(answer.slice(lead));
  if (!category) return null;
  return { category, span: { start: from + lead, end: from + answer.length }, tribe: bracketedAfter(text, from, line.length) };
}

/** Where the line holding `at` starts (after a line break or the NER's line mark ¶). */
const lineStartOf = (text: string, at: number) => Math.max(text.lastIndexOf("\n", at - 1), text.lastIndexOf("¶", at - 1)) + 1;

/** The last three lines before `at`, at most `within` characters back, as one line: where a printed label sits. */
const lastLinesBefore = (text: string, at: number, within: number) => text.slice(Math.max(0, at - within), at).split(/[\n¶]/).slice(-3).join(" ");

// The model has one RELATIVE label; the label printed nearest before the name tells a spouse from a
// parent, a name in the list of family members (item 10) is neither, and a name under no such label at all
// (a word of the claimant's own line, say) is only a last resort.
const SPOUSE_CUE = /spouse|husband|wife|w\/o|पति|पत्नी/gi;
const PARENT_CUE = /father|mother|s\/o|d\/o|son of|daughter of|पिता|माता|पुत्र/gi;
const FAMILY_CUE = /family|परिवार|सदस्य/gi;
const lastAt = (cue: RegExp, s: string) => Math.max(-1, ...[...s.matchAll(cue)].map((m) => m.index));

const CLAIMANT_CUE = /claimant|applicant|दावेदार|आवेदक/gi;

/** Where each kind of printed label last occurs in the lines before a name (-1: not there). */
function labelCues(text: string, start: number) {
  const lastLines = lastLinesBefore(text, start, 160);
  return { spouse: lastAt(SPOUSE_CUE, lastLines), parent: lastAt(PARENT_CUE, lastLines), family: lastAt(FAMILY_CUE, lastLines), claimant: lastAt(CLAIMANT_CUE, lastLines) };
}

function roleByCues({ spouse, parent, family }: ReturnType<typeof labelCues>): "spouse" | "relative" | "family" | "uncued" {
  if (family > Math.max(spouse, parent)) return "family";
  if (spouse < 0 && parent < 0) return "uncued";
  if (spouse < 0) return "relative";
  return parent > spouse ? "relative" : "spouse";
}

export const relativeRole = (text: string, start: number) => roleByCues(labelCues(text, start));

/**
 * Whose name a CLAIMANT entity is, by the label printed nearest before it: the model sometimes calls the
 * father's name under item 3 (or the spouse's under item 2) the claimant's, where the label says otherwise.
 */
export function claimantEntityRole(text: string, start: number): "claimant" | "spouse" | "relative" | "family" {
  const cues = labelCues(text, start);
  const role = roleByCues(cues);
  if (role === "family") return "family";
  if (role === "uncued") return "claimant";
  return cues.claimant > cues[role === "spouse" ? "spouse" : "parent"] ? "claimant" : role;
}

// Words the form itself prints: an entity made of nothing else is a label the model took for a name
// ("Signature / Thumb impression" under the last item, "Gram Sabha" in Form C's item 1), never a person
// or a place.
const PRINTED_WORDS = new Set([
  "signature", "thumb", "impression", "name", "names", "date", "place", "claimant", "claimants", "claimant(s)", "spouse", "father",
  "mother", "address", "village", "post", "gram", "panchayat", "tehsil", "taluka", "district", "family", "members", "age",
  "evidence", "support", "survey", "khasra", "no", "form", "claim", "of", "the", "or", "with", "हस्ताक्षर", "अंगूठा", "अंगूठे",
  "निशान", "नाम", "दिनांक", "पता", "ग्राम", "जिला", "तहसील",
  // Form C's labels: "Village / Gram Sabha", "Bordering villages", "Gram Sabha resolution".
  "sabha", "bordering", "villages", "resolution", "compartment", "सभा", "सीमावर्ती", "कक्ष", "क्रमांक",
]);
const PERSON: ReadonlySet<EntityType> = new Set(["CLAIMANT", "RELATIVE"]);
const NAMED: ReadonlySet<EntityType> = new Set([...PERSON, "VILLAGE", "GRAM_PANCHAYAT", "TEHSIL", "DISTRICT"]);

/** A person or place entity that is only the form's printed words. */
export function isPrintedLabel(e: ExtractedEntity): boolean {
  const words = e.text.toLowerCase().split(/[\s/:;,.|]+/).filter(Boolean);
  return NAMED.has(e.label) && words.length > 0 && words.every((w) => PRINTED_WORDS.has(w));
}

export type VillageMatch = { village: AreaVillage; score: number; rank: number }; // score: the name alone; rank: with Gram Panchayat and tehsil

// Two names at least this similar are taken for the same place (OCR noise stays above it).
export const SAME_PLACE_NAME = 0.6;

/** The villages of the tablet's area that best fit what the form says, best first. */
export function matchVillages(villages: readonly AreaVillage[], said: { village?: string; gramPanchayat?: string; tehsil?: string }, limit = 5): VillageMatch[] {
  if (!said.village) return [];
  return villages
    .map((v) => {
      const name = Math.max(nameSimilarity(said.village!, v.name), nameSimilarity(said.village!, v.nameLocal));
      // Gram Panchayat and tehsil break ties between villages of the same or similar name.
      const context = (said.gramPanchayat ? 0.05 * nameSimilarity(said.gramPanchayat, v.gramPanchayat) : 0) + (said.tehsil ? 0.05 * nameSimilarity(said.tehsil, v.tehsil) : 0);
      return { village: v, score: name, rank: name + context };
    })
    .filter((m) => m.score >= SAME_PLACE_NAME)
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit);
}

const VILLAGE_MATCH = 0.8;

/**
 * A place written in Latin letters with a stray Devanagari word after it ("Gadchiroli हर"): what OCR made
 * of the bilingual label's Hindi half, run into the answer. The Latin name alone, its span shortened.
 */
function withoutDevanagariTail(e: ExtractedEntity): ExtractedEntity {
  const tail = /^(.*[A-Za-z][^\u0900-\u097F]*?)\s+[\u0900-\u097F][\u0900-\u097F\s]*$/u.exec(e.text);
  return tail ? { ...e, text: tail[1]!, end: e.start + tail[1]!.length } : e;
}

/** The entity is a numbered item's number: alone at the start of its line, followed by "." or ")". */
function isItemNumber(text: string, e: ExtractedEntity): boolean {
  const lineStart = lineStartOf(text, e.start);
  return /^\d{1,2}[.)]?$/.test(e.text.trim()) && !text.slice(lineStart, e.start).trim() && ITEM_NUMBER.test(text.slice(lineStart, e.end + 2));
}

// Marks OCR makes of specks and stamp edges, never part of an answer ("Gadchiroli \"", "‘ Waman").
const STRAY_MARKS = "[\\s‘’“”'\"`_|~]*";
const STRAY_AT_ENDS = new RegExp(`^${STRAY_MARKS}(.*?)${STRAY_MARKS}$`, "su");

// Latin letters whose small and capital forms differ only in size: a lowercase first letter of these in a
// name is OCR's misreading of the capital.
const SMALL_CAPITAL_LOOKALIKE = /(?<![\p{L}\p{M}'’-])[cosvwxz]\p{Ll}{2,}/gu;

/** The entity without the stray marks that OCR put at either end of it, its span shortened to match. */
export function withoutStrayMarks(e: ExtractedEntity): ExtractedEntity {
  // An underscore between two words of a name is a space OCR misread ("Budhu_Kowase"): one for one.
  const text = PERSON.has(e.label) ? e.text.replace(/(?<=\p{L})_(?=\p{L})/gu, " ") : e.text;
  let core = STRAY_AT_ENDS.exec(text)![1]!;
  const offset = text.indexOf(core);
  // A surname OCR read in small letters where the capital has the same shape ("Pushpa zalmi"): one for
  // one. Only those letters, and only beside a capitalised word, so Goa's "de" and "dos" stay as written.
  if (PERSON.has(e.label) && /\b\p{Lu}\p{Ll}/u.test(text)) core = core.replace(SMALL_CAPITAL_LOOKALIKE, (word) => word[0]!.toUpperCase() + word.slice(1));
  // A full stop after a whole name is a speck ("Dasru Majik."); an initial's is its own ("Ramesh K.").
  if (PERSON.has(e.label) && /[\p{L}\p{M}]{2}\.$/u.test(core)) core = core.slice(0, -1);
  if (core === e.text) return e;
  const start = e.start + offset;
  return { ...e, text: core, start, end: start + core.length };
}

/** A person's or a place's name has two letters at least ("Om"): one letter alone is a speck OCR read ("~N"). */
const tooShortForName = (e: ExtractedEntity) => NAMED.has(e.label) && (e.text.match(/\p{L}/gu)?.length ?? 0) < 2;

/**
 * A name the model cut in two with a label for each half ("Mangru" a relative, "Jumnake" a claimant, under
 * item 3's label): two person entities one space apart on one line are one name, labelled as its more
 * confident half is.
 */
export function joinSplitNames(text: string, entities: readonly ExtractedEntity[]): ExtractedEntity[] {
  const joined: ExtractedEntity[] = [];
  for (const e of [...entities].sort((a, b) => a.start - b.start)) {
    const last = joined.at(-1);
    if (last && PERSON.has(last.label) && PERSON.has(e.label) && last.label !== e.label && text.slice(last.end, e.start) === " ") {
      const label = last.score >= e.score ? last.label : e.label;
      joined[joined.length - 1] = { label, start: last.start, end: e.end, text: text.slice(last.start, e.end), score: Math.min(last.score, e.score) };
    } else {
      joined.push(e);
    }
  }
  return joined;
}

// On a stacked form a name's answer line holds the name alone, and the model sometimes marks only one of
// its two words ("Uikey" of "Kisan Uikey"). An honorific is not a name's word.
const ONE_NAME_WORD = /^[A-Z][a-z]+$/;
const WORD_BEFORE = /^\s*([A-Z][a-z]+) $/;
const WORD_AFTER = /^ ([A-Z][a-z]+)\s*$/;
const HONORIFIC = /^(shri|sri|smt|shrimati|kumari|late|mr|mrs|ms)$/i;

/**
 * A one-word Latin name widened to its line, where that line holds the name and one more capitalised
 * word and nothing else (no label, no other entity): the name's other word.
 */
export function withWholeNameLine(text: string, e: ExtractedEntity, others: readonly ExtractedEntity[]): ExtractedEntity {
  if (!PERSON.has(e.label) || !ONE_NAME_WORD.test(e.text)) return e;
  const lineStart = lineStartOf(text, e.start);
  const lineEnd = e.end + /[\n¶]|$/.exec(text.slice(e.end))!.index;
  const [lead, rest] = [text.slice(lineStart, e.start), text.slice(e.end, lineEnd)];
  const before = rest.trim() ? null : WORD_BEFORE.exec(lead)?.[1];
  const after = lead.trim() ? null : WORD_AFTER.exec(rest)?.[1];
  const word = before ?? after;
  if (!word || HONORIFIC.test(word)) return e;
  const start = before ? e.start - before.length - 1 : e.start;
  const end = after ? e.end + after.length + 1 : e.end;
  // A less sure place or other label on the name's other word is the model's mistake ("Pungati" a tehsil).
  if (others.some((o) => o !== e && o.start < end && o.end > start && (PERSON.has(o.label) || o.score >= e.score))) return e;
  return { ...e, start, end, text: text.slice(start, end) };
}

// Maharashtra's twin villages are told apart by a last word, "Khurd" (the smaller) or "Budruk"/"Buzurg"
// (the larger), which the model often leaves out of the name.
const TWIN_VILLAGE_WORD = /^ +(Khurd|Budruk|Buzurg|Bujruk|खुर्द|बुद्रुक|बुजुर्ग|बुद्रूक)(?=$|[\s,.;)])/u;

/** A village's or Gram Panchayat's name with the twin-village word that follows it on its line. */
function withTwinVillageWord(text: string, e: ExtractedEntity): ExtractedEntity {
  const word = TWIN_VILLAGE_WORD.exec(text.slice(e.end, e.end + 16));
  return word ? { ...e, text: text.slice(e.start, e.end + word[0].length), end: e.end + word[0].length } : e;
}

// A place name of hyphenated parts ("Ivrem-Buzruco", "Morambi-O-Pequeno", Goa's Portuguese spellings of
// the twin-village words among them): the model marks one part, or each part as a place of its own.
const HYPHENATED_AFTER = /^(?:-\p{L}+)+/u;
const HYPHENATED_BEFORE = /(?:\p{L}+-)+$/u;

/** A village's or Gram Panchayat's name with the parts joined to it by hyphens (no space) on either side. */
function withHyphenatedParts(text: string, e: ExtractedEntity): ExtractedEntity {
  const after = HYPHENATED_AFTER.exec(text.slice(e.end, e.end + 60))?.[0] ?? "";
  const before = /^\p{L}/u.test(e.text) ? (HYPHENATED_BEFORE.exec(text.slice(Math.max(0, e.start - 60), e.start))?.[0] ?? "") : "";
  if (!after && !before) return e;
  const [start, end] = [e.start - before.length, e.end + after.length];
  return { ...e, start, end, text: text.slice(start, end) };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Each place field and the property of a village on record that names it. */
export const PLACE_ON_RECORD = { village: "name", gramPanchayat: "gramPanchayat", tehsil: "tehsil", district: "district" } as const;
export type PlaceField = keyof typeof PLACE_ON_RECORD;

/** The area's names on record for one place field, each once. */
export const placeNamesOnRecord = (villages: readonly AreaVillage[], key: PlaceField): string[] => [...new Set(villages.map((v) => v[PLACE_ON_RECORD[key]]))];

/**
 * A place name the model read only part of, made whole where its line reads a name of the worker's area
 * there: "Namchi" or "Forest" of "Namchi Forest Block", "Suntaley" of "Suntaley (Sumbuk)". Sikkim's Census
 * names its forest villages "… Forest Block", and the model leaves out the words it has not seen in place
 * names. The longest such name wins; the page must read all of it, so no name is made up.
 */
function withWholeNameOnRecord(text: string, e: ExtractedEntity, names: readonly string[]): ExtractedEntity {
  const part = e.text.toLowerCase();
  let best = e;
  for (const name of names) {
    const whole = name.toLowerCase();
    if (whole.length <= best.text.length) continue;
    for (let at = whole.indexOf(part); at >= 0; at = whole.indexOf(part, at + 1)) {
      const [start, end] = [e.start - at, e.start - at + whole.length];
      const onWordEdges = !LETTER_OR_DIGIT.test(whole[at - 1] ?? "") && !LETTER_OR_DIGIT.test(whole[at + part.length] ?? "");
      const alone = !LETTER_OR_DIGIT.test(text[start - 1] ?? "") && !LETTER_OR_DIGIT.test(text[end] ?? "");
      if (start >= 0 && onWordEdges && alone && text.slice(start, end).toLowerCase() === whole) {
        best = { ...e, start, end, text: text.slice(start, end) };
        break;
      }
    }
  }
  return best;
}

// Item 12's numbers are written in one place: entities apart by at most one line break and a few words
// are one answer. A number the model marks elsewhere (a digit in OCR's debris of a stamp) is not one.
const SAME_ANSWER_GAP = /^[^\n¶]{0,40}(?:[\n¶][^\n¶]{0,40})?$/;
const KHASRA_CUE = /khasra|survey|sy\.?\s*no|खसरा|सर्वे/i;
// Parts of one number that the model marked apart: a prefix and its number ("Kh" + "214" in "Kh. 214"),
// a number and its subdivision ("212" + "3" in "212/3").
const PREFIX_GAP = /^[ .]*$/;
const SUBDIVISION_GAP = /^ ?[/-] ?$|^$/;
// A number's kind written before it ("Kh. 214", "Compt. 855"), which the model may leave unmarked: a
// compartment (the forest department's) and a khasra (the revenue record's) are not the same land.
const NUMBER_KIND_BEFORE = /\b(?:kh|compt|comp|sy)\. ?$/i;

/** A number with its kind before it, where the model marked the number alone. */
function withNumberKind(text: string, e: ExtractedEntity): ExtractedEntity {
  if (/^\p{L}/u.test(e.text)) return e;
  const kind = NUMBER_KIND_BEFORE.exec(text.slice(Math.max(0, e.start - 8), e.start));
  if (!kind) return e;
  const start = e.start - kind[0].length;
  return { ...e, start, text: text.slice(start, e.end) };
}

/**
 * The survey or khasra numbers: the model's KHASRA entities grouped into answers, the answer under a
 * survey/khasra label (else the one the model is surest of, by its weakest entity), each number whole
 * ("Kh. 214", not "Kh, 214"); null when no entity holds a digit.
 */
export function khasraAnswer(text: string, khasra: readonly ExtractedEntity[]): { value: string; score: number; span: Span } | null {
  const groups: ExtractedEntity[][] = [];
  for (const e of [...khasra].sort((a, b) => a.start - b.start)) {
    const group = groups.at(-1);
    if (group && SAME_ANSWER_GAP.test(text.slice(group.at(-1)!.end, e.start))) group.push(e);
    else groups.push([e]);
  }
  const answers = groups.flatMap((group) => {
    const numbers: ExtractedEntity[] = [];
    for (const e of group) {
      const last = numbers.at(-1);
      const gap = last ? text.slice(last.end, e.start) : "";
      const part = last && ((!HAS_DIGIT.test(last.text) && PREFIX_GAP.test(gap)) || (HAS_DIGIT.test(last.text) && SUBDIVISION_GAP.test(gap)));
      if (last && part) numbers[numbers.length - 1] = { ...last, end: e.end, text: text.slice(last.start, e.end), score: Math.min(last.score, e.score) };
      else numbers.push(e);
    }
    const held = numbers.filter((n) => HAS_DIGIT.test(n.text)).map((n) => withNumberKind(text, n));
    if (!held.length) return [];
    const start = held[0]!.start;
    return [{ value: held.map((n) => n.text.trim()).join(", "), score: Math.min(...held.map((n) => n.score)), span: { start, end: held.at(-1)!.end }, cued: KHASRA_CUE.test(lastLinesBefore(text, start, 120)) }];
  });
  const best = answers.sort((a, b) => Number(b.cued) - Number(a.cued) || b.score - a.score)[0];
  return best ? { value: best.value, score: best.score, span: best.span } : null;
}

// The village's printed label on the line above its answer: Form A's item 5, Form C's item 1 ("Village /
// Gram Sabha"). Not "Gram Panchayat / ग्राम पंचायत", whose Hindi starts the same.
const VILLAGE_LABEL = /\bvillage\b/i;

/** The nearest line with text above the one `at` is on. */
function lineAbove(text: string, at: number): string {
  const lines = text.slice(0, lineStartOf(text, at)).split(/[\n¶]/);
  return lines.reverse().find((l) => l.trim() !== "") ?? "";
}

/**
 * The village: the model's VILLAGE entity under the village's label, else the one it is surest of. On a
 * Form C the model also marks words of the evidence ("Written statement of village elders") as a village,
 * surer than of the answer to item 1.
 */
function villageAnswer(text: string, entities: readonly ExtractedEntity[]): ExtractedEntity | undefined {
  const cued = (e: ExtractedEntity) => VILLAGE_LABEL.test(lineAbove(text, e.start));
  return entities.filter((e) => e.label === "VILLAGE").sort((a, b) => Number(cued(b)) - Number(cued(a)) || b.score - a.score)[0];
}

const fromEntity = (e: ExtractedEntity, value = e.text): FormField => ({ value, source: "model", confidence: e.score, span: { start: e.start, end: e.end } });

/**
 * What a page's text gives the claim form. Items read by the form's layout, each null on a page without
 * it: `borderingVillages`, Form C's list; `community` and `rights`, Form B's claimant community and the
 * rights it claims.
 */
export type FormReading = {
  fields: FormFields;
  type: ClaimType | null;
  borderingVillages: string[] | null;
  community: string | null;
  rights: Pick<CommunityRightsItem, "claimed" | "unread"> | null;
};

/**
 * The form as the model read it. Where a field occurs twice the more confident reading wins. `villages`,
 * the worker's area on record, lets a place name the model read in part be made whole from its line.
 */
export function formFromEntities(text: string, extracted: readonly ExtractedEntity[], villages: readonly AreaVillage[] = []): FormReading {
  // Form C's bordering villages are neighbours' names, not this claim's place; Form B's community and
  // rights are no person's name and no place.
  const bordering = borderingVillagesItem(text, villages);
  const community = claimantCommunityItem(text);
  const rights = communityRightsItem(text);
  const layoutSpans = [bordering, community, rights].flatMap((item) => (item ? [item.span] : []));
  const outsideLayoutItems = (e: ExtractedEntity) => layoutSpans.every((span) => e.end <= span.start || e.start >= span.end);
  // A stray mark the OCR read before a name ("‘Sitabai") can come out as an entity of its own: no value;
  // one at the end of an entity is not part of it.
  // Nor is the next item's own number ("13. Evidence…"), which the model takes for an answer when OCR
  // lost the answer's line.
  const joined = joinSplitNames(text, extracted.filter(outsideLayoutItems).map(withoutStrayMarks)
    .filter((e) => /[\p{L}\p{N}]/u.test(e.text) && !isItemNumber(text, e) && !isPrintedLabel(e) && !tooShortForName(e)));
  const widened = joined.map((e) => withWholeNameLine(text, e, joined));
  // What a widened name took in is no longer an entity of its own.
  const entities = widened.filter((o) => PERSON.has(o.label) || !widened.some((w) => PERSON.has(w.label) && w.start < o.end && w.end > o.start));
  const fields = emptyForm();
  const set = (key: FormFieldKey, field: FormField) => {
    const current = fields[key];
    if (current.source === "empty" || (current.confidence ?? 0) < (field.confidence ?? 0)) fields[key] = field;
  };
  const first = (label: EntityType) => entities.filter((e) => e.label === label).sort((a, b) => b.score - a.score)[0];
  // A community's form (Form B's items, Form C's) names no person: a name the model reads there is a word
  // of the evidence or the stamp ("Old Survey record").
  const namesPersons = layoutSpans.length === 0;
  // Item 10 lists the claimant's family: a name there is never the claimant. Under item 2's or 3's label
  // it is the spouse's or the parent's, whatever the model called it.
  for (const e of entities.filter((x) => namesPersons && x.label === "CLAIMANT")) {
    const role = claimantEntityRole(text, e.start);
    if (role === "claimant") set(DEVANAGARI.test(e.text) ? "claimantLocal" : "claimant", fromEntity(e));
    else if (role !== "family" && !DEVANAGARI.test(e.text)) set(role, fromEntity(e));
  }
  // Item 1 writes the name twice, "Ramesh Usendi (रमेश उसेंडी)": where the model found the Latin name but
  // not all of the Devanagari one, the Devanagari in the brackets after it is that name.
  const local = fields.claimant.span ? bracketedAfter(text, fields.claimant.span.end, text.length, true) : null;
  if (local && /^[\u0900-\u097F\s.]+$/.test(local.value) && (fields.claimantLocal.source === "empty" || (local.value.includes(fields.claimantLocal.value) && local.value !== fields.claimantLocal.value))) {
    fields.claimantLocal = { value: local.value, source: "form", confidence: null, span: local.span };
  }
  const relatives = entities.filter((x) => namesPersons && x.label === "RELATIVE").map((e) => ({ e, role: relativeRole(text, e.start) }));
  for (const { e, role } of relatives) if (role === "spouse" || role === "relative") set(role, fromEntity(e));
  for (const { e, role } of relatives) if (role === "uncued" && fields.relative.source === "empty") set("relative", fromEntity(e));
  const simple: Array<[EntityType, PlaceField]> = [["VILLAGE", "village"], ["GRAM_PANCHAYAT", "gramPanchayat"], ["TEHSIL", "tehsil"], ["DISTRICT", "district"]];
  for (const [label, key] of simple) {
    const e = label === "VILLAGE" ? villageAnswer(text, entities) : first(label);
    const place = e && withoutDevanagariTail(e);
    if (!place) continue;
    const joined = key === "village" || key === "gramPanchayat" ? withTwinVillageWord(text, withHyphenatedParts(text, place)) : place;
    set(key, fromEntity(withWholeNameOnRecord(text, joined, placeNamesOnRecord(villages, key))));
  }
  const area = first("AREA");
  if (area) {
    const ha = parseAreaHa(area.text);
    set("area", { ...fromEntity(area, ha === null ? area.text : String(ha)), confidence: ha === null ? 0 : area.score });
  }
  const date = first("DATE");
  if (date) {
    const iso = parseDate(date.text);
    set("filedOn", { ...fromEntity(date, iso ?? date.text), confidence: iso === null ? 0 : date.score });
  }
  const khasra = khasraAnswer(text, entities.filter((e) => e.label === "KHASRA"));
  if (khasra) set("khasra", { value: khasra.value, source: "model", confidence: khasra.score, span: khasra.span });
  const category = first("CATEGORY");
  const categoryValue = category ? categoryOf(category.text) : null;
  if (category && categoryValue) set("category", fromEntity(category, categoryValue));
  const tribe = category ? bracketedAfter(text, category.end, 40) : null;
  if (tribe && category) set("tribe", { value: tribe.value, source: "model", confidence: category.score, span: tribe.span });
  // What the model missed of item 9, read after its printed label; no confidence of its own, so the form
  // shows it as one to check.
  const printed = !categoryValue || fields.tribe.source === "empty" ? categoryFromFormLabel(text) : null;
  if (printed && !categoryValue) set("category", { value: printed.category, source: "form", confidence: null, span: printed.span });
  if (printed?.tribe && fields.tribe.source === "empty") set("tribe", { value: printed.tribe.value, source: "form", confidence: null, span: printed.tribe.span });
  const types = entities.filter((e) => e.label === "CLAIM_TYPE").map((e) => ({ e, type: claimTypeOf(e.text) })).filter((x) => x.type);
  const type = types.sort((a, b) => b.e.score - a.e.score)[0];
  if (type) set("type", fromEntity(type.e, type.type!));

  return {
    fields, type: type?.type ?? null, borderingVillages: bordering?.names ?? null, community: community?.community ?? null,
    rights: rights && { claimed: rights.claimed, unread: rights.unread },
  };
}

/** The village on record that the form's village, Gram Panchayat and tehsil name, if one is clearly best. */
export function villageOnRecord(fields: FormFields, villages: readonly AreaVillage[]): number | null {
  const matches = matchVillages(villages, { village: fields.village.value || undefined, gramPanchayat: fields.gramPanchayat.value || undefined, tehsil: fields.tehsil.value || undefined });
  const best = matches[0];
  // Chosen only when clearly best: two villages of the same name in one block are left to the user.
  return best && best.score >= VILLAGE_MATCH && (matches.length < 2 || matches[1]!.rank < best.rank - 0.01) ? best.village.id : null;
}
