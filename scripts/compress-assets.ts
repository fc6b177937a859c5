// Writes `<file>.br` beside each public file that server/precompressed.ts sends brotli-compressed, at
// brotli's highest level (43 s for onnxruntime-web's 26 MB WebAssembly on 2 cores). Each result is kept
// under node_modules/.cache by the file's SHA-256, so a rebuild with the same files takes no time.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { PRECOMPRESSED_PATH } from "../server/precompressed";

const PUBLIC = "public";
const CACHE = "node_modules/.cache/fra-brotli";

function* publicFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* publicFiles(full);
    else if (entry.isFile()) yield full;
  }
}

mkdirSync(CACHE, { recursive: true });
const written: string[] = [];
for (const file of publicFiles(PUBLIC)) {
  const pathname = `/${path.relative(PUBLIC, file).split(path.sep).join("/")}`;
  if (!PRECOMPRESSED_PATH.test(pathname)) continue;
  const bytes = readFileSync(file);
  const kept = path.join(CACHE, `${createHash("sha256").update(bytes).digest("hex")}.br`);
  if (!existsSync(kept)) {
    const compressed = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    writeFileSync(`${kept}.tmp`, compressed);
    renameSync(`${kept}.tmp`, kept); // a build stopped half way leaves no truncated file under the final name
  }
  copyFileSync(kept, `${file}.br`);
  written.push(pathname);
}
console.log(`brotli-compressed ${written.length} public files`);
