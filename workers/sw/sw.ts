// The service worker: precaches the app shell (the field and login pages, every built script and style),
// tesseract.js's worker, the one WebAssembly core this device runs and the page's language data
// (English, Hindi), onnxruntime-web's plain WebAssembly build, the app's own workers and MapLibre's
// worker, so that after one online visit the tablet works with no network. The claimant-name languages
// of other states are kept only where the tablet's area needs them (ocr-language-cache.ts), and
// onnxruntime-web's WebGPU build only where it has run (workers/ner/ort-runtime.ts). Models are not here: the
// model client verifies them against the signed manifest and keeps them in IndexedDB.
// Built by scripts/build-sw.ts (Serwist) after `next build`.
import { CacheFirst, NetworkOnly, Serwist, type PrecacheEntry } from "serwist";
import { isGpuRuntimePath } from "../ner/ort-runtime";
import { tesseractCoreFile } from "../ocr/tesseract-core";
import { keepOcrLanguagesOnDemand } from "./ocr-language-cache";
import { GPU_RUNTIME_CACHE_PREFIX, entryUrl, onDemandCache, type ServiceWorkerScope } from "./on-demand-cache";

declare const self: ServiceWorkerScope & { __SW_MANIFEST: Array<PrecacheEntry | string> | undefined };

const core = tesseractCoreFile();
const isAnotherCore = (entry: PrecacheEntry | string) => entryUrl(entry).startsWith("/tesseract/core/") && entryUrl(entry) !== `/tesseract/core/${core}`;
const entries = (self.__SW_MANIFEST ?? []).filter((e) => !isAnotherCore(e));
// onnxruntime-web's WebGPU build (27 MB) only for a tablet that runs WebGPU: kept when first fetched.
const gpuRuntimeCache = onDemandCache(self, GPU_RUNTIME_CACHE_PREFIX, entries.filter((e) => isGpuRuntimePath(entryUrl(e))));
const languages = keepOcrLanguagesOnDemand(self, entries.filter((e) => !isGpuRuntimePath(entryUrl(e))));

const serwist = new Serwist({
  precacheEntries: languages.precache,
  precacheOptions: { cleanupOutdatedCaches: true },
  // A new version takes over at once: the app's data is in IndexedDB, not in the old worker's memory.
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    languages.route,
    { matcher: ({ url }) => url.origin === self.location.origin && isGpuRuntimePath(url.pathname), handler: new CacheFirst({ cacheName: gpuRuntimeCache }) },
    // Pages that need the server (the review map, admin) fall back to the field app when offline.
    { matcher: ({ request }) => request.mode === "navigate", handler: new NetworkOnly() },
  ],
  fallbacks: { entries: [{ url: "/field", matcher: ({ request }) => request.destination === "document" }] },
});

serwist.addEventListeners();
