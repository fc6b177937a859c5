// The page's handle on the NER worker (public/workers/ner.worker.js).
import { workerClient } from "@/workers/rpc";
import { nerWorkerName, type OrtBuild } from "./ort-runtime";
import type { ExtractedEntity } from "./decode";

export type NerBackend = "webgpu" | "wasm";
export type NerApi = {
  load: { request: { name: string; version: number; prefer: NerBackend | "auto" }; result: { backend: NerBackend; fallbackReason: string | null } };
  extract: { request: { text: string }; result: { entities: ExtractedEntity[]; ms: number; backend: NerBackend; model: string } };
};

let current: { build: OrtBuild; client: ReturnType<typeof workerClient<NerApi>> } | null = null;

/** The NER worker; asked for another onnxruntime-web build than it runs, a new one replaces it. */
export function nerWorker(build?: OrtBuild) {
  if (!current || (build && build !== current.build)) {
    current?.client.terminate();
    const b = build ?? "plain";
    current = { build: b, client: workerClient<NerApi>(new Worker("/workers/ner.worker.js", { type: "module", name: nerWorkerName(b) })) };
  }
  return current.client;
}
