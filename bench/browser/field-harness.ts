// Runs inside Chromium on the app's own origin (bench/field.ts injects it into /field): the field app's
// real modules, workers and IndexedDB, timed. Exposes window.fraBench.
import type { SyncRecord } from "@/configs/contracts/sync";
import { FIELD_MODEL_NAME } from "@/configs/models";
import type { AreaClaim } from "@/configs/contracts/field";
import { replaceAreaClaims } from "@/workers/db/area-claims";
import { deviceDb, FieldDatabase, type OcrWord } from "@/workers/db/field-db";
import { LINE_ENLARGEMENTS } from "@/workers/field/devanagari-line";
import { activeModel, graphsFor, updateModel } from "@/workers/models/model-client";
import { nerWorker, type NerBackend } from "@/workers/ner/ner-client";
import { ortBuildFor } from "@/workers/ner/ort-runtime";
import { appOcrAssets, devanagariLine, OcrPool } from "@/workers/ocr/ocr-pool";
import { highlightRects } from "@/workers/ocr/words";
import { preparePage } from "@/workers/ocr/preprocess-client";
import { dexieOutbox, enqueue } from "@/workers/sync/dexie-outbox";
import { flushOutbox } from "@/workers/sync/outbox";

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function blobs(urls: string[]): Promise<Blob[]> {
  return Promise.all(urls.map(async (u) => (await fetch(u)).blob()));
}

/** tesseract.js on the given page photos with `workers` workers: start-up, then all pages through the pool. */
async function ocr(urls: string[], workers: number) {
  const images = await blobs(urls);
  const pool = new OcrPool(workers, appOcrAssets(location.origin));
  const t0 = performance.now();
  // Start-up (loading the WebAssembly core and the eng+hin data in every worker) is timed apart: a tablet pays it once per session.
  await Promise.all(Array.from({ length: workers }, (_, i) => pool.recognize(`warm-${i}`, images[0]!)));
  const startup = performance.now() - t0;
  const t1 = performance.now();
  const pages = await Promise.all(images.map((img, i) => pool.recognize(`page-${i}`, img)));
  const wall = performance.now() - t1;
  const devanagariLine = await devanagariLineTimes(pool, images[0]!, pages[0]!.words);
  await pool.terminate();
  return {
    workers, pages: images.length, startupSeconds: round(startup / 1000, 2), wallSeconds: round(wall / 1000, 2), secondsPerPage: round(wall / 1000 / images.length, 3),
    meanConfidence: round(pages.reduce((a, p) => a + p.confidence, 0) / pages.length), devanagariLine, texts: pages.map((p) => p.text),
  };
}

/**
 * The one-line reading of a Devanagari name (workers/field/devanagari-line.ts), the page's first line with
 * Devanagari: its worker's start-up, then per line at each size it is read at (enlarged in the browser).
 */
async function devanagariLineTimes(pool: OcrPool, image: Blob, words: readonly OcrWord[]) {
  const first = words.find((w) => /[\u0900-\u097F]/.test(w.text));
  if (!first) return null;
  const line = words.filter((w) => w.line === first.line);
  const [box] = highlightRects(words, line[0]!.start, line.at(-1)!.end);
  const rectangle = { left: box!.x, top: box!.y, width: box!.width, height: box!.height };
  const t0 = performance.now();
  await pool.readRegion(devanagariLine("mar"), image, rectangle);
  const startup = performance.now() - t0;
  const msPerLine: Record<string, number> = {};
  for (const enlarge of LINE_ENLARGEMENTS) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await pool.readRegion(devanagariLine("mar"), image, rectangle, enlarge);
      times.push(performance.now() - t);
    }
    msPerLine[`x${enlarge}`] = round(percentile(times, 0.5));
  }
  return { startupSeconds: round((startup - msPerLine.x1!) / 1000, 2), msPerLine };
}

/** The preprocessing worker (decode, downscale, deskew, contrast, JPEG) per photo. */
async function preprocess(urls: string[]) {
  const images = await blobs(urls);
  const times: number[] = [];
  for (const img of images) {
    const t0 = performance.now();
    await preparePage(img);
    times.push(performance.now() - t0);
  }
  return { pages: images.length, msPerPage: round(times.reduce((a, b) => a + b, 0) / times.length) };
}

