// Whether this device has a GPU worth running the field model on: the NER worker picks its back end by
// it, and the page decides by it whether to download the model's fp32 graph (WebGPU's) at all.
import type { NerBackend } from "./ner-client";

type GpuAdapter = { isFallbackAdapter?: boolean; info?: { architecture?: string; vendor?: string; isFallbackAdapter?: boolean } };

/** Null when a hardware GPU can run the model, else why not. A software adapter (SwiftShader) is slower than WebAssembly. */
export async function whyNoGpu(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<GpuAdapter | null> } }).gpu;
  if (!gpu) return "this browser has no WebGPU";
  let adapter: GpuAdapter | null = null;
  try {
    adapter = await gpu.requestAdapter();
  } catch {
    adapter = null;
  }
  if (!adapter) return "no WebGPU adapter on this device";
  if (adapter.isFallbackAdapter || adapter.info?.isFallbackAdapter || adapter.info?.architecture === "swiftshader") return "only a software GPU here, slower than WebAssembly";
  return null;
}

/** Whether the model is to run on WebGPU: asked for by hand, or left to the device and it has a hardware GPU. */
export const wantsGpu = async (prefer: NerBackend | "auto"): Promise<boolean> => prefer === "webgpu" || (prefer === "auto" && (await whyNoGpu()) === null);
