// What crosses the wire for the field tablet: a claim form field as the tablet keeps it, and the area it
// caches for offline work (its villages' boundaries and the claims already in them).
import { z } from "zod";
import { claimStatusSchema, claimTypeSchema } from "../workflow";
import { isoDate } from "./claims";
import { storedMultiPolygonSchema } from "./geojson";

// Where a field's value came from: the model (with its span in the OCR text), the form's printed layout
// (a field the model missed, read after its printed label), the village on record (a Form C's claimant,
// its Gram Sabha), the user, or nowhere yet.
export const fieldSourceSchema = z.enum(["model", "form", "record", "user", "empty"]);
export const formFieldSchema = z
  .object({
    value: z.string().max(300),
    source: fieldSourceSchema,
    confidence: z.number().min(0).max(1).nullable(),
    span: z.object({ start: z.number().int().min(0), end: z.number().int().min(1) }).strict().nullable(),
  })
  .strict();
export type FormField = z.infer<typeof formFieldSchema>;

// The area the tablet caches for offline work: its villages' boundaries and the claims already in them.
export const areaVillageSchema = z
  .object({
    id: z.number().int().positive(),
    name: z.string(),
    nameLocal: z.string(),
    censusCode: z.string(),
    stateCode: z.string().regex(/^\d{2}$/), // the census code of its state: which language its names are spelt in
    gramPanchayat: z.string(),
    tehsil: z.string(),
    district: z.string(),
    geometry: storedMultiPolygonSchema,
  })
  .strict();
export type AreaVillage = z.infer<typeof areaVillageSchema>;

export const areaClaimSchema = z
  .object({
    id: z.string().uuid(),
    claimNo: z.string(),
    type: claimTypeSchema,
    status: claimStatusSchema,
    claimantName: z.string(),
    villageId: z.number().int(),
    version: z.number().int(),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    // The parcel, for drawing new parcels beside (not over) the ones already claimed.
    parcel: storedMultiPolygonSchema.nullable(),
    // A rejected claim's notice: the day the claimant received it, null while not yet recorded. Absent
    // from a copy of the area fetched before the tablet knew of receipts (read as not yet recorded).
    noticeReceivedOn: isoDate.nullable().optional(),
    // A rejected claim's day of rejection (India's calendar), which its notice cannot have been received
    // before; null at any other status, and absent from a copy fetched before the tablet knew it.
    rejectedOn: isoDate.nullable().optional(),
    // The day the claim was filed, before which no Gram Sabha can have resolved on it; absent from a copy
    // fetched before the tablet knew it (the server then checks that alone).
    filedOn: isoDate.optional(),
  })
  .strict();
export type AreaClaim = z.infer<typeof areaClaimSchema>;

export const fieldAreaSchema = z
  .object({
    villages: z.array(areaVillageSchema),
    claims: z.array(areaClaimSchema),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
    generatedAt: z.string(),
    // The review history (sync.pull's cursor) up to which the claims' statuses above are current.
    changesCursor: z.number().int().min(0),
  })
  .strict();
export type FieldArea = z.infer<typeof fieldAreaSchema>;
