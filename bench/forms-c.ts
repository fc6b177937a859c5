// What a field worker gets from a photographed Form C (a community forest resource claim) before
// correcting anything: demo CFR claims drawn as the seed draws their Form C, photographed, kept and read
// as the app does, then each model package given runs the app's extraction, with its second look where
// the first reading missed an item Form C asks. Prints, per package, the share of forms on which each
// field comes out exactly right, the village on record, and the bordering villages: the whole list
// exactly, and name by name (recall and precision). Prints one JSON object.
//   npm run bench:forms-c [-- --forms 24 --model models/fra-ner --model OTHER_PACKAGE_DIR]   (BENCH_MISSES=1 lists each miss)
import { renderCfrFormPageSvg } from "@/server/db/seed/form-image";
import { loadPackageModel } from "@/server/services/models/onnx-check";
import { formFromEntities, villageOnRecord, type FormFields } from "@/workers/field/form-from-entities";
import { borderingVillagesWanted, secondLookWanted, withSecondLook } from "@/workers/field/second-look";
import { withPlaceSpellingsOnRecord } from "@/workers/field/village-record";
import { extractEntities } from "@/workers/ner/extract";
import { AREA_AND_DATE, communityFormBench, communityFormExpected, communityFormPlace, exactFields, meanSeconds, photographedPages, shareOf, type CommunityClaimRow } from "./form-pages";

// A district official's area: the district's villages, which the bordering villages are read against.
const { models: modelDirs, villages, claims, villageOf } = await communityFormBench("CFR");

const FIELDS = ["village", "gramPanchayat", "tehsil", "district", "category", "tribe", "type", "area", "khasra", "filedOn"] as const;
const expected = (c: CommunityClaimRow): Record<(typeof FIELDS)[number], string> => ({ ...communityFormExpected(c, villageOf(c)), type: "CFR", khasra: c.survey_numbers.join(", ") });

// Photograph and OCR every form once; each package then reads the same text.
const { pages, sparseText, close } = await photographedPages(claims.map((c, i) =>
  renderCfrFormPageSvg({ ...communityFormPlace(c, villageOf(c), i), survey: c.survey_numbers, borderingVillages: c.bordering_villages })));

const share = (n: number) => shareOf(n, pages.length);
const models: Record<string, unknown> = {};
for (const dir of modelDirs) {
  const model = await loadPackageModel(dir, "model_quantized.onnx");
  const exact = exactFields(FIELDS, AREA_AND_DATE);
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
console.log(JSON.stringify({ forms: pages.length, ocrSecondsPerPage: meanSeconds(pages.map((p) => p.ocrSeconds)), models }, null, 1));
