// Builds public/sw.js after `next build` (Serwist's configurator mode: it sees the prerendered pages):
// the service worker with the precache list of the app shell and the offline runtimes.
import { runBuildCommand } from "@serwist/cli";
import { serwist } from "@serwist/next/config";

const config = await serwist({
  swSrc: "workers/sw/sw.ts",
  swDest: "public/sw.js",
  globDirectory: ".",
  globPatterns: [
    ".next/static/**/*.{js,css,woff2,png,svg,ico,json}",
    "public/tesseract/**/*",
    "public/ort/**/*",
    "public/workers/**/*.js",
    "public/maplibre-gl-csp-worker.js",
    "public/icons/**/*",
  ],
  // onnxruntime-web's WebAssembly is 26 MB; nothing else comes close.
  maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
  precachePrerendered: true,
});
// Only the offline pages: the prerendered error pages and the others need the server anyway.
config.globPatterns = config.globPatterns!.map((p) => (p.endsWith("**/*.html") ? p.replace("{app,pages}/**/*.html", "app/{field,login}.html") : p));
// The brotli copies are the server's (server/precompressed.ts): the browser decodes them on the way in.
config.globIgnores = [...(config.globIgnores ?? []), "**/*.br"];
await runBuildCommand({ config, watch: false });
