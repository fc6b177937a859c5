// The village chosen on record carries its Gram Panchayat, tehsil and district. Where the form names
// another, either the choice or the reading is wrong: the worker should look before sending, since the
// claim is filed under the record's places, not the form's. It also carries its state, whose spelling
// the claimant's Devanagari name follows.
import type { AreaVillage } from "@/configs/contracts/field";
import { nameLanguageOf, type NameLanguage } from "@/configs/field";
import { nameSimilarity, SAME_PLACE_NAME, type FormFields } from "./form-from-entities";

const PLACES = ["gramPanchayat", "tehsil", "district"] as const;
export type PlaceOnRecord = (typeof PLACES)[number];
export type RecordMismatch = { key: PlaceOnRecord; onForm: string; onRecord: string };
const LATIN = /[A-Za-z]/;

/** The form's places that the chosen village's record names differently. */
export function recordMismatches(fields: FormFields, village: AreaVillage | null): RecordMismatch[] {
  if (!village) return [];
  return PLACES.flatMap((key) => {
    const onForm = fields[key].value.trim();
    // The record's places are in English only: a Devanagari reading has nothing to be compared with.
    if (!onForm || !LATIN.test(onForm)) return [];
    const onRecord = village[key];
    return nameSimilarity(onForm, onRecord) < SAME_PLACE_NAME ? [{ key, onForm, onRecord }] : [];
  });
}

/**
 * The language the claimant's Devanagari name is spelt in: that of the village's state, or, before a
 * village is known, of the area's state when all its villages are in one. Null where that state writes
 * names in another script, or the area spans states and no village is known.
 */
export function nameLanguageOfClaim(villages: readonly AreaVillage[], villageId: number | null): NameLanguage | null {
  const village = villages.find((v) => v.id === villageId);
  if (village) return nameLanguageOf(village.stateCode);
  const states = new Set(villages.map((v) => v.stateCode));
  return states.size === 1 ? nameLanguageOf([...states][0]) : null;
}
