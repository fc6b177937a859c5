// Form C's item "Bordering villages", read by the form's layout. The model has no entity for these names
// and, trained on Form A's items, takes them for the claim's own village, Gram Panchayat or tehsil; so the
// item's names become the draft's bordering villages, and no entity inside the item fills a place field.
import { borderingVillagesFromText } from "@/configs/bordering-villages";
import type { AreaVillage } from "@/configs/contracts/field";
import { nameSimilarity } from "./name-similarity";
import { LABEL_LINE, STRAY_AROUND } from "./printed-label";

// The item's printed label, in English or Hindi (Marathi prints "सीमेलगतची गावे").
const LABEL = /bordering\s+villages?|सीमावर्ती\s+(?:ग्राम|गाँव|गांव)|सीमेलगतची\s+गावे/iu;
// A typed name's word: a capital and two more letters (a typist may use capitals throughout), or a
// Devanagari word. A line without one is OCR's debris of the stamp or the dotted rule ("00", "~N", "dahl!").
const NAME_WORD = /\p{Lu}\p{L}{2}|[\u0900-\u097F]{2}/u;
// A list goes on to the next line after a separator at its line's end; where OCR lost that end ("…,
// Lekhkheda, Ma"), the next line goes on with it if it is more names: a separator, and no word in small
// letters ("Gram Sabha resolution; elders' statement" is the next item's answer).
const ENDS_WITH_SEPARATOR = /[,;]\s*$/;
const MORE_NAMES = (line: string) => /[,;]/.test(line) && !/(?:^|[\s,;])\p{Ll}{3}/u.test(line);
const MAX_ANSWER_LINES = 4;
// A name read this close to a village's spelling on record is that village, misread (SAME_PLACE_NAME is
// for ranking candidates; a name written over needs more: "Kotmal" is not "Kotmi").
const RECORD_SPELLING = 0.8;
// Typed letters OCR reads as others: "rn" for "m", "1" or "|" for "l", "0" for "o", "vv" for "w".
const OCR_LOOKALIKES: Array<[RegExp, string]> = [[/rn/g, "m"], [/[1|]/g, "l"], [/0/g, "o"], [/vv/g, "w"]];
const folded = (name: string) => OCR_LOOKALIKES.reduce((s, [misread, letter]) => s.replace(misread, letter), name.toLowerCase());

export type BorderingVillagesItem = {
  /** From the label to the answer's end: what the model found in it is not the claim's own place. */
  span: { start: number; end: number };
  /** The names as listed, each in its spelling on record where a village of the area is that name misread. */
  names: string[];
};

/** The village of the area that `name` is, read with a letter or two wrong; null when none is that close. */
function spellingOnRecord(name: string, villages: readonly AreaVillage[]): string | null {
  let best: { name: string; score: number } | null = null;
  for (const v of villages) {
    const score = Math.max(nameSimilarity(folded(name), folded(v.name)), v.nameLocal ? nameSimilarity(name, v.nameLocal) : 0);
    if (!best || score > best.score) best = { name: v.name, score };
  }
  return best && best.score >= RECORD_SPELLING ? best.name : null;
}

/**
 * The bordering villages item of a Form C page's text: its answer is what follows the label on its line
 * after a colon, and the lines of names below it (OCR's debris between them passed over) while the list
 * goes on, up to the next item's label. Null when the text has no such label (Form A, Form B).
 */
export function borderingVillagesItem(text: string, villages: readonly AreaVillage[] = []): BorderingVillagesItem | null {
  const label = LABEL.exec(text);
  if (!label) return null;
  const labelLineEnd = text.indexOf("\n", label.index);
  const rest = text.slice(label.index + label[0].length, labelLineEnd < 0 ? text.length : labelLineEnd);
  const colon = rest.indexOf(":");
  const answer: string[] = colon >= 0 && /\p{L}/u.test(rest.slice(colon + 1)) ? [rest.slice(colon + 1)] : [];
  let end = labelLineEnd < 0 ? text.length : labelLineEnd;
  let at = end;
  while (labelLineEnd >= 0 && at < text.length && answer.length < MAX_ANSWER_LINES) {
    const next = text.indexOf("\n", at + 1);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(at + 1, lineEnd);
    at = lineEnd;
    if (LABEL_LINE.test(line)) break;
    if (!NAME_WORD.test(line)) continue;
    if (answer.length > 0 && !ENDS_WITH_SEPARATOR.test(answer.at(-1)!) && !MORE_NAMES(line)) break;
    answer.push(line);
    end = lineEnd;
  }
  const names = borderingVillagesFromText(answer.join("\n"))
    .map((name) => name.replace(STRAY_AROUND, ""))
    .map((name) => spellingOnRecord(name, villages) ?? name)
    // What is left with a digit in it, or with fewer than three letters, is OCR's debris of a name.
    .filter((name) => (name.match(/\p{L}/gu)?.length ?? 0) >= 3 && !/\d/.test(name));
  return { span: { start: label.index, end }, names: borderingVillagesFromText(names.join("\n")) };
}
