// transformers.js reads model files through this cache and nothing else: it answers only for files of a
// model version that the model client downloaded and verified against the signed manifest (Dexie's
// modelFiles). The path prefix is one the server never serves, so a miss can never fall through to an
// unverified download.
import type { DeviceDatabase } from "@/workers/db/field-db";

export const VERIFIED_PREFIX = "/verified-models/";

const CONTENT_TYPES: Record<string, string> = { json: "application/json", onnx: "application/octet-stream" };

/** "/verified-models/fra-ner/3/onnx/model.onnx" -> { model: "fra-ner/3", path: "onnx/model.onnx" } */
export function parseVerifiedPath(url: string): { model: string; path: string } | null {
  const at = url.indexOf(VERIFIED_PREFIX);
  if (at < 0) return null;
  const match = /^([a-z0-9][a-z0-9-]*)\/(\d+)\/(.+)$/.exec(url.slice(at + VERIFIED_PREFIX.length));
  return match ? { model: `${match[1]}/${match[2]}`, path: match[3]! } : null;
}

export function verifiedModelCache(db: DeviceDatabase) {
  return {
    async match(request: string | Request): Promise<Response | undefined> {
      const parsed = parseVerifiedPath(typeof request === "string" ? request : request.url);
      if (!parsed) return undefined;
      const model = await db.models.get(parsed.model);
      if (model?.state !== "verified") return undefined;
      const file = await db.modelFiles.get(`${parsed.model}/${parsed.path}`);
      if (!file?.complete) return undefined;
      const type = CONTENT_TYPES[parsed.path.split(".").pop() ?? ""] ?? "application/octet-stream";
      return new Response(file.data, { headers: { "content-type": type, "content-length": String(file.data.size) } });
    },
    async put(): Promise<void> {
      // Never: only the model client writes model files, after verifying them.
    },
  };
}

type TransformersEnv = {
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
  localModelPath: string;
  remoteHost: string;
  remotePathTemplate: string;
  useBrowserCache: boolean;
  useCustomCache: boolean;
  customCache: unknown;
};

/** Points transformers.js at the verified models and nowhere else (no hub, no browser cache, no files). */
export function readOnlyVerifiedModels(env: TransformersEnv, db: DeviceDatabase): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = VERIFIED_PREFIX;
  // The "remote" address is the same verified path: whichever key transformers.js asks the cache for
  // (it asks for both in Node), the answer is the verified file or nothing.
  env.remoteHost = VERIFIED_PREFIX;
  env.remotePathTemplate = "{model}/";
  env.useBrowserCache = false;
  env.useCustomCache = true;
  env.customCache = verifiedModelCache(db);
}
