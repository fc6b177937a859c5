// The claimant's Devanagari name, read again from its own line. Item 1 of Form A gives the name twice,
// "Somaji Zoure (सोमाजी झोरे)", and tesseract reading English and Hindi together often takes a Devanagari
// word for Latin letters: "(सोमाजी FR)", "(Ar मट्टामी)", and misreads the conjuncts of Marathi spellings:
// "विह्लल" for "विठ्ठल". Read again as one line in the language of the state's spellings alone
// (configs/field.ts, NAME_LANGUAGE_BY_STATE), the bracket comes out whole and right more often. The
// bracket is found from where the reading put the Devanagari name, else the Latin one.
import type { OcrWord } from "@/workers/db/field-db";
import { cleanOcrText } from "@/workers/ocr/words";
import { DEVANAGARI, type FormFields } from "./form-from-entities";

/** A rectangle on the page photo, in pixels (what tesseract.js takes as `rectangle`). */
export type PixelRect = { left: number; top: number; width: number; height: number };

// Words of Devanagari letters and signs (no danda), each starting with a letter, not a vowel sign or virama.
const DEVANAGARI_WORD = "[\u0904-\u0939\u093D\u0950\u0958-\u0961\u0972-\u097F][\u0900-\u0963\u0966-\u097F]*";
const DEVANAGARI_NAME = new RegExp(`^${DEVANAGARI_WORD}(?: ${DEVANAGARI_WORD})*$`);
const wordCount = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/**
 * A clean reading of the Devanagari name: Devanagari words alone (no Latin letters, "@" or dot), as many
 * as the Latin name has. What the first reading should give; a clean one gives way only to a line that
 * reads the same at every size (rereadLocalName).
 */
export const cleanLocalName = (local: string, latin: string) => DEVANAGARI_NAME.test(local) && wordCount(local) === wordCount(latin);

/**
 * Where a reading put one of the claimant's names, as offsets into that reading's text: the Devanagari
 * name's own span, which lies inside the bracket, or the Latin name's, which the bracket follows.
 */
export type NameAnchor = { script: "devanagari" | "latin"; start: number; end: number };

/** The form's anchor for its names: the Devanagari name where the reading placed it, else the Latin name. */
export function nameAnchor(fields: FormFields): NameAnchor | null {
  const local = fields.claimantLocal.span;
  if (local && fields.claimantLocal.value.trim()) return { script: "devanagari", ...local };
  const latin = fields.claimant.span;
  return latin ? { script: "latin", ...latin } : null;
}

/**
 * The bracket of the claimant's line: from the word that holds the Devanagari name's start (or the first
 * word after the Latin name) to the end of that line. Its text in the first reading, and its place on the
 * page, padded and kept inside the page. Null when the line has nothing there.
 */
export function nameBracket(words: readonly OcrWord[], anchor: NameAnchor, page: { width: number; height: number }): { text: string; span: { start: number; end: number }; region: PixelRect; confidence: number } | null {
  const from = anchor.script === "latin" ? anchor.end : anchor.start;
  const line = anchor.script === "latin" ? words.filter((w) => w.start < anchor.end).at(-1)?.line : words.find((w) => w.end > anchor.start)?.line;
  const onLine = words.filter((w) => w.line === line);
  let first = onLine.findIndex((w) => w.end > from);
  if (first < 0) return null;
  // The model may have found only part of the Devanagari name ("तोफा" of "(Ar तोफा)"): start at its bracket.
  if (anchor.script === "devanagari") {
    for (let i = first; i >= 0; i--) {
      if (onLine[i]!.text.includes("(")) {
        first = i;
        break;
      }
    }
  }
  const inBracket = onLine.slice(first);
  const x0 = Math.min(...inBracket.map((w) => w.bbox[0]));
  const x1 = Math.max(...inBracket.map((w) => w.bbox[2]));
  const y0 = Math.min(...onLine.map((w) => w.bbox[1]));
  const y1 = Math.max(...onLine.map((w) => w.bbox[3]));
  // Room for the matras above and below the letters, and for a bracket the first reading cut short.
  const padY = Math.round((y1 - y0) * 0.3);
  const padX = Math.round((y1 - y0) * 0.6);
  const left = Math.max(0, x0 - padX);
  const top = Math.max(0, y0 - padY);
  const right = Math.min(page.width, x1 + padX);
  const bottom = Math.min(page.height, y1 + padY);
  if (right <= left || bottom <= top) return null;
  // Inside the brackets, in the reading's text: where the name was, however it was read.
  const firstWord = inBracket[0]!;
  const lastWord = inBracket.at(-1)!;
  const open = firstWord.text.indexOf("(");
  const close = lastWord.text.lastIndexOf(")");
  const span = { start: open >= 0 ? firstWord.start + open + 1 : firstWord.start, end: close >= 0 ? lastWord.start + close : lastWord.end };
  const confidence = inBracket.reduce((sum, w) => sum + w.confidence, 0) / inBracket.length;
  return { text: inBracket.map((w) => w.text).join(" "), span, region: { left, top, width: right - left, height: bottom - top }, confidence };
}

