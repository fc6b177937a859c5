// What a field worker gets from a photographed Form C (a community forest resource claim) before
// correcting anything: demo CFR claims drawn as the seed draws their Form C, photographed, kept and read
// as the app does, then each model package given runs the app's extraction, with its second look where
// the first reading missed an item Form C asks. Prints, per package, the share of forms on which each
// field comes out exactly right, the village on record, and the bordering villages: the whole list
// exactly, and name by name (recall and precision). Prints one JSON object.
//   npm run bench:forms-c [-- --forms 24 --model models/fra-ner --model OTHER_PACKAGE_DIR]   (BENCH_MISSES=1 lists each miss)
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { chromium } from "playwright-core";
import { createSession, validateSession } from "@/server/auth/session";
import { rows } from "@/server/db/client";
import { renderCfrFormPageSvg } from "@/server/db/seed/form-image";
import { fieldArea } from "@/server/services/field-area";
import { loadPackageModel } from "@/server/services/models/onnx-check";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/test/helpers/app-server";
import { photographPage } from "@/test/helpers/form-photo";
import { formFromEntities, parseAreaHa, parseDate, villageOnRecord, type FormFields } from "@/workers/field/form-from-entities";
import { borderingVillagesWanted, secondLookWanted, withSecondLook } from "@/workers/field/second-look";
import { withPlaceSpellingsOnRecord } from "@/workers/field/village-record";
import { extractEntities } from "@/workers/ner/extract";
import { createOcrWorker, PAGE_SEGMENTATION } from "@/workers/ocr/ocr-pool";
import { openFieldBenchDatabase } from "./app";
import { asTheAppKeepsIt, readPage, type Reading } from "./form-pages";

const { values } = parseArgs({ options: { forms: { type: "string", default: "24" }, model: { type: "string", multiple: true, default: ["models/fra-ner"] }, "data-dir": { type: "string", default: "data/bench-form-c" }, seed: { type: "string", default: "2006" } } });

const database = await openFieldBenchDatabase(values["data-dir"]!, Number(values.seed));
// A district official's area: the district's villages, which the bordering villages are read against.
const [official] = await rows<{ id: string }>(database.db, sql`SELECT id FROM users WHERE role = 'district_official' ORDER BY username LIMIT 1`);
const user = (await validateSession(database.db, (await createSession(database.db, official!.id, 1)).token, 1))!;
const { villages } = await fieldArea(database.db, user);
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
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const ocr = await createOcrWorker({ langPath: path.resolve("public/tesseract/lang") });
const pages: Array<{ claim: ClaimRow; image: Buffer; ocrSeconds: number } & Reading> = [];
try {
  const renderer = await browser.newPage();
  for (const [i, c] of claims.entries()) {
    const v = villages.find((x) => x.id === c.village_id)!;
    const photo = await photographPage(renderer, renderCfrFormPageSvg({
      claimNo: c.claim_no, village: v.name, gramPanchayat: v.gramPanchayat, tehsil: v.tehsil, district: v.district, category: c.category, tribe: c.tribe ?? "",
      areaHa: c.area_claimed_ha, survey: c.survey_numbers, evidence: c.evidence.map((e) => e.description), borderingVillages: c.bordering_villages,
      filedOn: c.filed_on.split("-").reverse().join("/"), seed: 5 + i * 13,
    }));
    const { jpeg } = await asTheAppKeepsIt(photo);
    const t0 = performance.now();
    pages.push({ claim: c, image: jpeg, ...(await readPage(ocr, jpeg)), ocrSeconds: (performance.now() - t0) / 1000 });
  }
} finally {
  await browser.close();
}
const sparse = new Map<number, string>();
async function sparseText(index: number): Promise<string> {
  if (!sparse.has(index)) {
    await ocr.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION.sparse });
    sparse.set(index, (await readPage(ocr, pages[index]!.image)).text);
    await ocr.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION.page });
  }
  return sparse.get(index)!;
}

const share = (n: number) => Math.round((n / Math.max(1, pages.length)) * 1000) / 1000;
const models: Record<string, unknown> = {};
for (const dir of values.model!) {
  const model = await loadPackageModel(dir, "model_quantized.onnx");
  const right = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<(typeof FIELDS)[number], number>;
  let villagesOnRecord = 0;
  let secondLooks = 0;
  let listsExact = 0;
  let namesListed = 0;
  let namesRead = 0;
  let namesRight = 0;
  for (const [index, { claim, text }] of pages.entries()) {
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
    const want = expected(claim);
    for (const f of FIELDS) {
      const norm = normalise[f] ?? ((s: string) => s.trim());
      if (norm(fields[f].value) === norm(want[f])) right[f]++;
      else if (process.env.BENCH_MISSES) console.error(`form ${index}`, f, JSON.stringify(fields[f].value), "want", JSON.stringify(want[f]));
    }
    if (villageOnRecord(fields, villages) === claim.village_id) villagesOnRecord++;
    if (JSON.stringify(listed) === JSON.stringify(claim.bordering_villages)) listsExact++;
    else if (process.env.BENCH_MISSES) console.error(`form ${index}`, "borderingVillages", JSON.stringify(listed), "want", JSON.stringify(claim.bordering_villages));
    namesListed += claim.bordering_villages.length;
    namesRead += listed.length;
    namesRight += listed.filter((n) => claim.bordering_villages.includes(n)).length;
  }
  await model.session.release();
  models[dir] = {
    fieldsExact: Object.fromEntries(FIELDS.map((f) => [f, share(right[f])])),
    villageOnRecord: share(villagesOnRecord),
    borderingVillages: { listExact: share(listsExact), nameRecall: Math.round((namesRight / Math.max(1, namesListed)) * 1000) / 1000, namePrecision: Math.round((namesRight / Math.max(1, namesRead)) * 1000) / 1000 },
    secondLooks,
  };
}
await ocr.terminate();
const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);
console.log(JSON.stringify({ forms: pages.length, ocrSecondsPerPage: mean(pages.map((p) => p.ocrSeconds)), models }, null, 1));
