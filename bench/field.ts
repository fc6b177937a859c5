// What field staff wait on, measured in headless Chromium on the built app: OCR seconds per page with
// tesseract.js (1 and 2 workers) against native `tesseract` (OMP_THREAD_LIMIT=1) on the same photos and
// the same language data (Debian's tesseract-ocr, tesseract-ocr-eng and -hin must be installed),
// photo preprocessing, NER milliseconds per page (WebAssembly and WebGPU), a Dexie bulk write of 20,000
// claims, and 1,000 outbox records synced through the tRPC route. Prints one JSON object.
//   npm run build && npm run bench:field [-- --pages 4 --ner-repeats 30]
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { sql } from "drizzle-orm";
import { rows } from "@/server/db/client";
import { CHROMIUM_ARGS, CHROMIUM_PATH, signIn } from "@/test/helpers/app-server";
import { photographForm } from "@/test/helpers/form-photo";
import { openFieldBenchDatabase, startBenchApp } from "./app";

const run = promisify(execFile);
const { values } = parseArgs({ options: { pages: { type: "string", default: "4" }, "ner-repeats": { type: "string", default: "30" }, "data-dir": { type: "string", default: "data/bench-field" } } });
const pageCount = Number(values.pages);
const dataDir = values["data-dir"]!;

const database = await openFieldBenchDatabase(dataDir);
const villages = await rows<{ id: number; name: string; gram_panchayat: string }>(database.db, sql`
  SELECT v.id, v.name, v.gram_panchayat FROM villages v JOIN user_tehsils ut ON ut.tehsil_id = v.tehsil_id JOIN users u ON u.id = ut.user_id
  WHERE u.username = 'field.etapalli' ORDER BY v.id LIMIT ${pageCount}`);
await database.close();

const harness = await build({ entryPoints: ["bench/browser/field-harness.ts"], bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, minify: true, logLevel: "warning" });
const app = await startBenchApp(dataDir);
const work = mkdtempSync(path.join(os.tmpdir(), "fra-bench-field-"));
const context = await chromium.launchPersistentContext(work, { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, "--enable-unsafe-webgpu"], viewport: { width: 1280, height: 900 } });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(300_000);

  // Photos of filled Form A pages, one per village, rendered by Chromium and saved as camera JPEGs.
  const photos: string[] = [];
  const renderer = await context.newPage();
  for (const [i, v] of villages.entries()) {
    const file = path.join(work, `page-${i}.jpg`);
    writeFileSync(file, await photographForm(renderer, {
      claimNo: `MH-GAD-2026-00000${i}`, claimant: ["Sukhmati Kowase", "सुखमती कोवासे"], spouse: "Dasru Kowase", relative: "Bhiku Kowase", village: v.name, gramPanchayat: v.gram_panchayat,
      tehsil: "Etapalli", district: "Gadchiroli", category: "ST", tribe: "Madia Gond", family: [{ name: "Somi", age: 9, relation: "daughter" }], areaHa: 1 + i / 4, survey: [`${300 + i}/2`],
      evidence: ["Voter ID", "elders' statement"], filedOn: `1${i}/01/2026`, seed: 11 + i * 7,
    }));
    photos.push(file);
  }
  await renderer.close();

  // Native tesseract, one thread per process: one process at a time, then two at a time; with the very
  // language data the app uses (eng + hin best_int, unpacked), and with Debian's own (tessdata_fast).
  const appData = path.join(work, "tessdata");
  mkdirSync(appData);
  for (const lang of ["eng", "hin"]) writeFileSync(path.join(appData, `${lang}.traineddata`), gunzipSync(readFileSync(`public/tesseract/lang/${lang}.traineddata.gz`)));
  const native = (tessdata: string | null) => async (file: string) => {
    const t0 = performance.now();
    await run("tesseract", [file, "-", "-l", "eng+hin", ...(tessdata ? ["--tessdata-dir", tessdata] : [])], { env: { ...process.env, OMP_THREAD_LIMIT: "1" }, maxBuffer: 1 << 24 });
    return performance.now() - t0;
  };
  const nativeSecondsPerPage = async (tessdata: string | null, parallel: number) => {
    const t0 = performance.now();
    for (let i = 0; i < photos.length; i += parallel) await Promise.all(photos.slice(i, i + parallel).map(native(tessdata)));
    return Math.round(((performance.now() - t0) / 1000 / photos.length) * 1000) / 1000;
  };
  const native1 = await nativeSecondsPerPage(appData, 1);
  const native2 = await nativeSecondsPerPage(appData, 2);
  const debian1 = await nativeSecondsPerPage(null, 1);

  await signIn(page, app.url, "field.etapalli", "/field");
  await page.getByTestId("ner-backend").waitFor(); // the model is downloaded and verified
  await page.route(`${app.url}/__bench/**`, (route) => {
    const name = path.basename(new URL(route.request().url()).pathname);
    if (name === "harness.js") return route.fulfill({ contentType: "text/javascript", body: harness.outputFiles[0]!.text });
    return route.fulfill({ contentType: "image/jpeg", path: photos[Number(name.replace(/\D/g, ""))]! });
  });
  await page.addScriptTag({ url: `${app.url}/__bench/harness.js`, type: "module" });
  await page.waitForFunction(() => "fraBench" in window);
  const urls = photos.map((_, i) => `/__bench/page-${i}.jpg`);
  type Bench = Record<string, (...args: unknown[]) => Promise<Record<string, unknown>>>;
  const call = (fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => ((window as unknown as { fraBench: Bench }).fraBench[f as string]!)(...(a as unknown[])), [fn, args] as const);

  const ocr1 = await call("ocr", urls, 1);
  const ocr2 = await call("ocr", urls, 2);
  const pre = await call("preprocess", urls);
  const text = (ocr1.texts as string[])[0]!;
  const nerWasm = await call("ner", text, "wasm", Number(values["ner-repeats"]));
  const nerWebgpu = await call("ner", text, "webgpu", Number(values["ner-repeats"]));
  const dexie = await call("dexieBulk", 20_000);
  const outbox = await call("outbox", 1000, villages[0]!.id, 50);
  delete ocr1.texts;
  delete ocr2.texts;

  const gpu = await page.evaluate(async () => {
    const adapter = await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: { architecture?: string; vendor?: string } } | null> } }).gpu?.requestAdapter();
    return adapter ? `${adapter.info?.vendor ?? "?"} ${adapter.info?.architecture ?? ""}`.trim() : "none";
  });
  console.log(JSON.stringify({
    bench: "field",
    machine: { cores: os.cpus().length, chromium: context.browser()?.version() ?? "persistent context", webgpuAdapter: gpu },
    ocr: {
      pages: photos.length,
      native_seconds_per_page: { same_data_workers1: native1, same_data_workers2: native2, debian_fast_data_workers1: debian1 },
      browser: { workers1: ocr1, workers2: ocr2 },
      browser_vs_native: { workers1: Math.round(((ocr1.secondsPerPage as number) / native1) * 100) / 100, workers2: Math.round(((ocr2.secondsPerPage as number) / native2) * 100) / 100 },
      preprocess: pre,
      target_ratio: 1.2,
    },
    ner: { wasm: nerWasm, webgpu: nerWebgpu, target_ms_per_page: 50 },
    dexie_bulk_write: { ...dexie, target_claims_per_second: 20_000 },
    outbox_sync: { ...outbox, target_seconds: 10 },
  }));
} finally {
  await context.close();
  await app.stop();
  rmSync(work, { recursive: true, force: true });
}
