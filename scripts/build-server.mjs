// Bundles the production server (server/main.ts: Next.js plus the direct tile path) into one file that
// `npm start` runs with plain node. Packages stay in node_modules; only the app's own modules are bundled.
import { build } from "esbuild";

await build({
  entryPoints: ["server/main.ts"],
  outfile: ".next/fra-server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
console.log("bundled the server: .next/fra-server.mjs");
