// The large runtimes a tablet downloads once to work offline (onnxruntime-web's WebAssembly, tesseract.js's
// worker and core, the app's own workers, MapLibre's worker) sent brotli-compressed at the highest level,
// compressed once at build time (scripts/compress-assets.ts). Next.js compresses public files with gzip on
// every request, at a lower level: onnxruntime-web's 26 MB WebAssembly goes out as 6.7 MB that way, as
// 4.0 MB here. Browsers that do not accept brotli, and range requests, get Next.js's answer as before.
import { createReadStream, statSync, type Stats } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

/** The public paths that are kept brotli-compressed beside the file, as `<file>.br`. */
export const PRECOMPRESSED_PATH = /^\/(?:ort\/[\w.-]+\.(?:wasm|mjs)|tesseract\/worker\.min\.js|tesseract\/core\/[\w.-]+\.js|workers\/[\w.-]+\.js|maplibre-gl-csp-worker\.js)$/;

const CONTENT_TYPES: Record<string, string> = {
  ".wasm": "application/wasm",
  ".js": "application/javascript; charset=UTF-8",
  ".mjs": "application/javascript; charset=UTF-8",
};

/** Whether an Accept-Encoding header allows brotli (and does not refuse it with q=0). */
export function acceptsBrotli(acceptEncoding: string | undefined): boolean {
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "br" && coding !== "*") continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  }
  return false;
}

function compressedFile(publicDir: string, pathname: string): { file: string; stats: Stats } | null {
  if (!PRECOMPRESSED_PATH.test(pathname) || pathname.includes("..")) return null;
  const file = path.join(publicDir, `${pathname}.br`);
  try {
    const stats = statSync(file);
    return stats.isFile() ? { file, stats } : null;
  } catch {
    return null; // not built (next dev, a bare checkout): Next.js serves the file itself
  }
}

/**
 * Answers a request for a precompressed asset with its brotli file, and returns true; returns false,
 * having sent nothing, where Next.js should answer instead.
 */
export function answerPrecompressed(req: IncomingMessage, res: ServerResponse, pathname: string, publicDir: string, headers: Record<string, string>): boolean {
  if ((req.method !== "GET" && req.method !== "HEAD") || req.headers.range || !acceptsBrotli(req.headers["accept-encoding"])) return false;
  const found = compressedFile(publicDir, pathname);
  if (!found) return false;
  const etag = `"br-${found.stats.size.toString(16)}-${Math.floor(found.stats.mtimeMs).toString(16)}"`;
  const common = { ...headers, "cache-control": "public, max-age=0", etag, vary: "Accept-Encoding" };
  if (req.headers["if-none-match"]?.split(",").some((t) => t.trim() === etag)) {
    res.writeHead(304, common);
    res.end();
    return true;
  }
  res.writeHead(200, { ...common, "content-type": CONTENT_TYPES[path.extname(pathname)] ?? "application/octet-stream", "content-encoding": "br", "content-length": String(found.stats.size) });
  if (req.method === "HEAD") res.end();
  else createReadStream(found.file).on("error", () => res.destroy()).pipe(res);
  return true;
}
