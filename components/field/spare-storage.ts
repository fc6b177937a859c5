// What the tablet keeps on demand and its present user's work no longer needs: claimant-name OCR
// languages of states outside the area, onnxruntime-web's WebGPU build and the model's fp32 graph where
// the model runs on WebAssembly. Nothing goes by itself (another user of the tablet may need it); the
// worker frees it with "Free space", and each comes back the next time it is needed online.
import type { NameLanguage } from "@/configs/field";
import type { DeviceDatabase } from "@/workers/db/field-db";
import { dropGpuGraph, gpuGraphBytes } from "@/workers/models/model-client";
import { LANGUAGE_NAMES, ON_DEMAND_LANGUAGES, languageDataPath } from "@/workers/ocr/ocr-languages";
import { GPU_RUNTIME_CACHE_PREFIX, OCR_LANGUAGES_CACHE_PREFIX } from "@/workers/sw/on-demand-cache";

export type SpareItem = { label: string; bytes: number; free: () => Promise<void> };

async function cachesNamed(prefix: string): Promise<string[]> {
  return typeof caches === "undefined" ? [] : (await caches.keys()).filter((name) => name.startsWith(prefix));
}

async function cachedBytes(cache: Cache, request: RequestInfo): Promise<number> {
  const response = await cache.match(request);
  return response ? (await response.blob()).size : 0;
}

async function spareLanguages(needed: readonly NameLanguage[]): Promise<SpareItem[]> {
  const items: SpareItem[] = [];
  for (const name of await cachesNamed(OCR_LANGUAGES_CACHE_PREFIX)) {
    const cache = await caches.open(name);
    for (const language of ON_DEMAND_LANGUAGES.filter((l) => !needed.includes(l))) {
      const bytes = await cachedBytes(cache, languageDataPath(language));
      if (bytes) items.push({ label: `${LANGUAGE_NAMES[language]} OCR data`, bytes, free: async () => void (await cache.delete(languageDataPath(language))) });
    }
  }
  return items;
}

async function spareGpuRuntime(): Promise<SpareItem[]> {
  const items: SpareItem[] = [];
  for (const name of await cachesNamed(GPU_RUNTIME_CACHE_PREFIX)) {
    const cache = await caches.open(name);
    let bytes = 0;
    for (const request of await cache.keys()) bytes += await cachedBytes(cache, request);
    if (bytes) items.push({ label: "the WebGPU runtime", bytes, free: async () => void (await caches.delete(name)) });
  }
  return items;
}

/** What could be freed now. `gpuInUse`: WebGPU is wanted or running, so its runtime and graph stay. */
export async function spareStorage(device: DeviceDatabase, neededLanguages: readonly NameLanguage[], gpuInUse: boolean): Promise<SpareItem[]> {
  const items = await spareLanguages(neededLanguages);
  if (!gpuInUse) {
    items.push(...(await spareGpuRuntime()));
    const graphBytes = await gpuGraphBytes(device);
    if (graphBytes) items.push({ label: "the model's WebGPU graph", bytes: graphBytes, free: async () => void (await dropGpuGraph(device)) });
  }
  return items;
}
