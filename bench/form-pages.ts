// What the form benchmarks share: a photographed page kept as the app keeps it, then read by tesseract.js
// as the app reads it.
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { chromium } from "playwright-core";
import sharp from "sharp";
import type { AreaVillage } from "@/configs/contracts/field";
import { OCR_LONG_SIDE_PX, STORED_JPEG_QUALITY } from "@/configs/field";
import { createSession, validateSession } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { fieldArea } from "@/server/services/field-area";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/test/helpers/app-server";
import { photographPage } from "@/test/helpers/form-photo";
import type { OcrWord } from "@/workers/db/field-db";
import { parseAreaHa, parseDate } from "@/workers/field/form-from-entities";
import { createOcrWorker, PAGE_SEGMENTATION } from "@/workers/ocr/ocr-pool";
import { prepareForOcr, toGray, toRgba } from "@/workers/ocr/preprocess";
import { pageReading, type TesseractBlocks } from "@/workers/ocr/words";
import { openFieldBenchDatabase } from "./app";

export type Reading = { text: string; words: OcrWord[] };

/**
 * The page as the app's preprocessing worker keeps and OCRs it (workers/ocr/preprocess.worker.ts): the
 * same luma, cleaning and downscale rule, then a JPEG at the app's quality (4:2:0, as Chromium writes it).
 */
export async function asTheAppKeepsIt(photo: Buffer): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const meta = await sharp(photo).metadata();
  const scale = Math.min(1, OCR_LONG_SIDE_PX / Math.max(meta.width!, meta.height!));
  const { data, info } = await sharp(photo).resize(Math.round(meta.width! * scale)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const prepared = prepareForOcr(toGray(data, info.width, info.height)).image;
  const jpeg = await sharp(Buffer.from(toRgba(prepared)), { raw: { width: prepared.width, height: prepared.height, channels: 4 } })
    .removeAlpha().jpeg({ quality: Math.round(STORED_JPEG_QUALITY * 100), chromaSubsampling: "4:2:0" }).toBuffer();
  return { jpeg, width: prepared.width, height: prepared.height };
}

/** A page's text and words, as the app's OCR pool reads them. */
export async function readPage(ocr: Awaited<ReturnType<typeof createOcrWorker>>, image: Buffer): Promise<Reading> {
  const { data } = await ocr.recognize(image, {}, { text: true, blocks: true });
  return pageReading(data.text, data.blocks as unknown as TesseractBlocks);
}

