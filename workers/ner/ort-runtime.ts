// onnxruntime-web's two WebAssembly builds, as the app serves them. The asyncify build has the WebGPU
// back end (and runs WebAssembly too); the plain build runs WebAssembly only, at half the size (14 MB
// against 27 MB) and faster per page. A tablet without a GPU needs only the plain one, so the service
// worker precaches that one and keeps the asyncify build only once a tablet has fetched it (sw.ts). One
// NER worker runs one build: onnxruntime-web starts its WebAssembly once per worker.
import type { NerBackend } from "./ner-client";

export type OrtBuild = "plain" | "asyncify";

export const ORT_FILES: Record<OrtBuild, { mjs: string; wasm: string }> = {
  plain: { mjs: "/ort/ort-wasm-simd-threaded.mjs", wasm: "/ort/ort-wasm-simd-threaded.wasm" },
  asyncify: { mjs: "/ort/ort-wasm-simd-threaded.asyncify.mjs", wasm: "/ort/ort-wasm-simd-threaded.asyncify.wasm" },
};

export const ortBuildFor = (backend: NerBackend): OrtBuild => (backend === "webgpu" ? "asyncify" : "plain");

/** The NER worker's name, from which it knows its build. */
export const nerWorkerName = (build: OrtBuild) => `ner-${build}`;
export const ortBuildOfWorker = (name: string): OrtBuild => (name === nerWorkerName("asyncify") ? "asyncify" : "plain");

/** Whether a path is one of the WebGPU build's files (kept on demand by the service worker). */
export const isGpuRuntimePath = (pathname: string) => pathname === ORT_FILES.asyncify.mjs || pathname === ORT_FILES.asyncify.wasm;
