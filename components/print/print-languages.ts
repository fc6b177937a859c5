// The languages a printed document (a title, a rejection notice) is offered in: English, and the claim's
// state's where the app has a text for it. Only the documents are translated; the app's controls stay in
// English.
import { nameLanguageOf, type NameLanguage } from "@/configs/field";

export const PRINT_LANGUAGES = ["en", "hi", "mr"] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];
export const PRINT_LANGUAGE_NAMES: Record<PrintLanguage, string> = { en: "English", hi: "हिन्दी", mr: "मराठी" };
// Locales for dates. Marathi's would write Devanagari digits; the areas, numbers and coordinates beside
// them are in these, so its dates are too.
export const PRINT_LOCALE: Record<PrintLanguage, string> = { en: "en-IN", hi: "hi-IN", mr: "mr-IN-u-nu-latn" };

/** A day as the documents print it, in India's time zone: "25 November 2026", "25 नवंबर 2026". */
export const printedDate = (at: string | Date, language: PrintLanguage) =>
  new Date(at).toLocaleDateString(PRINT_LOCALE[language], { dateStyle: "long", timeZone: "Asia/Kolkata" });

// Sikkim's documents (Nepali) have no text here yet: they print in English.
const PRINT_LANGUAGE_OF: Partial<Record<NameLanguage, PrintLanguage>> = { hin: "hi", mar: "mr" };

/** The languages a claim's documents are offered in: English, and its state's where there is a text for it. */
export function printLanguagesFor(stateCode: string): PrintLanguage[] {
  const names = nameLanguageOf(stateCode);
  const local = names ? PRINT_LANGUAGE_OF[names] : undefined;
  return local ? ["en", local] : ["en"];
}
