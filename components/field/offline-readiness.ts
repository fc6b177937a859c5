// One answer to the question a field worker asks before leaving the network: can this tablet do the day's
// work offline? Only if the app shell and runtimes are precached, the field model is verified and loaded,
// the area's villages are on the tablet, and the OCR data for the area's claimant names is kept.
import { languageNames } from "@/workers/ocr/ocr-languages";
import type { NameLanguage } from "@/configs/field";

export type OfflineParts = {
  serviceWorkerReady: boolean;
  modelLoaded: boolean;
  areaVillages: number | null; // null: no area on the tablet yet
  missingLanguages: NameLanguage[] | null; // null: not known yet
};

/** What still keeps the tablet from working offline, in words; empty when nothing does. */
export function offlineShortfalls(parts: OfflineParts): string[] {
  const missing: string[] = [];
  if (!parts.serviceWorkerReady) missing.push("the app and its OCR and model runtimes");
  if (!parts.modelLoaded) missing.push("the field model");
  if (!parts.areaVillages) missing.push("your area's villages");
  if (parts.missingLanguages === null) missing.push("the check of your area's OCR languages");
  else if (parts.missingLanguages.length) missing.push(`${languageNames(parts.missingLanguages)} OCR data`);
  return missing;
}
