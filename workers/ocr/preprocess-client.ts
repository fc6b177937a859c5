// The page's handle on the preprocessing worker (public/workers/preprocess.worker.js).
import { workerClient } from "@/workers/rpc";

export type PreparedPage = { image: Blob; width: number; height: number; skewDegrees: number; blank: boolean; bytes: number; sha256: string };
export type PreprocessApi = { prepare: { request: { file: File | Blob }; result: PreparedPage } };

let client: ReturnType<typeof workerClient<PreprocessApi>> | null = null;

export function preparePage(file: File | Blob): Promise<PreparedPage> {
  client ??= workerClient<PreprocessApi>(new Worker("/workers/preprocess.worker.js", { type: "module", name: "preprocess" }));
  return client.call("prepare", { file });
}
