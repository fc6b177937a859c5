// The OCR language data a tablet keeps. English and Hindi read every page, so the service worker
// precaches them. The other name languages (configs/field.ts: Marathi for Maharashtra and Goa, Nepali for
// Sikkim; 1.6 to 2 MB each) only read the claimant's Devanagari line, and only in their states: the
// service worker keeps one when the tablet's area needs it (workers/sw/ocr-language-cache.ts), asked by
// the page with the messages below.
import { NAME_LANGUAGE_BY_STATE, OCR_LANGUAGES, nameLanguageOf, type NameLanguage } from "../../configs/field";

/** Where a language's data is served (`base`: the folder, the app's own by default). */
export const languageDataPath = (language: string, base = "/tesseract/lang") => `${base}/${language}.traineddata.gz`;

const PAGE_LANGUAGES: readonly string[] = OCR_LANGUAGES.split("+");
export const ON_DEMAND_LANGUAGES: readonly NameLanguage[] = [...new Set(Object.values(NAME_LANGUAGE_BY_STATE))].filter((l) => !PAGE_LANGUAGES.includes(l));

/** The on-demand language whose data lives at this path, if any. */
export const onDemandLanguageAt = (pathname: string): NameLanguage | null => ON_DEMAND_LANGUAGES.find((l) => languageDataPath(l) === pathname) ?? null;

/** The on-demand languages an area's claims need, by their villages' states. */
export function onDemandLanguagesOf(stateCodes: Iterable<string>): NameLanguage[] {
  const needed = new Set<NameLanguage>();
  for (const code of stateCodes) {
    const language = nameLanguageOf(code);
    if (language && ON_DEMAND_LANGUAGES.includes(language)) needed.add(language);
  }
  return [...needed].sort();
}

export const LANGUAGE_NAMES: Record<NameLanguage, string> = { mar: "Marathi", hin: "Hindi", nep: "Nepali" };
/** Languages as a sentence names them: "Marathi and Nepali". */
export const languageNames = (languages: readonly NameLanguage[]) => languages.map((l) => LANGUAGE_NAMES[l]).join(" and ");

/** To the service worker: which of `languages` it holds, after fetching the missing ones if `fetch`. */
export type HoldLanguagesMessage = { type: "fra-ocr-languages"; languages: NameLanguage[]; fetch: boolean };
export type HeldLanguagesReply = { held: NameLanguage[]; error: string | null };

export const isHoldLanguagesMessage = (data: unknown): data is HoldLanguagesMessage =>
  typeof data === "object" && data !== null && (data as HoldLanguagesMessage).type === "fra-ocr-languages" &&
  Array.isArray((data as HoldLanguagesMessage).languages) && (data as HoldLanguagesMessage).languages.every((l) => onDemandLanguageAt(languageDataPath(l)) !== null);

/** Asks the active service worker which of `languages` this tablet holds (fetching the rest if `fetch`). */
export async function askServiceWorkerForLanguages(languages: NameLanguage[], fetch: boolean): Promise<HeldLanguagesReply> {
  if (languages.length === 0) return { held: [], error: null };
  const worker = (await navigator.serviceWorker.ready).active;
  if (!worker) return { held: [], error: "offline support has not started yet" };
  const channel = new MessageChannel();
  const reply = new Promise<HeldLanguagesReply>((resolve) => (channel.port1.onmessage = (event: MessageEvent<HeldLanguagesReply>) => resolve(event.data)));
  const message: HoldLanguagesMessage = { type: "fra-ocr-languages", languages, fetch };
  worker.postMessage(message, [channel.port2]);
  return reply;
}
