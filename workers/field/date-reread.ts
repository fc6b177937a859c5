// The form's date is the day the claim was filed, so it cannot lie after today, and the model's date that
// does not read as a date at all is a misreading: English and Hindi read together gave a year as "2609"
// (bench:forms, seed 2008). Such a date's words with digits are read again alone, in English, and the new
// reading is taken only where it makes a date that can be; its confidence is then tesseract's for that
// reading, so a doubtful one still asks the worker to check it.
import type { FormField } from "@/configs/contracts/field";
import type { OcrWord } from "@/workers/db/field-db";
import { HAS_DIGIT, parseDate } from "./form-from-entities";
import { sureNumber, UNSURE_WORD_CONFIDENCE, wordRegion, wordsInSpan, type WordReading } from "./unsure-numbers";
import type { PixelRect } from "./devanagari-line";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the model's date is one no claim can have: not a date, or after `today` (YYYY-MM-DD). */
export function impossibleDate(field: FormField, today: string): boolean {
  if (field.source !== "model" || !field.value) return false;
  return !ISO_DATE.test(field.value) || field.value > today;
}

/**
 * The date read again from its words with digits (offsets into the page's text); null when it is not
 * impossible, or when no second reading makes a date that can be.
 */
export async function rereadImpossibleDate(
  field: FormField, words: readonly OcrWord[], span: { start: number; end: number }, page: { width: number; height: number },
  readWord: (region: PixelRect) => Promise<WordReading>, today: string,
): Promise<FormField | null> {
  if (!impossibleDate(field, today)) return null;
  const inSpan = wordsInSpan(words, span);
  if (!inSpan.some((w) => HAS_DIGIT.test(w.text))) return null;
  let least = 100;
  const again: string[] = [];
  for (const word of inSpan) {
    if (!HAS_DIGIT.test(word.text)) {
      again.push(word.text);
      continue;
    }
    const reading = await readWord(wordRegion(word, page));
    const number = sureNumber(reading, UNSURE_WORD_CONFIDENCE);
    if (number === null) return null;
    least = Math.min(least, reading.confidence);
    again.push(number);
  }
  const iso = parseDate(again.join(" "));
  return iso && iso <= today ? { ...field, value: iso, confidence: least / 100 } : null;
}

/** The date as the worker sees it: one no claim can have asks to be checked, whatever the model's score. */
export const withImpossibleDateFlagged = (field: FormField, today: string): FormField => (impossibleDate(field, today) ? { ...field, confidence: 0 } : field);

/** Today as the form's dates are kept, in the tablet's own time zone. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
