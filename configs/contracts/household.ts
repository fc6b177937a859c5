// Recording what the district office checked of a title holder's household (configs/schemes.ts reads it):
// each fact given, or null for not checked. The version guards against two officials overwriting each
// other: 0 when nothing has been recorded yet.
import { z } from "zod";
import { HOUSES, PM_KISAN_EXCLUSIONS } from "../schemes";

export const householdFactsSchema = z.object({
  pmKisanExclusion: z.enum(["none", ...PM_KISAN_EXCLUSIONS]).nullable(),
  house: z.enum(HOUSES).nullable(),
  onAwaasPlus: z.boolean().nullable(),
  hasTap: z.boolean().nullable(),
}).strict();

export const householdFactsInputSchema = z.object({
  claimId: z.string().uuid(),
  expectedVersion: z.number().int().min(0),
  facts: householdFactsSchema,
}).strict();
export type HouseholdFactsInput = z.infer<typeof householdFactsInputSchema>;
