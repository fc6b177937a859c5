// OCR with tesseract.js in a pool of Web Workers (one tesseract worker each, English + Hindi, LSTM
// engine), all assets served by the app. Pages queue up; each reports its progress; a running page is
// cancelled by terminating its worker, which the pool replaces on the next job.
import { createWorker, OEM, PSM, type Worker as TesseractWorker, type WorkerOptions } from "tesseract.js";
import { MIN_READABLE_CHARS, MIN_READABLE_CONFIDENCE, OCR_LANGUAGES, type NameLanguage } from "@/configs/field";
import type { OcrWord } from "@/workers/db/field-db";
import type { PixelRect } from "@/workers/field/devanagari-line";
import { languageDataPath } from "./ocr-languages";
import { tesseractCoreFile } from "./tesseract-core";
import { meanConfidence, pageReading, type TesseractBlocks } from "./words";

export type OcrProgress = { phase: "queued" | "loading" | "recognizing"; progress: number };
export type OcrResult = { text: string; words: OcrWord[]; confidence: number; ms: number; readable: boolean };
export type OcrAssets = { workerPath: string; corePath: string; langPath: string };

export class OcrCancelledError extends Error {
  override name = "OcrCancelledError";
}

/**
 * How tesseract finds the text: its page layout analysis (`page`, the form in reading order), or `sparse`
 * text (every line it can find, in no reliable order), which reads a line that the layout analysis
 * sometimes drops on a photographed form. See workers/field/second-look.ts.
 */
export type OcrReading = "page" | "sparse";
export const PAGE_SEGMENTATION: Record<OcrReading, PSM> = { page: PSM.AUTO, sparse: PSM.SPARSE_TEXT };

type Job = { key: string; image: Blob; reading: OcrReading; onProgress: (p: OcrProgress) => void; resolve: (r: OcrResult) => void; reject: (e: Error) => void };
type Slot = { worker: Promise<TesseractWorker> | null; job: Job | null };
// The reading each worker is set to, kept by worker rather than by slot: a cancelled job's worker is
// replaced while that job may still be on its way to it.
const readingOf = new WeakMap<TesseractWorker, OcrReading>();

/**
 * tesseract.js's createWorker, made to reject where it would wait for ever: a failure while it loads
 * (language data, core) reaches only its error handler (naptha/tesseract.js#1075).
 */
function createSettledWorker(languages: string[], options: Partial<WorkerOptions>): Promise<TesseractWorker> {
  return new Promise((resolve, reject) => {
    const errorHandler = (error: unknown) => reject(new Error(`tesseract.js could not start: ${String(error)}`));
    createWorker(languages, OEM.LSTM_ONLY, { ...options, errorHandler }).then(resolve, reject);
  });
}

/** A tesseract.js worker reading pages as the app does (the pool here, the benchmarks in Node). */
export async function createOcrWorker(options: Partial<WorkerOptions>): Promise<TesseractWorker> {
  const worker = await createSettledWorker(OCR_LANGUAGES.split("+"), {
    gzip: true,
    // The service worker holds the language data for offline use; a second copy in IndexedDB would
    // only double the storage.
    cacheMethod: "none",
    ...options,
  });
  // Tesseract's API defaults to one uniform block of text (its command line to page layout analysis):
  // on a form that reads the dotted rules under each answer as a row of Devanagari letters.
  await worker.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION.page });
  return worker;
}

/**
 * Workers that read one rectangle of a page, each in one language and as one line:
 * - `devanagari-line:mar`, `:hin` or `:nep`, the claimant's Devanagari name (workers/field/devanagari-line.ts), in
 *   the language of the claim's state's spellings (configs/field.ts): reading English and Hindi together,
 *   tesseract takes some Devanagari words for Latin letters, and Hindi's model misreads Marathi letters and
 *   conjuncts;
 * - `english-word`, a number tesseract was unsure of on the page (workers/field/unsure-numbers.ts): with
 *   Hindi's model in the mix, it read "510/9," as "5160/9," at confidence 0; read alone, it is sure of it.
 */
export type FocusedReading = `devanagari-line:${NameLanguage}` | "english-word";
export const devanagariLine = (language: NameLanguage): FocusedReading => `devanagari-line:${language}`;
const FOCUSED_LANGUAGE: Record<FocusedReading, string> = { "devanagari-line:mar": "mar", "devanagari-line:hin": "hin", "devanagari-line:nep": "nep", "english-word": "eng" };
export type RegionText = { text: string; confidence: number };

export async function createFocusedWorker(kind: FocusedReading, options: Partial<WorkerOptions>): Promise<TesseractWorker> {
  const worker = await createSettledWorker([FOCUSED_LANGUAGE[kind]], { gzip: true, cacheMethod: "none", ...options });
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE });
  return worker;
}

/**
 * The app's own copies of tesseract.js's worker, core and language data (scripts/copy-assets.mjs): the
 * core named, the one the service worker keeps for this device.
 */
export function appOcrAssets(origin: string): OcrAssets {
  return { workerPath: `${origin}/tesseract/worker.min.js`, corePath: `${origin}/tesseract/core/${tesseractCoreFile()}`, langPath: `${origin}/tesseract/lang` };
}

/**
 * The language data a worker of the pool needs, checked before the worker starts: when tesseract.js's own
 * download of it fails (a language this tablet does not hold, offline), createWorker never settles
 * (naptha/tesseract.js#1075) and its Web Worker is left running. The service worker answers from its caches.
 */
