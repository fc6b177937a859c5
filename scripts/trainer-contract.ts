// The files (path -> content) that carry the app's contracts to the Python trainer.
import { z } from "zod";
import { metricsLineSchema, NER_LABELS, ENTITY_TYPES, nerExampleSchema, runStateSchema, trainerConfigSchema } from "@/configs/ner";
import * as names from "@/server/db/seed/names";
import { DISTRICTS, TEHSILS } from "@/server/db/seed/geography";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const schema = (s: z.ZodType) => json(z.toJSONSchema(s, { io: "input", unrepresentable: "any" }));

export function trainerContractFiles(): Record<string, string> {
  return {
    "trainer/schema/labels.json": json({ entities: ENTITY_TYPES, labels: NER_LABELS }),
    "trainer/schema/ner-example.schema.json": schema(nerExampleSchema),
    "trainer/schema/trainer-config.schema.json": schema(trainerConfigSchema),
    "trainer/schema/run-state.schema.json": schema(runStateSchema),
    "trainer/schema/metrics-line.schema.json": schema(metricsLineSchema),
    "trainer/data/lexicon.json": json({
      note: "Generated from server/db/seed/names.ts and geography.ts by `npm run schemas`; hand-written lists, see README credits.",
      male_names: names.MALE_NAMES,
      female_names: names.FEMALE_NAMES,
      st_surnames: [...names.EAST_SURNAMES, ...names.WEST_SURNAMES],
      otfd_surnames: names.OTFD_SURNAMES,
      tribes: [...names.EAST_TRIBES, ...names.WEST_TRIBES],
      village_prefixes: names.VILLAGE_PREFIXES,
      village_suffixes: names.VILLAGE_SUFFIXES,
      real_villages: Object.values(names.REAL_VILLAGES).flat(),
      districts: DISTRICTS.map((d) => [d.name, d.nameLocal]),
      tehsils: Object.values(TEHSILS).flat(),
    }),
  };
}
