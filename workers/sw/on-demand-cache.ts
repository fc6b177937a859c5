// A cache for files the service worker keeps only on the tablets that need them (not precached), named
// after this build's revisions of those files: a new build with new files starts a new cache and drops
// the old one, while a build with the same files keeps what the tablet already has.
import type { PrecacheEntry } from "serwist";
import { fnv1a32 } from "@/workers/hash";

// The page reads these too: the field app's "Free space" lets go of what the tablet no longer needs.
export const OCR_LANGUAGES_CACHE_PREFIX = "fra-ocr-languages-";
export const GPU_RUNTIME_CACHE_PREFIX = "fra-ort-webgpu-";

export const entryUrl = (entry: PrecacheEntry | string) => (typeof entry === "string" ? entry : entry.url);

export type ServiceWorkerScope = {
  location: { origin: string };
  addEventListener(type: "message", listener: (event: { data: unknown; ports: readonly MessagePort[]; waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: "activate", listener: (event: { waitUntil(p: Promise<unknown>): void }) => void): void;
};

// A cache name is no secret: FNV-1a is enough to tell one build's revisions from another's.
const fnv1aHex = (text: string) => fnv1a32(text).toString(16).padStart(8, "0");

/** The cache for `onDemand`'s files in this build; other builds' caches of the same prefix go on activation. */
export function onDemandCache(scope: ServiceWorkerScope, prefix: string, onDemand: ReadonlyArray<PrecacheEntry | string>): string {
  const cacheName = prefix + fnv1aHex(onDemand.map((e) => `${entryUrl(e)}@${typeof e === "string" ? "" : e.revision ?? ""}`).sort().join("\n"));
  scope.addEventListener("activate", (event) => {
    event.waitUntil(caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith(prefix) && n !== cacheName).map((n) => caches.delete(n)))));
  });
  return cacheName;
}
