// The page's handle on the NER worker (public/workers/ner.worker.js).
import { workerClient } from "@/workers/rpc";
import type { ExtractedEntity } from "./decode";

export type NerBackend = "webgpu" | "wasm";
export type NerApi = {
  load: { request: { name: string; version: number; prefer: NerBackend | "auto" }; result: { backend: NerBackend; fallbackReason: string | null } };
  extract: { request: { text: string }; result: { entities: ExtractedEntity[]; ms: number; backend: NerBackend; model: string } };
};

let client: ReturnType<typeof workerClient<NerApi>> | null = null;

export function nerWorker() {
  client ??= workerClient<NerApi>(new Worker("/workers/ner.worker.js", { type: "module", name: "ner" }));
  return client;
}
