// What a field worker gets from a photographed form before correcting anything: demo IFR claims of the
// Etapalli block drawn as Form A scans, photographed (Chromium screenshot, JPEG), cleaned and kept as the
// app's preprocessing keeps them (a JPEG), read by tesseract.js (the app's engine, language data and page
// segmentation), then each model package given runs the app's extraction and form filling, with its second
// look for what the first reading lost and its one-line readings of the claimant's Devanagari name (at
// three sizes where the first disagrees). Prints, per package, the share of forms on which each field comes out exactly right,
// and the mean over fields. Prints one JSON object.
//   npm run bench:forms [-- --forms 24 --model models/fra-ner --model OTHER_PACKAGE_DIR]   (BENCH_MISSES=1 lists each miss)
//   npm run bench:forms -- --seed 2007 --data-dir data/bench-field-2007   (other claimants: forms no rule was made on)
//   npm run bench:forms -- --boundaries ga.geojson --census-codes ga.csv --data-dir data/bench-field-goa   (a real state's villages)
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { chromium } from "playwright-core";
import sharp from "sharp";
import { FORM_FIELDS, type FormFieldKey } from "@/configs/field";
import { createSession, validateSession } from "@/server/auth/session";
import { rows } from "@/server/db/client";
import { readBoundaryFiles } from "@/server/db/seed/boundary-file";
import type { FamilyMember } from "@/server/db/schema";
import { fieldArea } from "@/server/services/field-area";
import { loadPackageModel } from "@/server/services/models/onnx-check";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/test/helpers/app-server";
import { photographForm } from "@/test/helpers/form-photo";
import { formFromEntities, villageOnRecord } from "@/workers/field/form-from-entities";
import { nameAnchor, rereadLocalName, type ClaimantReading, type PixelRect } from "@/workers/field/devanagari-line";
import { foundClaimantName, secondLookWanted, withSecondLook } from "@/workers/field/second-look";
import { localToday, rereadImpossibleDate } from "@/workers/field/date-reread";
import { rereadUnsureNumbers } from "@/workers/field/unsure-numbers";
import { nameLanguageOfClaim, withPlaceSpellingsOnRecord } from "@/workers/field/village-record";
import { extractEntities } from "@/workers/ner/extract";
import { createFocusedWorker, createOcrWorker, devanagariLine, PAGE_SEGMENTATION, type FocusedReading, type RegionText } from "@/workers/ocr/ocr-pool";
import { openFieldBenchDatabase } from "./app";
import { AREA_AND_DATE, asTheAppKeepsIt, meanSeconds, readPage, type Reading } from "./form-pages";

const { values } = parseArgs({ options: { forms: { type: "string", default: "24" }, model: { type: "string", multiple: true, default: ["models/fra-ner"] }, "data-dir": { type: "string", default: "data/bench-field" }, seed: { type: "string", default: "2006" }, boundaries: { type: "string", multiple: true }, "census-codes": { type: "string" } } });
const dataDir = values["data-dir"]!;

const boundaries = values.boundaries ? readBoundaryFiles(values.boundaries, values["census-codes"]) : undefined;
const database = await openFieldBenchDatabase(dataDir, Number(values.seed), boundaries);
// The demo's one field worker (field.etapalli), or a real state's.
const [fieldUser] = await rows<{ id: string }>(database.db, sql`SELECT id FROM users WHERE role = 'field_staff' ORDER BY username LIMIT 1`);
const user = (await validateSession(database.db, (await createSession(database.db, fieldUser!.id, 1)).token, 1))!;
const area = await fieldArea(database.db, user);
type ClaimRow = {
  claim_no: string; claimant_name: string; claimant_name_local: string; spouse_name: string | null; relative_name: string | null; category: "ST" | "OTFD"; tribe: string | null;
  family_members: FamilyMember[]; survey_numbers: string[]; area_claimed_ha: number; filed_on: string; village_id: number;
};
// The demo's paper claims only: `bench:field` syncs claims of its own into the same data folder.
const claims = await rows<ClaimRow>(database.db, sql`
  SELECT claim_no, claimant_name, claimant_name_local, spouse_name, relative_name, category, tribe, family_members, survey_numbers, area_claimed_ha, filed_on::text AS filed_on, village_id
  FROM claims WHERE type = 'IFR' AND village_id IN (${sql.join(area.villages.map((v) => sql`${v.id}`), sql`, `)})
    AND id NOT IN (SELECT id FROM sync_records WHERE kind = 'claim')
  ORDER BY claim_no LIMIT ${Number(values.forms)}`);