/** The first district official's villages in a bench database: what a form's places are read against. */
export async function officialVillages(db: Db): Promise<AreaVillage[]> {
  const [official] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE role = 'district_official' ORDER BY username LIMIT 1`);
  const user = (await validateSession(db, (await createSession(db, official!.id, 1)).token, 1))!;
  return (await fieldArea(db, user)).villages;
}

export type PhotographedPages = {
  pages: Array<{ image: Buffer; ocrSeconds: number } & Reading>;
  /** Page `index` read again as sparse text, as the app's second look reads it (once per page). */
  sparseText(index: number): Promise<string>;
  close(): Promise<void>;
};

/** Each drawn page photographed in Chromium, kept as the app keeps it and read by tesseract.js once. */
export async function photographedPages(svgs: readonly string[]): Promise<PhotographedPages> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const ocr = await createOcrWorker({ langPath: path.resolve("public/tesseract/lang") });
  const pages: PhotographedPages["pages"] = [];
  try {
    const renderer = await browser.newPage();
    for (const svg of svgs) {
      const { jpeg } = await asTheAppKeepsIt(await photographPage(renderer, svg));
      const t0 = performance.now();
      pages.push({ image: jpeg, ...(await readPage(ocr, jpeg)), ocrSeconds: (performance.now() - t0) / 1000 });
    }
  } finally {
    await browser.close();
  }
  const sparse = new Map<number, string>();
  return {
    pages,
    async sparseText(index) {
      if (!sparse.has(index)) {
        await ocr.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION.sparse });
        sparse.set(index, (await readPage(ocr, pages[index]!.image)).text);
        await ocr.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION.page });
      }
      return sparse.get(index)!;
    },
    close: () => ocr.terminate().then(() => undefined),
  };
}

/** A share of `of`, to three decimals. */
export const shareOf = (n: number, of: number) => Math.round((n / Math.max(1, of)) * 1000) / 1000;

/** Counts, field by field, the forms on which a field came out exactly as the claim states it (`BENCH_MISSES=1` lists each miss). */
export function exactFields<F extends string>(fields: readonly F[], normalise: Partial<Record<F, (s: string) => string>>) {
  const right = Object.fromEntries(fields.map((f) => [f, 0])) as Record<F, number>;
  let forms = 0;
  return {
    count(index: number, read: Record<F, { value: string }>, want: Record<F, string>) {
      forms++;
      for (const f of fields) {
        const norm = normalise[f] ?? ((s: string) => s.trim());
        if (norm(read[f].value) === norm(want[f])) right[f]++;
        else if (process.env.BENCH_MISSES) console.error(`form ${index}`, f, JSON.stringify(read[f].value), "want", JSON.stringify(want[f]));
      }
    },
    shares: () => Object.fromEntries(fields.map((f) => [f, shareOf(right[f], forms)])),
  };
}

/** A mean of seconds, to two decimals; null for none. */
export const meanSeconds = (xs: readonly number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/** An area or a date read in any of the forms' ways, as the claim records it. */
export const AREA_AND_DATE: { area: (s: string) => string; filedOn: (s: string) => string } = { area: (s) => String(parseAreaHa(s) ?? s), filedOn: (s) => parseDate(s) ?? s };

/** A demo community claim as Forms B and C print it. */
export type CommunityClaimRow = {
  claim_no: string; category: "ST" | "OTFD"; tribe: string | null; area_claimed_ha: number; survey_numbers: string[]; evidence: Array<{ description: string }>;
  filed_on: string; bordering_villages: string[]; community: string; rights_claimed: string[]; village_id: number;
};

/** The first `limit` demo claims of `type` in `villages`, by claim number. */
const communityClaims = (db: Db, type: "CR" | "CFR", villages: readonly AreaVillage[], limit: number) => rows<CommunityClaimRow>(db, sql`
  SELECT claim_no, category, tribe, area_claimed_ha, survey_numbers, evidence, filed_on::text AS filed_on, bordering_villages, community, rights_claimed, village_id
  FROM claims WHERE type = ${type} AND village_id IN (${sql.join(villages.map((v) => sql`${v.id}`), sql`, `)})
  ORDER BY claim_no LIMIT ${limit}`);

/**
 * The start bench:forms-b and bench:forms-c share: their options (`--forms`, `--model`, `--data-dir`,
 * `--seed`), then the first `--forms` demo claims of `type` in a district official's area (the district's
 * villages, which the forms are read against), from the one demo database both use.
 */
export async function communityFormBench(type: "CR" | "CFR") {
  const { values } = parseArgs({ options: { forms: { type: "string", default: "24" }, model: { type: "string", multiple: true, default: ["models/fra-ner"] }, "data-dir": { type: "string", default: "data/bench-form-c" }, seed: { type: "string", default: "2006" } } });
  const database = await openFieldBenchDatabase(values["data-dir"]!, Number(values.seed));
  const villages = await officialVillages(database.db);
  const claims = await communityClaims(database.db, type, villages, Number(values.forms));
  await database.close();
  return { models: values.model!, villages, claims, villageOf: (c: CommunityClaimRow) => villages.find((v) => v.id === c.village_id)! };
}

/** What Forms B and C print alike of the `index`th claim: its village's places, its status, extent, evidence and date as typed, and a seed of its own for the page's skew and noise. */
export function communityFormPlace(c: CommunityClaimRow, v: AreaVillage, index: number) {
  return {
    claimNo: c.claim_no, village: v.name, gramPanchayat: v.gramPanchayat, tehsil: v.tehsil, district: v.district, category: c.category, tribe: c.tribe ?? "",
    areaHa: c.area_claimed_ha, evidence: c.evidence.map((e) => e.description), filedOn: c.filed_on.split("-").reverse().join("/"), seed: 5 + index * 13,
  };
}

/** What those shared items should read as once the app has read the form. */
export function communityFormExpected(c: CommunityClaimRow, v: AreaVillage) {
  return {
    village: v.name, gramPanchayat: v.gramPanchayat, tehsil: v.tehsil, district: v.district, category: c.category, tribe: c.tribe ?? "",
    area: String(c.area_claimed_ha), filedOn: c.filed_on,
  };
}
