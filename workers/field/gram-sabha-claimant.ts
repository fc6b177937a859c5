// A Form B or Form C names no person as claimant: a community's claim is its village's Gram Sabha's (Form
// B's item 1 names the community, kept as the claim's community). The tablet fills the claimant from the
// village on record, and again when the worker picks another village, but never over a name the worker
// typed or the model read; and empties it again if the claim turns out to be an individual's.
import type { AreaVillage, FormField } from "@/configs/contracts/field";
import { gramSabhaClaimant } from "@/configs/gram-sabha";
import type { ClaimType } from "@/configs/workflow";
import { emptyField, type FormFields } from "./form-from-entities";

const fromRecord = (field: FormField, value: string): FormField =>
  field.source === "user" || (field.source !== "record" && field.value.trim() !== "") ? field : { value, source: "record", confidence: null, span: null };

export function withGramSabhaClaimant(fields: FormFields, type: ClaimType, village: AreaVillage | undefined): FormFields {
  if (type === "IFR") {
    const unfilled = (field: FormField) => (field.source === "record" ? emptyField() : field);
    return { ...fields, claimant: unfilled(fields.claimant), claimantLocal: unfilled(fields.claimantLocal) };
  }
  if (!village) return fields;
  const [name, nameLocal] = gramSabhaClaimant(village);
  return { ...fields, claimant: fromRecord(fields.claimant, name), claimantLocal: fromRecord(fields.claimantLocal, nameLocal) };
}
