// The form's date is the day the claim was filed, so it cannot lie after today, and the model's date that
// does not read as a date at all is a misreading: English and Hindi read together gave a year as "2609"
// (bench:forms, seed 2008). Such a date's words with digits are read again alone, in English, and the new
// reading is taken only where it makes a date that can be; its confidence is then tesseract's for that
// reading, so a doubtful one still asks the worker to check it.
import type { FormField } from "@/configs/contracts/field";
import type { OcrWord } from "@/workers/db/field-db";
import { HAS_DIGIT, parseDate } from "./form-from-entities";
import { sureNumber, UNSURE_WORD_CONFIDENCE, wordRegion, wordsInSpan, type WordReader } from "./unsure-numbers";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the model's date is one no claim can have: not a date, or after `today` (YYYY-MM-DD). */
export function impossibleDate(field: FormField, today: string): boolean {
  if (field.source !== "model" || !field.value) return false;
  return !ISO_DATE.test(field.value) || field.value > today;
}

// Where the word at the photo's size reads the same impossible date again (a month "05" read "65" both
// times, bench:forms on Goa's forms), it is read larger: tesseract tells 0 from 6 better on taller glyphs.
export const DATE_REREAD_ENLARGEMENTS = [1, 2, 3] as const;

/**
 * The date read again from its words with digits (offsets into the page's text), at the photo's size and
 * then larger until a reading makes a date that can be; null when it is not impossible, or none does.
 */
export async function rereadImpossibleDate(
  field: FormField, words: readonly OcrWord[], span: { start: number; end: number }, page: { width: number; height: number },
  readWord: WordReader, today: string,
): Promise<FormField | null> {
  if (!impossibleDate(field, today)) return null;
  const inSpan = wordsInSpan(words, span);
  if (!inSpan.some((w) => HAS_DIGIT.test(w.text))) return null;
  for (const enlarge of DATE_REREAD_ENLARGEMENTS) {
    const again = await readDateAt(inSpan, page, readWord, enlarge);
    const iso = again && parseDate(again.text);
    if (iso && iso <= today) return { ...field, value: iso, confidence: again.leastConfidence / 100 };
  }
  return null;
}

/** The date's words with each number read again at one size; null when a number's reading is unsure. */
async function readDateAt(
  words: readonly OcrWord[], page: { width: number; height: number }, readWord: WordReader, enlarge: number,
): Promise<{ text: string; leastConfidence: number } | null> {
  let leastConfidence = 100;
  const again: string[] = [];
  for (const word of words) {
    if (!HAS_DIGIT.test(word.text)) {
      again.push(word.text);
      continue;
    }
    const reading = await readWord(wordRegion(word, page), enlarge);
    const number = sureNumber(reading, UNSURE_WORD_CONFIDENCE);
    if (number === null) return null;
    leastConfidence = Math.min(leastConfidence, reading.confidence);
    again.push(number);
  }
  return { text: again.join(" "), leastConfidence };
}

/** The date as the worker sees it: one no claim can have asks to be checked, whatever the model's score. */
export const withImpossibleDateFlagged = (field: FormField, today: string): FormField => (impossibleDate(field, today) ? { ...field, confidence: 0 } : field);

/** Today as the form's dates are kept, in the tablet's own time zone. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
