// The village chosen on record carries its Gram Panchayat, tehsil and district. Where the form names
// another, either the choice or the reading is wrong: the worker should look before sending, since the
// claim is filed under the record's places, not the form's. It also carries its state, whose spelling
// the claimant's Devanagari name follows.
import type { AreaVillage } from "@/configs/contracts/field";
import { nameLanguageOf, type NameLanguage } from "@/configs/field";
import { PLACE_ON_RECORD, placeNamesOnRecord, SAME_PLACE_NAME, type FormFields, type PlaceField } from "./form-from-entities";
import { nameSimilarity } from "./name-similarity";

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

// A speck or two OCR read after a tehsil's or district's name ("North Goa BN"). Not after a village's: there
// "Bk" or "Kh" tells two villages of one name apart.
const SPECK_AFTER = /^\S{1,2}$/u;

/**
 * The form's place names in the record's spelling where they are the record's names of the worker's area
 * but for letter case ("satari") or, for a tehsil or district, a speck read after them. The span stays: it
 * is where the name was read.
 */
export function withPlaceSpellingsOnRecord(fields: FormFields, villages: readonly AreaVillage[]): FormFields {
  const out = { ...fields };
  for (const key of Object.keys(PLACE_ON_RECORD) as PlaceField[]) {
    const read = fields[key].value.trim();
    if (!read || fields[key].source === "user") continue;
    const names = placeNamesOnRecord(villages, key);
    const lower = read.toLowerCase();
    const spelled = names.find((n) => n.toLowerCase() === lower)
      ?? (key === "tehsil" || key === "district" ? names.find((n) => lower.startsWith(`${n.toLowerCase()} `) && SPECK_AFTER.test(read.slice(n.length + 1))) : undefined);
    if (spelled !== undefined && spelled !== read) out[key] = { ...fields[key], value: spelled };
  }
  return out;
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
