// Web Worker: claim fields from OCR text with the verified field model, in transformers.js on
// onnxruntime-web. WebGPU when the browser offers an adapter (fp32 graph: the int8 operators have no
// WebGPU kernels), WebAssembly otherwise (int8 graph). Long text is cut into windows that fit the model.
import { AutoModelForTokenClassification, env, Tensor, type PreTrainedModel } from "@huggingface/transformers";
import { deviceDb } from "@/workers/db/field-db";
import { serveWorker } from "@/workers/rpc";
import { extractEntities, type NerModel } from "./extract";
import { whyNoGpu } from "./gpu";
import { encoderFeeds, type Int64TensorClass } from "./feeds";
import type { NerApi, NerBackend } from "./ner-client";
import { ORT_FILES, ortBuildOfWorker } from "./ort-runtime";
import { nerPackageParts, type PackageConfig } from "./package-parts";
import { readOnlyVerifiedModels, VERIFIED_PREFIX, verifiedModelCache } from "./verified-cache";
import { WordPieceTokenizer } from "./wordpiece";


readOnlyVerifiedModels(env, deviceDb());
// The build this worker was started for (ner-client.ts names it): the plain one cannot run WebGPU.
const ortBuild = ortBuildOfWorker((self as unknown as { name: string }).name);
env.backends.onnx.wasm!.wasmPaths = ORT_FILES[ortBuild];
// One thread: SharedArrayBuffer needs cross-origin isolation, which would break the map's tiles.
env.backends.onnx.wasm!.numThreads = 1;

type Loaded = { key: string; backend: NerBackend; model: PreTrainedModel; ner: NerModel; fallbackReason: string | null };
let loaded: Loaded | null = null;

async function load(name: string, version: number, prefer: NerBackend | "auto"): Promise<Loaded> {
  const key = `${name}/${version}`;
  // The model's own files, as verified on download: transformers.js reads them from the same cache.
  const packageJson = async (file: string) => {
    const cached = await verifiedModelCache(deviceDb()).match(`${VERIFIED_PREFIX}${key}/${file}`);
    if (!cached) throw new Error(`model ${key} has not been downloaded and verified on this tablet`);
    return (await cached.json()) as unknown;
  };
  const parts = nerPackageParts(WordPieceTokenizer.fromJson(await packageJson("tokenizer.json")), (await packageJson("config.json")) as PackageConfig);
  let fallbackReason = prefer === "auto" ? await whyNoGpu() : null;
  let backend: NerBackend = prefer === "auto" ? (fallbackReason ? "wasm" : "webgpu") : prefer;
  if (backend === "webgpu" && ortBuild !== "asyncify") {
    fallbackReason = "this worker runs onnxruntime-web's WebAssembly-only build";
    backend = "wasm";
  }
  let model: PreTrainedModel;
  try {
    model = await AutoModelForTokenClassification.from_pretrained(key, backend === "webgpu" ? { device: "webgpu", dtype: "fp32" } : { device: "wasm", dtype: "q8" });
  } catch (error) {
    if (backend !== "webgpu") throw error;
    fallbackReason = `WebGPU failed (${error instanceof Error ? error.message : String(error)})`;
    backend = "wasm";
    model = await AutoModelForTokenClassification.from_pretrained(key, { device: "wasm", dtype: "q8" });
  }
  const ner: NerModel = {
    ...parts,
    run: async (rows) => {
      const { logits } = (await model(encoderFeeds(rows, Tensor as unknown as Int64TensorClass<Tensor>))) as { logits: Tensor };
      return { data: logits.data as Float32Array, dims: logits.dims };
    },
  };
  return { key, backend, model, ner, fallbackReason };
}

serveWorker<NerApi>(self as never, {
  async load({ name, version, prefer }) {
    const key = `${name}/${version}`;
    if (loaded?.key !== key || (prefer !== "auto" && loaded.backend !== prefer)) {
      await loaded?.model.dispose();
      loaded = null;
      loaded = await load(name, version, prefer);
    }
    return { backend: loaded.backend, fallbackReason: loaded.fallbackReason };
  },
  async extract({ text }) {
    if (!loaded) throw new Error("no field model is loaded yet");
    const started = performance.now();
    const entities = await extractEntities(text, loaded.ner);
    return { entities, ms: performance.now() - started, backend: loaded.backend, model: loaded.key };
  },
});