/** The name in the line's own reading: what its brackets hold, if that is Devanagari words alone. */
export function nameFromBracketLine(text: string): string | null {
  const open = text.lastIndexOf("(");
  let inside = open >= 0 ? text.slice(open + 1) : text;
  const close = inside.indexOf(")");
  if (close >= 0) inside = inside.slice(0, close);
  const name = cleanOcrText(inside).replace(/[\s\u0964\u0965.,:;|'"‘’“”-]+$/u, "").replace(/^[\s\u0964\u0965.,:;|'"‘’“”-]+/u, "").replace(/\s+/g, " ");
  return DEVANAGARI_NAME.test(name) ? name : null;
}

// A word of one letter, with at most a sign on it: a speck or a bracket's edge read as a letter ("र र दिनकर").
const LONE_LETTER = /^[\u0904-\u0939\u0958-\u0961\u0972-\u097F][\u0900-\u0903\u093C]?$/;

/** `name` without lone letters at its ends while it has more words than the Latin name (`latinWords`). */
export function withoutLoneLetters(name: string, latinWords: number): string {
  const words = name.split(" ");
  while (words.length > latinWords && LONE_LETTER.test(words[0]!)) words.shift();
  while (words.length > latinWords && LONE_LETTER.test(words.at(-1)!)) words.pop();
  return words.join(" ");
}

/**
 * The form with the Devanagari name from the line's own reading, or null where that reading is no
 * better. A first reading of Devanagari words alone stands against a line with fewer words, and, where it
 * has as many words as the Latin name, against a line with no more words than it. `span` is where the
 * bracket is in the extraction's text (null when the reading was another text): the photo highlights it,
 * and a correction points the model at the name as OCR read it there.
 */
export function withRereadLocalName(fields: FormFields, reread: string | null, span: { start: number; end: number } | null = null): FormFields | null {
  if (!reread || fields.claimantLocal.source === "user") return null;
  const line = withoutLoneLetters(reread, wordCount(fields.claimant.value));
  const current = fields.claimantLocal.value.trim();
  if (line === current) return null;
  if (DEVANAGARI_NAME.test(current)) {
    const [words, lineWords] = [wordCount(current), wordCount(line)];
    if (lineWords < words || (cleanLocalName(current, fields.claimant.value) && lineWords === words)) return null;
  }
  return { ...fields, claimantLocal: { value: line, source: "form", confidence: null, span } };
}

/**
 * The reading the claimant's names were found in: its words, where it put the names, the page's size, and
 * where the reading's text starts in the extraction's text (null for a reading that is not part of it, as
 * a second look's).
 */
export type ClaimantReading = { words: readonly OcrWord[]; anchor: NameAnchor; page: { width: number; height: number }; offset: number | null };

// Below this mean word confidence a bracket of Latin words is Devanagari the page's reading took for
// Latin: "(arg Ham)" at 26 and 57 and "(get Hert)" at 44 and 0 for "(दगडू पेंदाम)" and "(बुधनी मट्टामी)".
const UNSURE_LATIN_CONFIDENCE = 60;

/**
 * Whether the first reading's bracket after the Latin name holds a Devanagari name: some Devanagari, or
 * a bracket of OCR debris: no capitalised Latin word ("(7 ue)" for "(गेनू पल्लो)"), or words tesseract
 * was unsure of (`confidence`, their mean). Never a Latin name in brackets read with confidence, as an
 * English-only form may write.
 */
export function holdsLocalName(bracketText: string, confidence = 100): boolean {
  return DEVANAGARI.test(bracketText) || (bracketText.trimStart().startsWith("(") && (!/[A-Z][a-z]{2,}/.test(bracketText) || confidence < UNSURE_LATIN_CONFIDENCE));
}

/** Reads a rectangle of the page as one line, enlarged `enlarge` times first, in the name's language. */
export type LineReader = (rect: PixelRect, enlarge: number) => Promise<string>;

// The sizes the line is read at. The name's model misreads some conjuncts at one size and not at another
// ("दरवा" at the photo's size, "दुर्वा" twice and three times as large), while the same misreading at
// every size is rare: a reading that two sizes agree on is taken over one that only one size gave.
export const LINE_ENLARGEMENTS = [1, 2, 3] as const;

/**
 * The form with its Devanagari name read again from the claimant's line, or null where there is nothing
 * to mend or no reading is better. The line is read wherever its bracket holds a Devanagari name
 * (holdsLocalName), first at the photo's size:
 * - a clean first reading (Devanagari words alone, as many as the Latin name's) that the line's reading
 *   repeats stands; it gives way only to a name the line reads the same at all three sizes ("तुव्साबाई",
 *   Hindi's reading of "तुळसाबाई");
 * - any other first reading takes the line's reading that two sizes agree on, else the photo size's
 *   (withRereadLocalName decides whether that is better than the first reading).
 * What the app and `bench:forms` both run.
 */
export async function rereadLocalName(fields: FormFields, reading: ClaimantReading | null, readLine: LineReader): Promise<FormFields | null> {
  if (!reading || fields.claimantLocal.source === "user" || !fields.claimant.value.trim()) return null;
  const bracket = nameBracket(reading.words, reading.anchor, reading.page);
  if (!bracket || !holdsLocalName(bracket.text, bracket.confidence)) return null;
  const span = reading.offset === null ? null : { start: reading.offset + bracket.span.start, end: reading.offset + bracket.span.end };
  const latinWords = wordCount(fields.claimant.value);
  const readAt = async (enlarge: number) => {
    const name = nameFromBracketLine(await readLine(bracket.region, enlarge));
    return name && withoutLoneLetters(name, latinWords);
  };
  const current = fields.claimantLocal.value.trim();
  const [photoSize, twice, thrice] = LINE_ENLARGEMENTS;
  const first = await readAt(photoSize);
  if (cleanLocalName(current, fields.claimant.value)) {
    if (first === null || first === current || (await readAt(twice)) !== first || (await readAt(thrice)) !== first) return null;
    return { ...fields, claimantLocal: { value: first, source: "form", confidence: null, span } };
  }
  const second = await readAt(twice);
  if (second !== null && second === first) return withRereadLocalName(fields, first, span);
  const third = await readAt(thrice);
  const agreed = third !== null && (third === first || third === second) ? third : first;
  return withRereadLocalName(fields, agreed, span);
}
