// Copies the browser assets that come from npm packages into public/, so the app serves them itself
// (no CDN) and the service worker can precache them: MapLibre's web worker; tesseract.js's worker, its
// WebAssembly cores (LSTM-only builds, one per CPU feature level: workers/ocr/tesseract-core.ts picks
// one per device) and the English and Hindi language data, with Marathi and Nepali for the claimant's
// Devanagari name alone (kept only on tablets whose area needs them: workers/ocr/ocr-languages.ts);
// onnxruntime-web's WebAssembly build that transformers.js loads.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const dist = (pkg, file) => path.dirname(require.resolve(`${pkg}/${file}`));

function copy(from, toDir, name = path.basename(from)) {
  mkdirSync(toDir, { recursive: true });
  copyFileSync(from, path.join(toDir, name));
}

copy(path.join(dist("maplibre-gl", "dist/maplibre-gl.js"), "maplibre-gl-csp-worker.js"), "public");

rmSync("public/tesseract", { recursive: true, force: true });
copy(path.join(dist("tesseract.js", "dist/worker.min.js"), "worker.min.js"), "public/tesseract");
const core = path.dirname(require.resolve("tesseract.js-core/package.json"));
for (const f of readdirSync(core).filter((f) => /^tesseract-core(-simd|-relaxedsimd)?-lstm\.wasm\.js$/.test(f))) copy(path.join(core, f), "public/tesseract/core");
for (const lang of ["eng", "hin", "mar", "nep"]) {
  // best_int: the LSTM models tesseract.js uses in its default (LSTM-only) engine mode.
  const data = path.join(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), "4.0.0_best_int", `${lang}.traineddata.gz`);
  copy(data, "public/tesseract/lang");
}

rmSync("public/ort", { recursive: true, force: true });
// onnxruntime-web's asyncify build for WebGPU, its plain build for WebAssembly (workers/ner/ort-runtime.ts).
for (const f of ["ort-wasm-simd-threaded.asyncify.mjs", "ort-wasm-simd-threaded.asyncify.wasm", "ort-wasm-simd-threaded.mjs", "ort-wasm-simd-threaded.wasm"]) {
  copy(require.resolve(`onnxruntime-web/${f}`), "public/ort");
}

console.log("copied maplibre, tesseract.js and onnxruntime-web assets to public/");