async function checkLanguageData(langPath: string, codes: readonly string[]): Promise<void> {
  await Promise.all(codes.map(async (code) => {
    const url = languageDataPath(code, langPath);
    const response = await fetch(url).catch((e: unknown) => {
      throw new Error(`the OCR data for "${code}" is not on this tablet (${e instanceof Error ? e.message : String(e)}): connect once so it can keep it`);
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`the OCR data for "${code}" could not be loaded: ${url} answered ${response.status}`);
  }));
}

/** The rectangle of a page photo alone, `factor` times as large (the browser's high-quality resampling), as a PNG. */
async function enlargedRegion(image: Blob, rect: PixelRect, factor: number): Promise<Blob> {
  const bitmap = await createImageBitmap(image, rect.left, rect.top, rect.width, rect.height, {
    resizeWidth: Math.round(rect.width * factor), resizeHeight: Math.round(rect.height * factor), resizeQuality: "high",
  });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0);
    return await canvas.convertToBlob({ type: "image/png" });
  } finally {
    bitmap.close();
  }
}

export class OcrPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  // Made on first use: most forms never need them, and each costs another copy of a language model.
  private readonly focused = new Map<FocusedReading, Promise<TesseractWorker>>();

  constructor(size: number, private readonly assets: OcrAssets) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, job: null }));
  }

  get size() {
    return this.slots.length;
  }

  /** OCR of one page image; `key` names the job for cancel(). */
  recognize(key: string, image: Blob, onProgress: (p: OcrProgress) => void = () => {}, reading: OcrReading = "page"): Promise<OcrResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, image, reading, onProgress, resolve, reject });
      onProgress({ phase: "queued", progress: 0 });
      this.pump();
    });
  }

  /** Stops a queued or running job; its promise rejects with OcrCancelledError. */
  cancel(key: string): void {
    const queued = this.queue.findIndex((j) => j.key === key);
    if (queued >= 0) this.queue.splice(queued, 1)[0]!.reject(new OcrCancelledError("cancelled"));
    for (const slot of this.slots) {
      if (slot.job?.key !== key) continue;
      const { job, worker } = slot;
      slot.job = null;
      slot.worker = null;
      void worker?.then((w) => w.terminate()).catch(() => {});
      job.reject(new OcrCancelledError("cancelled"));
    }
    this.pump();
  }

  /** The text of one rectangle of a page, enlarged `enlarge` times first, read as a single line by the `kind` of focused worker. */
  async readRegion(kind: FocusedReading, image: Blob, rectangle: PixelRect, enlarge = 1): Promise<RegionText> {
    let worker = this.focused.get(kind);
    if (!worker) {
      const options = { ...this.assets, workerBlobURL: false };
      this.focused.set(kind, (worker = checkLanguageData(this.assets.langPath, [FOCUSED_LANGUAGE[kind]]).then(() => createFocusedWorker(kind, options))));
    }
    try {
      const region = enlarge === 1 ? { image, options: { rectangle } } : { image: await enlargedRegion(image, rectangle, enlarge), options: {} };
      const { text, confidence } = (await (await worker).recognize(region.image, region.options)).data;
      return { text, confidence };
    } catch (error) {
      if (this.focused.get(kind) === worker) this.focused.delete(kind); // a failed worker is not reused
      void worker.then((w) => w.terminate()).catch(() => {});
      throw error;
    }
  }

  async terminate(): Promise<void> {
    const focused = [...this.focused.values()];
    this.focused.clear();
    await Promise.all(focused.map((worker) => worker.then((w) => w.terminate()).catch(() => {})));
    for (const job of this.queue.splice(0)) job.reject(new OcrCancelledError("the OCR pool was closed"));
    await Promise.all(this.slots.map(async (slot) => {
      slot.job?.reject(new OcrCancelledError("the OCR pool was closed"));
      slot.job = null;
      const worker = slot.worker;
      slot.worker = null;
      await worker?.then((w) => w.terminate()).catch(() => {});
    }));
  }

  private async spawn(slot: Slot): Promise<TesseractWorker> {
    await checkLanguageData(this.assets.langPath, OCR_LANGUAGES.split("+"));
    return createOcrWorker({
      ...this.assets,
      workerBlobURL: false,
      logger: (m) => {
        const phase = m.status === "recognizing text" ? "recognizing" : "loading";
        slot.job?.onProgress({ phase, progress: phase === "recognizing" ? m.progress : 0 });
      },
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker ??= this.spawn(slot);
      const worker = slot.worker;
      void this.run(slot, worker, job);
    }
  }

  private async run(slot: Slot, worker: Promise<TesseractWorker>, job: Job): Promise<void> {
    const started = performance.now();
    try {
      const reader = await worker;
      if ((readingOf.get(reader) ?? "page") !== job.reading) { // createOcrWorker sets "page"
        await reader.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION[job.reading] });
        readingOf.set(reader, job.reading);
      }
      const { data } = await reader.recognize(job.image, {}, { text: true, blocks: true });
      if (slot.job !== job) return; // cancelled meanwhile
      const { text, words } = pageReading(data.text, data.blocks as unknown as TesseractBlocks);
      const confidence = meanConfidence(words);
      const readable = text.replace(/\s/g, "").length >= MIN_READABLE_CHARS && confidence >= MIN_READABLE_CONFIDENCE;
      job.resolve({ text, words, confidence, ms: performance.now() - started, readable });
    } catch (error) {
      if (slot.job !== job) return;
      slot.worker = null; // a failed worker is not reused
      void worker.then((w) => w.terminate()).catch(() => {});
      job.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      if (slot.job === job) slot.job = null;
      this.pump();
    }
  }
}
