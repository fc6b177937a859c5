// The service worker's side of workers/ocr/ocr-languages.ts: one cache for the on-demand OCR languages
// (on-demand-cache.ts), filled when the page asks for its area's languages.
import { CacheFirst, type PrecacheEntry, type RuntimeCaching } from "serwist";
import { isHoldLanguagesMessage, languageDataPath, onDemandLanguageAt, type HeldLanguagesReply } from "../ocr/ocr-languages";
import type { NameLanguage } from "../../configs/field";
import { OCR_LANGUAGES_CACHE_PREFIX, entryUrl, onDemandCache, type ServiceWorkerScope } from "./on-demand-cache";

/**
 * Takes the on-demand languages out of the build's precache list; returns the rest, and installs the
 * message handler, the route that serves the kept files and the clean-up of other builds' caches.
 */
export function keepOcrLanguagesOnDemand(scope: ServiceWorkerScope, entries: Array<PrecacheEntry | string>): { precache: Array<PrecacheEntry | string>; route: RuntimeCaching } {
  const cacheName = onDemandCache(scope, OCR_LANGUAGES_CACHE_PREFIX, entries.filter((e) => onDemandLanguageAt(entryUrl(e)) !== null));

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
  return {
    precache: entries.filter((e) => onDemandLanguageAt(entryUrl(e)) === null),
    // tesseract.js asks for the file by its plain path; an area that needs it has it here already.
    route: { matcher: ({ url }) => url.origin === scope.location.origin && onDemandLanguageAt(url.pathname) !== null, handler: new CacheFirst({ cacheName }) },
  };
}
