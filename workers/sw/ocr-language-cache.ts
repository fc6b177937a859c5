// The service worker's side of workers/ocr/ocr-languages.ts: one cache for the on-demand OCR languages,
// named after this build's revisions of their files, so that a new build with new data starts a new
// cache and drops the old one, while a build with the same data keeps what the tablet already has.
import { CacheFirst, type PrecacheEntry, type RuntimeCaching } from "serwist";
import { isHoldLanguagesMessage, languageDataPath, onDemandLanguageAt, type HeldLanguagesReply } from "../ocr/ocr-languages";
import type { NameLanguage } from "../../configs/field";

const CACHE_PREFIX = "fra-ocr-languages-";

// A cache name is no secret: FNV-1a is enough to tell one build's revisions from another's.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

export const entryUrl = (entry: PrecacheEntry | string) => (typeof entry === "string" ? entry : entry.url);

export type ServiceWorkerScope = {
  location: { origin: string };
  addEventListener(type: "message", listener: (event: { data: unknown; ports: readonly MessagePort[]; waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: "activate", listener: (event: { waitUntil(p: Promise<unknown>): void }) => void): void;
};

/**
 * Takes the on-demand languages out of the build's precache list; returns the rest, and installs the
 * message handler, the route that serves the kept files and the clean-up of other builds' caches.
 */
export function keepOcrLanguagesOnDemand(scope: ServiceWorkerScope, entries: Array<PrecacheEntry | string>): { precache: Array<PrecacheEntry | string>; route: RuntimeCaching } {
  const onDemand = entries.filter((e) => onDemandLanguageAt(entryUrl(e)) !== null);
  const cacheName = CACHE_PREFIX + fnv1a(onDemand.map((e) => `${entryUrl(e)}@${typeof e === "string" ? "" : e.revision ?? ""}`).sort().join("\n"));

  async function hold(languages: readonly NameLanguage[], fetch: boolean): Promise<HeldLanguagesReply> {
    const cache = await caches.open(cacheName);
    let error: string | null = null;
    const held: NameLanguage[] = [];
    for (const language of languages) {
      if (!(await cache.match(languageDataPath(language))) && fetch) {
        await cache.add(languageDataPath(language)).catch((e: unknown) => (error = `${language}: ${e instanceof Error ? e.message : String(e)}`));
      }
      if (await cache.match(languageDataPath(language))) held.push(language);
    }
    return { held, error };
  }

  scope.addEventListener("message", (event) => {
    if (!isHoldLanguagesMessage(event.data) || !event.ports[0]) return;
    const port = event.ports[0];
    event.waitUntil(hold(event.data.languages, event.data.fetch).then((reply) => port.postMessage(reply), (e: unknown) => port.postMessage({ held: [], error: String(e) } satisfies HeldLanguagesReply)));
  });
  scope.addEventListener("activate", (event) => {
    event.waitUntil(caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== cacheName).map((n) => caches.delete(n)))));
  });
  return {
    precache: entries.filter((e) => onDemandLanguageAt(entryUrl(e)) === null),
    // tesseract.js asks for the file by its plain path; an area that needs it has it here already.
    route: { matcher: ({ url }) => url.origin === scope.location.origin && onDemandLanguageAt(url.pathname) !== null, handler: new CacheFirst({ cacheName }) },
  };
}
