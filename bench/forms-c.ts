// What a field worker gets from a photographed Form C (a community forest resource claim) before
// correcting anything: demo CFR claims drawn as the seed draws their Form C, photographed, kept and read
// as the app does, then each model package given runs the app's extraction, with its second look where
// the first reading missed an item Form C asks. Prints, per package, the share of forms on which each
// field comes out exactly right, the village on record, and the bordering villages: the whole list
// exactly, and name by name (recall and precision). Prints one JSON object.
//   npm run bench:forms-c [-- --forms 24 --model models/fra-ner --model OTHER_PACKAGE_DIR]   (BENCH_MISSES=1 lists each miss)
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { rows } from "@/server/db/client";
import { renderCfrFormPageSvg } from "@/server/db/seed/form-image";
import { loadPackageModel } from "@/server/services/models/onnx-check";
import { formFromEntities, parseAreaHa, parseDate, villageOnRecord, type FormFields } from "@/workers/field/form-from-entities";
import { borderingVillagesWanted, secondLookWanted, withSecondLook } from "@/workers/field/second-look";
import { withPlaceSpellingsOnRecord } from "@/workers/field/village-record";
import { extractEntities } from "@/workers/ner/extract";
import { openFieldBenchDatabase } from "./app";
import { exactFields, officialVillages, photographedPages, shareOf } from "./form-pages";

const { values } = parseArgs({ options: { forms: { type: "string", default: "24" }, model: { type: "string", multiple: true, default: ["models/fra-ner"] }, "data-dir": { type: "string", default: "data/bench-form-c" }, seed: { type: "string", default: "2006" } } });

const database = await openFieldBenchDatabase(values["data-dir"]!, Number(values.seed));
// A district official's area: the district's villages, which the bordering villages are read against.
const villages = await officialVillages(database.db);
type ClaimRow = {
  claim_no: string; category: "ST" | "OTFD"; tribe: string | null; area_claimed_ha: number; survey_numbers: string[]; evidence: Array<{ description: string }>;
  filed_on: string; bordering_villages: string[]; village_id: number;
};
const claims = await rows<ClaimRow>(database.db, sql`
  SELECT claim_no, category, tribe, area_claimed_ha, survey_numbers, evidence, filed_on::text AS filed_on, bordering_villages, village_id
  FROM claims WHERE type = 'CFR' AND village_id IN (${sql.join(villages.map((v) => sql`${v.id}`), sql`, `)})
  ORDER BY claim_no LIMIT ${Number(values.forms)}`);
await database.close();

const FIELDS = ["village", "gramPanchayat", "tehsil", "district", "category", "tribe", "type", "area", "khasra", "filedOn"] as const;
function expected(c: ClaimRow): Record<(typeof FIELDS)[number], string> {
  const v = villages.find((x) => x.id === c.village_id)!;
  return {
    village: v.name, gramPanchayat: v.gramPanchayat, tehsil: v.tehsil, district: v.district, category: c.category, tribe: c.tribe ?? "", type: "CFR",
    area: String(c.area_claimed_ha), khasra: c.survey_numbers.join(", "), filedOn: c.filed_on,
  };
}
const normalise: Partial<Record<(typeof FIELDS)[number], (s: string) => string>> = { area: (s) => String(parseAreaHa(s) ?? s), filedOn: (s) => parseDate(s) ?? s };

// Photograph and OCR every form once; each package then reads the same text.
const { pages, sparseText, close } = await photographedPages(claims.map((c, i) => {
  const v = villages.find((x) => x.id === c.village_id)!;
  return renderCfrFormPageSvg({
    claimNo: c.claim_no, village: v.name, gramPanchayat: v.gramPanchayat, tehsil: v.tehsil, district: v.district, category: c.category, tribe: c.tribe ?? "",
    areaHa: c.area_claimed_ha, survey: c.survey_numbers, evidence: c.evidence.map((e) => e.description), borderingVillages: c.bordering_villages,
    filedOn: c.filed_on.split("-").reverse().join("/"), seed: 5 + i * 13,
  });
}));

const share = (n: number) => shareOf(n, pages.length);
const models: Record<string, unknown> = {};
for (const dir of values.model!) {
  const model = await loadPackageModel(dir, "model_quantized.onnx");
  const exact = exactFields(FIELDS, normalise);
  let villagesOnRecord = 0;
  let secondLooks = 0;
  let listsExact = 0;
  let namesListed = 0;
  let namesRead = 0;
  let namesRight = 0;
  for (const [index, { text }] of pages.entries()) {
    const claim = claims[index]!;
    const read = formFromEntities(text, await extractEntities(text, model), villages);
    let fields: FormFields = read.fields;
    let listed = read.borderingVillages ?? [];
    // As the app looks again (components/field/capture.ts): for a field Form C asks, or for its lost list.
    const wanted = secondLookWanted(fields);
    const listWanted = borderingVillagesWanted(read.type ?? "IFR", read.borderingVillages, undefined);
    if (wanted.length || listWanted) {
      secondLooks++;
      const text = await sparseText(index);
      const again = formFromEntities(text, await extractEntities(text, model), villages);
      if (wanted.length) fields = withSecondLook(fields, again.fields, villages, wanted)?.fields ?? fields;
      if (listWanted && again.borderingVillages?.length) listed = again.borderingVillages;
    }
    fields = withPlaceSpellingsOnRecord(fields, villages);
    exact.count(index, fields, expected(claim));
    if (villageOnRecord(fields, villages) === claim.village_id) villagesOnRecord++;
    if (JSON.stringify(listed) === JSON.stringify(claim.bordering_villages)) listsExact++;
    else if (process.env.BENCH_MISSES) console.error(`form ${index}`, "borderingVillages", JSON.stringify(listed), "want", JSON.stringify(claim.bordering_villages));
    namesListed += claim.bordering_villages.length;
    namesRead += listed.length;
    namesRight += listed.filter((n) => claim.bordering_villages.includes(n)).length;
  }
  await model.session.release();
  models[dir] = {
    fieldsExact: exact.shares(),
    villageOnRecord: share(villagesOnRecord),
    borderingVillages: { listExact: share(listsExact), nameRecall: shareOf(namesRight, namesListed), namePrecision: shareOf(namesRight, namesRead) },
    secondLooks,
  };
}
await close();
const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);
console.log(JSON.stringify({ forms: pages.length, ocrSecondsPerPage: mean(pages.map((p) => p.ocrSeconds)), models }, null, 1));
