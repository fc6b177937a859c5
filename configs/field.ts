// The field tablet's settings: what a photo may be, how OCR runs, the claim form's fields. Plain
// constants (no zod), so the workers that import them stay small; the shapes that cross the wire are in
// contracts/field.ts.

// A phone photo of a page is 2 to 12 MB; beyond this it is a raw or panorama that would exhaust a
// tablet's memory when decoded. Larger photos are refused with a message, never half-stored.
export const MAX_PHOTO_BYTES = 25 * 1024 * 1024;
export const PHOTO_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
// About 200 dpi for an A4 page: what tesseract reads best; larger only costs time.
export const OCR_LONG_SIDE_PX = 2400;
export const STORED_JPEG_QUALITY = 0.88;
export const OCR_LANGUAGES = "eng+hin";
// The claimant's Devanagari name is read again from its own line (workers/field/devanagari-line.ts) in the
// language the claim's state spells names in, by census state code. Maharashtra's forms write names in
// Marathi ("तुळसाबाई", "वड्डे"; Hindi's model has no ळ and reads such conjuncts as others: "तुव्साबाई",
// "वड्ढडे"), and so do Goa's; the Hindi-speaking states' in Hindi; Sikkim's in Nepali ("तामाङ", whose ङ
// Hindi's model reads as ड: Sikkim's claimant's name came out right on 0.45 of forms in Hindi, 1.00 in
// Nepali, bench:forms on its real villages). A state whose forms write names in
// another script has none: there is no Devanagari name to read (and the app reads pages in English and
// Hindi only).
export type NameLanguage = "mar" | "hin" | "nep";
export const NAME_LANGUAGE_BY_STATE: Readonly<Record<string, NameLanguage>> = {
  "27": "mar", // Maharashtra
  "30": "mar", // Goa
  "11": "nep", // Sikkim
  "02": "hin", // Himachal Pradesh
  "05": "hin", // Uttarakhand
  "06": "hin", // Haryana
  "08": "hin", // Rajasthan
  "09": "hin", // Uttar Pradesh
  "10": "hin", // Bihar
  "20": "hin", // Jharkhand
  "22": "hin", // Chhattisgarh
  "23": "hin", // Madhya Pradesh
};
export const nameLanguageOf = (stateCode: string | undefined): NameLanguage | null => (stateCode !== undefined && NAME_LANGUAGE_BY_STATE[stateCode]) || null;
const NAME_LANGUAGE_TAG: Readonly<Record<NameLanguage, string>> = { mar: "mr", hin: "hi", nep: "ne" };
/** The language tag (BCP 47) of a state's Devanagari names, for the page's `lang` attributes. */
export const nameLanguageTagOf = (stateCode: string | undefined): string | undefined => {
  const language = nameLanguageOf(stateCode);
  return language ? NAME_LANGUAGE_TAG[language] : undefined;
};
// Below this mean word confidence a page is reported as unreadable (blank, blurred, or another script).
export const MIN_READABLE_CONFIDENCE = 45;
export const MIN_READABLE_CHARS = 20;
// Fields extracted with less than this probability are flagged for the user to check.
export const LOW_CONFIDENCE = 0.8;

export const FORM_FIELDS = [
  "claimant",
  "claimantLocal",
  "spouse",
  "relative",
  "village",
  "gramPanchayat",
  "tehsil",
  "district",
  "category",
  "tribe",
  "type",
  "area",
  "khasra",
  "filedOn",
] as const;
export type FormFieldKey = (typeof FORM_FIELDS)[number];

export const FORM_FIELD_LABELS: Record<FormFieldKey, string> = {
  claimant: "Claimant",
  claimantLocal: "Claimant (Devanagari)",
  spouse: "Spouse",
  relative: "Father / mother",
  village: "Village",
  gramPanchayat: "Gram Panchayat",
  tehsil: "Tehsil",
  district: "District",
  category: "ST / OTFD",
  tribe: "Tribe",
  type: "Claim type",
  area: "Area claimed",
  khasra: "Khasra / survey no.",
  filedOn: "Date of filing",
};
// What a draft's parts beside the model's fields are called on the tablet's form.
export const DRAFT_PART_LABELS: Record<string, string> = {
  parcel: "Parcel", borderingVillages: "Bordering villages (Form C)", community: "Claimant community (Form B, item 1)", rightsClaimed: "Rights claimed (Form B, item 7)",
};