/** NER on one page of OCR text, after a warm-up, on the chosen back end. */
async function ner(text: string, backend: NerBackend, repeats: number) {
  // /field fetched the graph this browser runs by itself; WebGPU by hand needs the fp32 one too.
  if (backend === "webgpu") await updateModel(deviceDb(), { graphs: graphsFor(true) });
  const model = await activeModel(deviceDb());
  if (!model) throw new Error("no verified model on this browser: open /field online first");
  const t0 = performance.now();
  const loaded = await nerWorker(ortBuildFor(backend)).call("load", { name: FIELD_MODEL_NAME, version: model.version, prefer: backend });
  const loadMs = performance.now() - t0;
  for (let i = 0; i < 3; i++) await nerWorker().call("extract", { text });
  const times: number[] = [];
  let entities = 0;
  for (let i = 0; i < repeats; i++) {
    const result = await nerWorker().call("extract", { text });
    times.push(result.ms);
    entities = result.entities.length;
  }
  return { backend: loaded.backend, fallbackReason: loaded.fallbackReason, model: `${model.name}/${model.version}`, loadMs: round(loadMs), msPerPageP50: round(percentile(times, 0.5), 2), msPerPageP95: round(percentile(times, 0.95), 2), entities, chars: text.length };
}

function benchClaim(n: number): AreaClaim {
  const lon = 80.1 + (n % 200) / 2000;
  const lat = 19.5 + Math.floor(n / 200) / 2000;
  const d = 0.0004;
  return {
    id: crypto.randomUUID(), claimNo: `MH-GAD-IFR-2009-${String(n).padStart(6, "0")}`, type: "IFR", status: "title_granted", claimantName: `Bench Claimant ${n}`,
    villageId: 1 + (n % 90), version: 3, lon: lon + d / 2, lat: lat + d / 2,
    parcel: { type: "MultiPolygon", coordinates: [[[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]]] },
  };
}

/** One transaction writing `count` claims with their parcels: what refreshing a block's offline area writes. */
async function dexieBulk(count: number) {
  const db = new FieldDatabase(`bench-${crypto.randomUUID()}`);
  await db.open();
  const rows = Array.from({ length: count }, (_, i) => benchClaim(i));
  const t0 = performance.now();
  await db.transaction("rw", db.villageClaims, () => replaceAreaClaims(db, rows));
  const ms = performance.now() - t0;
  const villages = await db.villageClaims.toArray();
  const stored = villages.reduce((n, v) => n + v.claims.length, 0);
  await db.delete();
  return { claims: stored, idbRows: villages.length, ms: round(ms), claimsPerSecond: Math.round((count / ms) * 1000) };
}

/** `count` records through the Dexie outbox to the server's tRPC route, as the tablet syncs them. */
async function outbox(count: number, villageId: number, batchSize: number) {
  const db = new FieldDatabase(`bench-${crypto.randomUUID()}`);
  const records: SyncRecord[] = [];
  const claims: string[] = [];
  for (let n = 0; n < count; n++) {
    if (n % 3 === 2) {
      records.push({ kind: "correction", id: crypto.randomUUID(), payload: { claimId: claims[n % claims.length]!, text: "Village: Pipgaon", predicted: [], corrected: [{ start: 9, end: 16, label: "VILLAGE" }], modelVersion: 1 } });
    } else {
      const id = crypto.randomUUID();
      claims.push(id);
      records.push({ kind: "claim", id, payload: { type: "IFR", claimantName: `Bench Claimant ${n}`, claimantNameLocal: "", category: "ST", villageId, areaClaimedHa: 1.2, filedOn: "2025-06-01", surveyNumbers: [], borderingVillages: [], rightsClaimed: [], evidence: [] } });
    }
  }
  const t0 = performance.now();
  for (let i = 0; i < records.length; i += 100) await enqueue(db, records.slice(i, i + 100));
  const enqueueMs = performance.now() - t0;
  const push = async (batch: SyncRecord[]) => {
    const response = await fetch("/api/trpc/sync.push", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ deviceId: "0b6c8a8e-6d0e-4a43-8f5b-1f8f3d7e2c10", records: batch }) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return ((await response.json()) as { result: { data: Awaited<ReturnType<Parameters<typeof flushOutbox>[1]>> } }).result.data;
  };
  const t1 = performance.now();
  const report = await flushOutbox(dexieOutbox(db), push, { batchSize });
  const syncMs = performance.now() - t1;
  await db.delete();
  return { records: count, batch: batchSize, enqueueSeconds: round(enqueueMs / 1000, 2), syncSeconds: round(syncMs / 1000, 2), recordsPerSecond: Math.round(count / (syncMs / 1000)), report };
}

(window as unknown as { fraBench: object }).fraBench = { ocr, preprocess, ner, dexieBulk, outbox };
