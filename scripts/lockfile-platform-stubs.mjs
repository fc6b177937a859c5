// The npm registry reachable here carries only Linux builds of platform packages, so `npm install`
// leaves other platforms' optional packages (Next's macOS/Windows SWC binaries) out of package-lock.json
// and `npm ci` then refuses the lock. This adds them back as optional, platform-tagged entries, which
// npm skips on Linux without fetching. Run after `npm install` changes the lock.
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const platforms = {
  "darwin-arm64": { os: ["darwin"], cpu: ["arm64"] },
  "darwin-x64": { os: ["darwin"], cpu: ["x64"] },
  "win32-arm64-msvc": { os: ["win32"], cpu: ["arm64"] },
  "win32-x64-msvc": { os: ["win32"], cpu: ["x64"] },
};
let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = Object.entries(platforms).find(([suffix]) => name.endsWith(suffix));
    if (lock.packages[key] || !platform) continue;
    lock.packages[key] = { version, license: "MIT", optional: true, ...platform[1] };
    added++;
  }
}
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform stub(s)`);