await database.close();

// What each field should read as, in the form's own terms (as the app fills it).
function expected(c: ClaimRow): Partial<Record<FormFieldKey, string>> {
  const v = area.villages.find((x) => x.id === c.village_id)!;
  return {
    claimant: c.claimant_name, claimantLocal: c.claimant_name_local, spouse: c.spouse_name ?? "", relative: c.relative_name ?? "", village: v.name,
    gramPanchayat: v.gramPanchayat, tehsil: v.tehsil, district: v.district, category: c.category, tribe: c.tribe ?? "",
    area: String(c.area_claimed_ha), khasra: c.survey_numbers.join(", "), filedOn: c.filed_on,
  };
}
const normalise: Partial<Record<FormFieldKey, (s: string) => string>> = {
  ...AREA_AND_DATE,
  // "Kh. 206" on record, "206" on the form: the number is what matters.
  khasra: (s) => s.split(/[,;]/).map((x) => x.trim().replace(/^(kh|khasra|sy|survey)\.?\s*(no\.?)?\s*/i, "")).filter(Boolean).join(", "),
};

// Photograph every form once; OCR once; then every package reads the same text.
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const ocr = await createOcrWorker({ langPath: path.resolve("public/tesseract/lang") });
const read = (image: Buffer) => readPage(ocr, image);
const pages: Array<{ claim: ClaimRow; ocrSeconds: number; image: Buffer; size: { width: number; height: number } } & Reading> = [];

try {
  const renderer = await browser.newPage();
  for (const [i, c] of claims.entries()) {
    const v = area.villages.find((x) => x.id === c.village_id)!;
    const photo = await photographForm(renderer, {
      claimNo: c.claim_no, claimant: [c.claimant_name, c.claimant_name_local], spouse: c.spouse_name ?? "", relative: c.relative_name ?? "", village: v.name, gramPanchayat: v.gramPanchayat,
      tehsil: v.tehsil, district: v.district, category: c.category, tribe: c.tribe ?? "", family: c.family_members, areaHa: c.area_claimed_ha, survey: c.survey_numbers,
      evidence: ["Voter ID", "elders' statement"], filedOn: c.filed_on.split("-").reverse().join("/"), seed: 5 + i * 13,
    });
    const page = await asTheAppKeepsIt(photo);
    const t0 = performance.now();
    const reading = await read(page.jpeg);
    pages.push({ claim: c, ...reading, ocrSeconds: (performance.now() - t0) / 1000, image: page.jpeg, size: { width: page.width, height: page.height } });
  }
} finally {
  await browser.close();
}

// The app's second look (workers/field/second-look.ts): a page missing the claimant, the father's or
// mother's name or item 9 is read again as sparse text, once, whichever package asks.
const sparseReadings = new Map<number, Reading>();
const sparseSeconds: number[] = [];
async function sparseReading(index: number): Promise<Reading> {
  if (!sparseReadings.has(index)) {
    const t0 = performance.now();
    await ocr.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION.sparse });
    sparseReadings.set(index, await read(pages[index]!.image));
    await ocr.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION.page });
    sparseSeconds.push((performance.now() - t0) / 1000);
  }
  return sparseReadings.get(index)!;
}

// The app's focused readings, once per page and region: the claimant's line alone, in the name's language
// (workers/field/devanagari-line.ts), an unsure khasra number's word and an impossible date's numbers in English
// (workers/field/unsure-numbers.ts, date-reread.ts).
const focused = new Map<FocusedReading, Awaited<ReturnType<typeof createFocusedWorker>>>();
const regionReadings = new Map<string, RegionText>();
const regionSeconds = { "devanagari-line": [] as number[], "english-word": [] as number[] };
async function readRegion(kind: FocusedReading, index: number, rectangle: PixelRect, enlarge = 1): Promise<RegionText> {
  const key = `${kind}:${index}:${JSON.stringify(rectangle)}:${enlarge}`;
  if (!regionReadings.has(key)) {
    const t0 = performance.now();
    // Enlarged as the app's OCR pool does it, with sharp's resampling in place of the browser's.
    const region = enlarge === 1
      ? { image: pages[index]!.image, options: { rectangle } }
      : { image: await sharp(pages[index]!.image).extract(rectangle).resize(Math.round(rectangle.width * enlarge), Math.round(rectangle.height * enlarge), { kernel: "lanczos3" }).png().toBuffer(), options: {} };
    if (!focused.has(kind)) focused.set(kind, await createFocusedWorker(kind, { langPath: path.resolve("public/tesseract/lang") }));
    const { text, confidence } = (await focused.get(kind)!.recognize(region.image, region.options)).data;
    regionReadings.set(key, { text, confidence });
    regionSeconds[kind === "english-word" ? kind : "devanagari-line"].push((performance.now() - t0) / 1000);
  }
  return regionReadings.get(key)!;
}

