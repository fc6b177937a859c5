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
// The claimant's Devanagari name, read again from its own line (workers/field/devanagari-line.ts), in the
// language its spellings follow. Maharashtra's forms write names in Marathi: "तुळसाबाई", "वड्डे". Hindi's
// model has no ळ and reads such conjuncts as others ("तुव्साबाई", "वड्ढडे"). A state that writes names
// in Hindi sets "hin".
export const DEVANAGARI_NAME_LANGUAGE = "mar";
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
