// Tile benchmark: p50/p95 latency of vector tiles at zooms 6-14 over a fixed tile set, three ways:
//   sql     the tile's SQL alone (ST_AsMVT on PostgreSQL; the clip-and-quantize query on PGlite)
//   service the same SQL plus encoding, in process (what the route runs)
//   http    GET /api/tiles/z/x/y through `next start`, session check included
// plus the time to first complete map paint of a district in headless Chromium.
// npm run bench -- [--claims 1000000] [--data-dir data/bench-1m] [--reps 3] [--database-url postgres://…]
// Needs `npm run build` first. The dataset is generated once (same generator as the demo) and reused.
// With --database-url the same runs against that PostgreSQL + PostGIS (native ST_AsMVT), data-dir then
// holding only the app's model store and keys.
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { chromium } from "playwright-core";
import { DISTRICTS } from "@/server/db/seed/geography";
import { seedDemo, DEMO_PASSWORD } from "@/server/db/seed/generate";
import { openDatabase } from "@/server/db/open";
import { rows } from "@/server/db/client";
import { hasNativeMvt, nativeTileSql, portableTileSql, renderTile, tileContaining as tileOf, type TileAddress } from "@/server/services/tiles";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/test/helpers/app-server";
import { startBenchApp } from "./app";

const { values } = parseArgs({
  options: {
    claims: { type: "string", default: "1000000" },
    "data-dir": { type: "string", default: "data/bench-1m" },
    reps: { type: "string", default: "3" },
    "database-url": { type: "string" },
  },
});
const claims = Number(values.claims);
const dataDir = values["data-dir"]!;
const reps = Number(values.reps);
const url = values["database-url"];
if (url) process.env.DATABASE_URL = url; // the app started below reads it too

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const stats = (xs: number[]) => ({ p50_ms: +percentile(xs, 50).toFixed(2), p95_ms: +percentile(xs, 95).toFixed(2), n: xs.length });


const log = (m: string) => console.error(`[bench] ${m}`);

