// The service worker: precaches the app shell (the field and login pages, every built script and style),
// tesseract.js's worker, cores and language data, onnxruntime-web's WebAssembly, the app's own workers and
// MapLibre's worker, so that after one online visit the tablet works with no network. Models are not
// here: the model client verifies them against the signed manifest and keeps them in IndexedDB.
// Built by scripts/build-sw.ts (Serwist) after `next build`.
import { NetworkOnly, Serwist, type PrecacheEntry } from "serwist";

declare const self: { __SW_MANIFEST: Array<PrecacheEntry | string> | undefined };

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  // A new version takes over at once: the app's data is in IndexedDB, not in the old worker's memory.
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    // Pages that need the server (the review map, admin) fall back to the field app when offline.
    { matcher: ({ request }) => request.mode === "navigate", handler: new NetworkOnly() },
  ],
  fallbacks: { entries: [{ url: "/field", matcher: ({ request }) => request.destination === "document" }] },
});

serwist.addEventListeners();
