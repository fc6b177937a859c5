// The survey or khasra numbers tie a claim to its land: one digit wrong names another plot. Tesseract says
// how sure it was of each word, and reading the page's English and Hindi together it is sometimes wrong
// and knows it: "510/9," came back as "5160/9," at confidence 0. Such a word is read again alone, in
// English; the new reading is taken only where tesseract is sure of it. A number still unsure after that
// is flagged for the field worker to check against the paper.
import type { FormField } from "@/configs/contracts/field";
import type { Extraction, OcrWord } from "@/workers/db/field-db";
import type { PixelRect } from "./devanagari-line";
import { HAS_DIGIT } from "./form-from-entities";
import { pageOfSpan } from "./pages-text";

/** Below this word confidence (0-100) a number is worth a second reading, or a check. */
export const UNSURE_WORD_CONFIDENCE = 50;
/** A second reading is taken at this confidence or above (its errors came back far lower). */
export const SURE_REREAD_CONFIDENCE = 85;

/** The number as written, without the punctuation around it: "5160/9," -> "5160/9". */
export const bareNumber = (word: string) => word.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/** The words that overlap a span of the page's text. */
export const wordsInSpan = (words: readonly OcrWord[], span: { start: number; end: number }) => words.filter((w) => w.end > span.start && w.start < span.end);

/**
 * The words of a field's span (offsets into the page's text) that hold a digit, that tesseract was unsure
 * of, and whose number the field's value still shows.
 */
export function unsureNumbers(field: FormField, words: readonly OcrWord[], span: { start: number; end: number }): OcrWord[] {
  return wordsInSpan(words, span).filter((w) => w.confidence < UNSURE_WORD_CONFIDENCE && HAS_DIGIT.test(w.text) && field.value.includes(bareNumber(w.text)));
}

/** Where a field read by the model lies on its page: the page and the span in that page's text. */
export function fieldOnPage<P extends { id: string }>(field: FormField, pageOffsets: Extraction["pageOffsets"], pages: readonly P[]): { page: P; span: { start: number; end: number } } | null {
  if (field.source !== "model" || !field.span) return null;
  const on = pageOfSpan(pageOffsets, pages, field.span.start, field.span.end);
  return on && { page: on.page, span: { start: on.start, end: on.end } };
}

/** The numbers of a field that OCR was unsure of and that no second reading settled, as the field shows them. */
export function fieldUnsureNumbers(field: FormField, pageOffsets: Extraction["pageOffsets"], pages: readonly { id: string; ocr: { words: readonly OcrWord[] } }[]): string[] {
  const on = fieldOnPage(field, pageOffsets, pages);
  return on ? unsureNumbers(field, on.page.ocr.words, on.span).map((w) => bareNumber(w.text)) : [];
}

/** A word's box with room around it (a third of its height), inside the page. */
export function wordRegion(word: OcrWord, page: { width: number; height: number }): PixelRect {
  const [x0, y0, x1, y1] = word.bbox;
  const pad = Math.round((y1 - y0) / 3);
  const left = Math.max(0, x0 - pad);
  const top = Math.max(0, y0 - pad);
  return { left, top, width: Math.min(page.width, x1 + pad) - left, height: Math.min(page.height, y1 + pad) - top };
}

export type WordReading = { text: string; confidence: number };

/** The one number a word's second reading gives, where tesseract was at least `sure` of it; else null. */
export function sureNumber(reading: WordReading, sure: number): string | null {
  const number = bareNumber(reading.text);
  return reading.confidence >= sure && HAS_DIGIT.test(number) && !/\s/.test(number) ? number : null;
}

/** Reads one word's rectangle of the page alone, in English, enlarged `enlarge` times first (1: as it is). */
export type WordReader = (region: PixelRect, enlarge: number) => Promise<WordReading>;

/** A field read again from its words (offsets into its page's text) on its page; null where nothing changed. */
export type WordsReread = (
  field: FormField, words: readonly OcrWord[], span: { start: number; end: number }, page: { width: number; height: number },
  readWord: WordReader,
) => Promise<FormField | null>;

/**
 * The field with each unsure number replaced by a sure second reading of its word; null when no word was
 * unsure or no second reading was sure. The span stays where the first reading put the number.
 */
export async function rereadUnsureNumbers(
  field: FormField, words: readonly OcrWord[], span: { start: number; end: number }, page: { width: number; height: number },
  readWord: WordReader,
): Promise<FormField | null> {
  if (field.source !== "model") return null;
  let value = field.value;
  for (const word of unsureNumbers(field, words, span)) {
    const number = sureNumber(await readWord(wordRegion(word, page), 1), SURE_REREAD_CONFIDENCE);
    if (number !== null) value = value.replace(bareNumber(word.text), number);
  }
  return value === field.value ? null : { ...field, value };
}
