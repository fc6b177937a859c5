// Copies the browser assets that come from npm packages into public/, so the app serves them itself
// (no CDN): MapLibre's web worker.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const maplibreDist = path.dirname(require.resolve("maplibre-gl/dist/maplibre-gl.js"));
mkdirSync("public", { recursive: true });
copyFileSync(path.join(maplibreDist, "maplibre-gl-csp-worker.js"), "public/maplibre-gl-csp-worker.js");
console.log("copied maplibre-gl-csp-worker.js to public/");
