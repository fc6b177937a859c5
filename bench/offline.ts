// What a field worker waits on before the first trip out: from signing in on /field, on a new tablet,
// to the tablet holding everything it needs offline (the service worker's caches: app shell, OCR worker,
// core and language data, onnxruntime-web; the field model, verified, in IndexedDB; the area). Measured in
// headless Chromium on the built app over localhost, so the seconds are the server's and the browser's;
// the megabytes are what a tablet on a slow network downloads. Prints one JSON object.
//   npm run build && npm run bench:offline [-- --user field.etapalli --runs 3]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1"; // the service worker's precache downloads count too
import { CHROMIUM_ARGS, CHROMIUM_PATH, signIn } from "@/test/helpers/app-server";
import { openFieldBenchDatabase, startBenchApp } from "./app";

const { values } = parseArgs({ options: { user: { type: "string", default: "field.etapalli" }, runs: { type: "string", default: "3" }, "data-dir": { type: "string", default: "data/bench-field" } } });
await (await openFieldBenchDatabase(values["data-dir"]!)).close();
const app = await startBenchApp(values["data-dir"]!);

type Held = { caches: Record<string, number>; files: number; storageBytes: number; languages: string[] };

function cacheKind(pathname: string): string {
  if (pathname.startsWith("/tesseract/lang/")) return "tesseract_languages";
  if (pathname.startsWith("/tesseract/")) return "tesseract_worker_and_core";
  if (pathname.startsWith("/ort/")) return "onnxruntime_web";
  return "app_shell";
}

/** One first visit in a fresh browser profile: seconds to offline-ready, and what the tablet then holds. */
async function firstVisit(): Promise<{ seconds: number; held: Held; wireBytes: number }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "fra-bench-offline-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(300_000);
    // Bytes over the wire, compressed as sent: the page's requests and the service worker's own.
    let wireBytes = 0;
    context.on("requestfinished", (request) => void request.sizes().then((s) => (wireBytes += s.responseBodySize + s.responseHeadersSize), () => {}));
    const started = performance.now();
    await signIn(page, app.url, values.user!, "/field");
    // Ready: the status bar says so (components/field/offline-readiness.ts: the precache complete, the model
    // verified and loaded, the area and its OCR languages on the tablet).
    await page.getByTestId("offline-ready").waitFor();
    const seconds = (performance.now() - started) / 1000;
    // Sizes gathered in the page, classified here (the page gets no named functions: tsx wraps them).
    const { files, storageBytes } = await page.evaluate(async () => {
      const found: Array<{ url: string; size: number }> = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) found.push({ url: request.url, size: (await (await cache.match(request))?.blob())?.size ?? 0 });
      }
      return { files: found, storageBytes: (await navigator.storage.estimate()).usage ?? 0 };
    });
    const held: Held = { caches: {}, files: files.length, storageBytes, languages: [] };
    for (const { url, size } of files) {
      const kind = cacheKind(new URL(url).pathname);
      held.caches[kind] = (held.caches[kind] ?? 0) + size;
      const language = /^\/tesseract\/lang\/(\w+)\.traineddata/.exec(new URL(url).pathname)?.[1];
      if (language) held.languages.push(language);
    }
    held.languages.sort();
    return { seconds, held, wireBytes };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;
try {
  const visits = [];
  for (let i = 0; i < Number(values.runs); i++) visits.push(await firstVisit());
  const { held, wireBytes } = visits[visits.length - 1]!;
  const seconds = visits.map((v) => Math.round(v.seconds * 100) / 100);
  console.log(JSON.stringify({
    bench: "offline",
    machine: { cores: os.cpus().length },
    user: values.user,
    first_visit_to_offline_ready_seconds: { runs: seconds, median: [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)] },
    cache_storage_mb: { total: mb(Object.values(held.caches).reduce((a, b) => a + b, 0)), ...Object.fromEntries(Object.entries(held.caches).map(([k, v]) => [k, mb(v)])) },
    downloaded_mb: mb(wireBytes),
    cached_files: held.files,
    ocr_languages_held: held.languages,
    storage_estimate_mb: mb(held.storageBytes),
  }));
} finally {
  await app.stop();
}
