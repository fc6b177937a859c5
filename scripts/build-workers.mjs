// Bundles the app's own Web Workers (NER, image preprocessing) into public/workers/ as ES modules, so they
// are plain files the service worker precaches and every page loads the same way.
import { build } from "esbuild";

const result = await build({
  entryPoints: { "ner.worker": "workers/ner/ner.worker.ts", "preprocess.worker": "workers/ocr/preprocess.worker.ts" },
  outdir: "public/workers",
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
  // onnxruntime-web loads its WebAssembly glue from wasmPaths at run time (public/ort/), never bundled.
  external: ["*.wasm"],
});
const sizes = Object.entries(result.metafile.outputs).map(([file, o]) => `${file} ${(o.bytes / 1024).toFixed(0)} KiB`);
console.log(`bundled workers: ${sizes.join(", ")}`);
