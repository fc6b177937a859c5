// The model store on disk: one folder per name/version, written once by the registry, then only read.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import { MODEL_FILES } from "@/configs/models";

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file).on("data", (chunk) => hash.update(chunk)).on("end", () => resolve(hash.digest("hex"))).on("error", reject);
  });
}

export const CONTENT_TYPES: Record<string, string> = {
  ".json": "application/json",
  ".onnx": "application/octet-stream",
  ".md": "text/markdown; charset=utf-8",
};

/** The store path of a served file, or null: only the package's listed files, never anything else. */
export function storedFilePath(storeDir: string, versionDir: string, file: string): string | null {
  if (!(MODEL_FILES as readonly string[]).includes(file)) return null;
  return path.join(storeDir, versionDir, file);
}