const fields = FORM_FIELDS.filter((f) => f !== "type");
const TODAY = localToday();
const models: Record<string, unknown> = {};
for (const dir of values.model!) {
  const model = await loadPackageModel(dir, "model_quantized.onnx");
  const right = Object.fromEntries(fields.map((f) => [f, 0])) as Record<string, number>;
  let villagesOnRecord = 0;
  let secondLooks = 0;
  let devanagariLineReadings = 0;
  let khasraRereads = 0;
  let dateRereads = 0;
  for (const [index, { claim, text, words, size }] of pages.entries()) {
    const form = formFromEntities(text, await extractEntities(text, model), area.villages);
    const anchor = nameAnchor(form.fields);
    let reading: ClaimantReading | null = anchor && { words, anchor, page: size, offset: 0 };
    if (secondLookWanted(form.fields).length) {
      secondLooks++;
      const sparse = await sparseReading(index);
      const again = formFromEntities(sparse.text, await extractEntities(sparse.text, model), area.villages).fields;
      const merged = withSecondLook(form.fields, again, area.villages);
      const againAnchor = nameAnchor(again);
      if (merged) form.fields = merged.fields;
      if (merged && foundClaimantName(merged.found)) reading = againAnchor && { words: sparse.words, anchor: againAnchor, page: size, offset: null };
    }
    form.fields = withPlaceSpellingsOnRecord(form.fields, area.villages);
    const nameLanguage = nameLanguageOfClaim(area.villages, villageOnRecord(form.fields, area.villages));
    const reread = nameLanguage && await rereadLocalName(form.fields, reading, (rect, enlarge) => {
      devanagariLineReadings++;
      return readRegion(devanagariLine(nameLanguage), index, rect, enlarge).then((r) => r.text);
    });
    if (reread) form.fields = reread;
    const khasra = form.fields.khasra.span && await rereadUnsureNumbers(form.fields.khasra, words, form.fields.khasra.span, size, (rect, enlarge) => {
      khasraRereads++;
      return readRegion("english-word", index, rect, enlarge);
    });
    if (khasra) form.fields = { ...form.fields, khasra };
    const date = form.fields.filedOn.span && await rereadImpossibleDate(form.fields.filedOn, words, form.fields.filedOn.span, size, (rect, enlarge) => {
      dateRereads++;
      return readRegion("english-word", index, rect, enlarge);
    }, TODAY);
    if (date) form.fields = { ...form.fields, filedOn: date };
    const want = expected(claim);
    for (const f of fields) {
      const norm = normalise[f] ?? ((s: string) => s.trim());
      if (norm(form.fields[f].value) === norm(want[f] ?? "")) right[f]!++;
      else if (process.env.BENCH_MISSES) console.error(`form ${index}`, f, JSON.stringify(form.fields[f].value), "want", JSON.stringify(want[f]));
    }
    if (villageOnRecord(form.fields, area.villages) === claim.village_id) villagesOnRecord++;
  }
  await model.session.release();
  const share = (n: number) => Math.round((n / pages.length) * 1000) / 1000;
  models[dir] = {
    fieldsExact: Object.fromEntries(fields.map((f) => [f, share(right[f]!)])),
    meanOverFields: share(fields.reduce((a, f) => a + right[f]!, 0) / fields.length),
    villageOnRecord: share(villagesOnRecord),
    secondLooks,
    devanagariLineReadings,
    khasraRereads,
    dateRereads,
  };
}
await ocr.terminate();
for (const worker of focused.values()) await worker.terminate();
console.log(JSON.stringify({ forms: pages.length, ocrSecondsPerPage: meanSeconds(pages.map((p) => p.ocrSeconds)), secondLookSecondsPerPage: meanSeconds(sparseSeconds), devanagariLineSeconds: meanSeconds(regionSeconds["devanagari-line"]), englishWordSeconds: meanSeconds(regionSeconds["english-word"]), models }, null, 1));