// 1. The dataset.
const open = () => openDatabase({ url, dataDir });
{
  const d = await open();
  await d.migrate();
  const [made] = await rows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM states`);
  if (made?.n === 0) {
    log(`generating ${claims} claims into ${url ? "the PostgreSQL database" : dataDir} (once)`);
    await seedDemo(d.db, { claims, seed: 2006, districts: DISTRICTS.filter((x) => x.claimWeight >= 1).map((x) => x.name), withHistory: false, documents: 0, log });
  }
  await d.close();
}

// 2. In-process: raw SQL vs the service, as the state-wide admin (the heaviest scope).
const database = await open();
const db = database.db;
const [admin] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = 'admin'`);
const user = { id: admin!.id, username: "admin", displayName: "admin", role: "admin" as const, districtIds: [], tehsilIds: [] };
const [{ n: claimCount } = { n: 0 }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claims`);
const seeds = await rows<{ lon: number; lat: number }>(
  db,
  sql`SELECT ST_X(centroid) AS lon, ST_Y(centroid) AS lat FROM claims WHERE type = 'IFR' ORDER BY md5(id::text) LIMIT 4`,
);
const tiles: TileAddress[] = [];
for (let z = 6; z <= 14; z++) for (const s of seeds) tiles.push(tileOf(s.lon, s.lat, z));
const native = await hasNativeMvt(db);
const byZoom = (samples: Array<{ z: number; ms: number }>) =>
  Object.fromEntries(Array.from({ length: 9 }, (_, i) => i + 6).map((z) => [z, stats(samples.filter((s) => s.z === z).map((s) => s.ms))]));

for (const t of tiles) await renderTile(db, user, t, {}); // warm caches
const sqlSamples: Array<{ z: number; ms: number }> = [];
const serviceSamples: Array<{ z: number; ms: number }> = [];
let bytes = 0;
for (let r = 0; r < reps; r++) {
  for (const t of tiles) {
    let t0 = performance.now();
    await db.execute(native ? nativeTileSql(user, t, {}) : portableTileSql(user, t, {}));
    sqlSamples.push({ z: t.z, ms: performance.now() - t0 });
    t0 = performance.now();
    bytes += (await renderTile(db, user, t, {})).length;
    serviceSamples.push({ z: t.z, ms: performance.now() - t0 });
  }
}
await database.close();

// 3. Over HTTP through the real server, and the first paint in Chromium. The server caches rendered
//    tiles (server/services/tile-cache.ts): the first request for a tile is a cold render, the repeats
//    are cache hits, and both are reported. The cold paint comes first, on an empty cache.
mkdirSync(dataDir, { recursive: true });
const app = await startBenchApp(dataDir);
let httpCold: ReturnType<typeof stats> | null = null;
let httpWarm: ReturnType<typeof stats> | null = null;
let httpByZoom: Record<string, ReturnType<typeof stats>> = {};
// The cold requests' own Server-Timing: the route's time, and the render's alone, inside `next start`.
let httpColdServer: { total: ReturnType<typeof stats>; render: ReturnType<typeof stats> } | null = null;
let firstPaintColdMs: number | null = null;
let firstPaintWarmMs: number | null = null;
try {
  const login = await fetch(`${app.url}/api/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: JSON.stringify({ username: "admin", password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, "--use-angle=swiftshader", "--enable-unsafe-swiftshader"] });
  const paint = async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: cookie.split("=")[0]!, value: cookie.split("=")[1]!, url: app.url }]);
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.waitForFunction(() => (window as unknown as { __fraMapIdleAt?: number }).__fraMapIdleAt !== undefined, null, { timeout: 60_000 });
    const ms = await page.evaluate(() => (window as unknown as { __fraMapIdleAt: number }).__fraMapIdleAt);
    await context.close();
    return ms;
  };
  firstPaintColdMs = await paint();
  // The page's own queries (the list for the map's view, fired at its first paint) may still hold PGlite's
  // one connection: let them finish, so that the tile figures time tiles, not the queue behind them.
  await new Promise((r) => setTimeout(r, 3000));
  const cold: Array<{ z: number; ms: number }> = [];
  const warm: Array<{ z: number; ms: number }> = [];
  const coldServer: Array<{ z: number; ms: number }> = [];
  const coldRender: Array<{ z: number; ms: number }> = [];
  for (let r = 0; r < reps; r++) {
    for (const t of tiles) {
      const t0 = performance.now();
      const res = await fetch(`${app.url}/api/tiles/${t.z}/${t.x}/${t.y}`, { headers: { cookie } });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      const timing = Object.fromEntries([...(res.headers.get("server-timing") ?? "").matchAll(/(\w+);dur=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
      if (res.headers.get("x-tile-cache") === "hit") warm.push({ z: t.z, ms });
      else {
        cold.push({ z: t.z, ms });
        coldServer.push({ z: t.z, ms: timing.total ?? NaN });
        coldRender.push({ z: t.z, ms: timing.render ?? NaN });
      }
    }
  }
  httpCold = stats(cold.map((s) => s.ms));
  httpWarm = warm.length ? stats(warm.map((s) => s.ms)) : null;
  httpByZoom = byZoom(cold);
  httpColdServer = { total: stats(coldServer.map((s) => s.ms)), render: stats(coldRender.map((s) => s.ms)) };
  firstPaintWarmMs = await paint();
  await browser.close();
} finally {
  await app.stop();
}

const sqlAll = stats(sqlSamples.map((s) => s.ms));
const serviceAll = stats(serviceSamples.map((s) => s.ms));
console.log(JSON.stringify({
  benchmark: "tiles",
  database: native ? "postgresql (ST_AsMVT)" : "pglite (portable MVT encoder)",
  claims: claimCount,
  tiles: tiles.length,
  reps,
  mean_tile_bytes: Math.round(bytes / serviceSamples.length),
  sql: sqlAll,
  service: serviceAll,
  http_cold: httpCold,
  http_warm_cache: httpWarm,
  http_cold_server_timing: httpColdServer,
  http_cold_over_sql_p95: httpCold ? +(httpCold.p95_ms / sqlAll.p95_ms).toFixed(2) : null,
  by_zoom: { sql: byZoom(sqlSamples), service: byZoom(serviceSamples), http_cold: httpByZoom },
  first_paint_ms: { cold: firstPaintColdMs === null ? null : Math.round(firstPaintColdMs), warm_cache: firstPaintWarmMs === null ? null : Math.round(firstPaintWarmMs) },
  targets: { http_p95_ms: 50, http_over_sql: 1.2, first_paint_ms: 2000 },
}));
