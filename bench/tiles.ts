// Tile benchmark: p50/p95 latency of vector tiles at zooms 6-14 over a fixed tile set, three ways:
//   sql     the tile's SQL alone (ST_AsMVT on PostgreSQL, run as the service runs it; the clip-and-quantize query on PGlite), on
//           its first touch of the tile's data and again on warm buffers
//   service the same SQL plus encoding, in process (what the route runs)
//   http    GET /api/tiles/z/x/y through `npm start`'s server, session check included: cold, rendered anew on
//           warm buffers (a second server with FRA_TILE_CACHE_MB=0), and from the tile cache
// plus the time to first complete map paint of a district in headless Chromium.
// npm run bench -- [--claims 1000000] [--data-dir data/bench-1m] [--reps 3] [--database-url postgres://…]
//                  [--boundaries FILE [--census-codes FILE]]   (a real state's villages: README "Demo data")
// Needs `npm run build` first. The dataset is generated once (same generator as the demo) and reused.
// With --database-url the same runs against that PostgreSQL + PostGIS (native ST_AsMVT), data-dir then
// holding only the app's model store and keys.
import { mkdirSync } from "node:fs";
import { Agent, request } from "node:http";
import { gunzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { chromium } from "playwright-core";
import { DISTRICTS } from "@/server/db/seed/geography";
import { readBoundaryFiles } from "@/server/db/seed/boundary-file";
import { seedDemo, DEMO_PASSWORD } from "@/server/db/seed/generate";
import { warmUp } from "@/server/db";
import { openDatabase } from "@/server/db/open";
import { rows } from "@/server/db/client";
import { hasNativeMvt, nativeTileSql, portableTileSql, renderTile, runTileStatement, tileContaining as tileOf, type TileAddress } from "@/server/services/tiles";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/test/helpers/app-server";
import { startBenchApp } from "./app";
import { latencyStats } from "./latency";

const { values } = parseArgs({
  options: {
    claims: { type: "string", default: "1000000" },
    "data-dir": { type: "string", default: "data/bench-1m" },
    reps: { type: "string", default: "3" },
    "database-url": { type: "string" },
    boundaries: { type: "string", multiple: true },
    "census-codes": { type: "string" },
  },
});
const claims = Number(values.claims);
const dataDir = values["data-dir"]!;
const reps = Number(values.reps);
const url = values["database-url"];
if (url) process.env.DATABASE_URL = url; // the app started below reads it too

const stats = (xs: number[]) => latencyStats(xs, 2);


const log = (m: string) => console.error(`[bench] ${m}`);

// 1. The dataset.
const open = () => openDatabase({ url, dataDir });
{
  const d = await open();
  await d.migrate();
  const [made] = await rows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM states`);
  if (made?.n === 0) {
    log(`generating ${claims} claims into ${url ? "the PostgreSQL database" : dataDir} (once)`);
    const boundaries = values.boundaries ? readBoundaryFiles(values.boundaries, values["census-codes"]) : undefined;
    await seedDemo(d.db, { claims, seed: 2006, districts: DISTRICTS.filter((x) => x.claimWeight >= 1).map((x) => x.name), withHistory: false, documents: 0, boundaries, log });
  }
  await d.close();
}

// 2. In-process: raw SQL vs the service, as the state-wide admin (the heaviest scope).
const database = await open();
const db = database.db;
const [admin] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = 'admin'`);
// The district official whose first paint is timed: official.gadchiroli on the generated state.
const [official] = await rows<{ username: string }>(db, sql`SELECT username FROM users WHERE role = 'district_official' ORDER BY username LIMIT 1`);
const firstOfficial = official!.username;
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

// The first touch of each tile's data in this process (its buffers cold, as in a fresh server, after the
// same start-up warm-up the server does), then the same SQL again on warm buffers.
await warmUp(database);
const tileSql = (t: TileAddress) => (native ? nativeTileSql(user, t, {}) : portableTileSql(user, t, {}));
const sqlFirstSamples: Array<{ z: number; ms: number }> = [];
for (const t of tiles) {
  const t0 = performance.now();
  await runTileStatement(db, t, tileSql(t)); // as the service runs it (on PostgreSQL, z >= 12: no parallel workers)
  sqlFirstSamples.push({ z: t.z, ms: performance.now() - t0 });
}
for (const t of tiles) await renderTile(db, user, t, {}); // warm caches
const sqlSamples: Array<{ z: number; ms: number }> = [];
const serviceSamples: Array<{ z: number; ms: number }> = [];
let bytes = 0;
for (let r = 0; r < reps; r++) {
  for (const t of tiles) {
    let t0 = performance.now();
    await runTileStatement(db, t, tileSql(t));
    sqlSamples.push({ z: t.z, ms: performance.now() - t0 });
    t0 = performance.now();
    bytes += (await renderTile(db, user, t, {})).length;
    serviceSamples.push({ z: t.z, ms: performance.now() - t0 });
  }
}
await database.close();

// 3. Over HTTP through the real server, and the first paint in Chromium. The server caches rendered
//    tiles (server/services/tile-cache.ts): the first request for a tile is cold (no cached tile and the
//    server's database buffers cold: compare with sql_first_touch), the repeats are cache hits. Then a
//    second server without the tile cache (FRA_TILE_CACHE_MB=0) renders every request: after one pass
//    that warms its buffers, its repeats compare like with like with `sql`. The cold paint comes first.
type ServerSplit = { total: ReturnType<typeof stats>; render: ReturnType<typeof stats> };
// One request: its time at the client, and the route's own Server-Timing (total, and the render alone).
type TileGet = { z: number; ms: number; hit: boolean; total: number; render: number; wireBytes: number };
const split = (gets: TileGet[]): ServerSplit => ({ total: stats(gets.map((g) => g.total)), render: stats(gets.map((g) => g.render)) });

async function sessionCookie(base: string, username: string): Promise<string> {
  const login = await fetch(`${base}/api/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return login.headers.get("set-cookie")!.split(";")[0]!;
}

async function withApp<T>(env: Record<string, string>, body: (url: string, cookie: string) => Promise<T>): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const app = await startBenchApp(dataDir, env);
  try {
    return await body(app.url, await sessionCookie(app.url, "admin"));
  } finally {
    await app.stop();
  }
}

// The tile client is node:http on one kept-alive connection (as a browser keeps one per origin), asking
// for gzip and unpacking the body as a browser does. undici's fetch, this benchmark's client before, cost
// 0.9-1.1 ms p50 and about 4 ms p95 more per request than node:http on the same cached tile: client time
// that is neither the server's nor HTTP's.
const tileAgent = new Agent({ keepAlive: true, maxSockets: 1 });

function getTile(base: string, cookie: string, t: TileAddress): Promise<TileGet> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(`${base}/api/tiles/${t.z}/${t.x}/${t.y}`, { agent: tileAgent, headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        if (res.headers["content-encoding"] === "gzip") gunzipSync(body);
        const ms = performance.now() - t0;
        const timing = Object.fromEntries([...String(res.headers["server-timing"] ?? "").matchAll(/(\w+);dur=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
        resolve({ z: t.z, ms, hit: res.headers["x-tile-cache"] === "hit", total: timing.total ?? NaN, render: timing.render ?? NaN, wireBytes: body.length });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const cached = await withApp({}, async (base, cookie) => {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, "--use-angle=swiftshader", "--enable-unsafe-swiftshader"] });
  // A new browser context each time: nothing in the browser's cache.
  const paint = async (as = cookie) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: as.split("=")[0]!, value: as.split("=")[1]!, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() => (window as unknown as { __fraMapIdleAt?: number }).__fraMapIdleAt !== undefined, null, { timeout: 60_000 });
    const ms = await page.evaluate(() => (window as unknown as { __fraMapIdleAt: number }).__fraMapIdleAt);
    await context.close();
    return ms;
  };
  const paintCold = await paint();
  // The page's own queries (the list for the map's view, fired at its first paint) may still hold PGlite's
  // one connection: let them finish, so that the tile figures time tiles, not the queue behind them.
  await new Promise((r) => setTimeout(r, 3000));
  const cold: TileGet[] = [];
  const warm: TileGet[] = [];
  for (let r = 0; r < reps; r++) {
    for (const t of tiles) {
      const got = await getTile(base, cookie, t);
      if (r === 0) cold.push(got);
      else if (got.hit) warm.push(got);
    }
  }
  const paintWarm = await paint();
  // A district official's map opens on their district (the admin's on the whole state): its first paint,
  // in a new browser on the running server.
  const paintDistrict = await paint(await sessionCookie(base, firstOfficial));
  await browser.close();
  return { cold, warm, paintCold, paintWarm, paintDistrict };
});

const uncached = await withApp({ FRA_TILE_CACHE_MB: "0" }, async (base, cookie) => {
  for (const t of tiles) await getTile(base, cookie, t); // warms this server's database buffers
  const rendered: TileGet[] = [];
  for (let r = 0; r < reps; r++) for (const t of tiles) rendered.push(await getTile(base, cookie, t));
  return rendered;
});

const httpCold = stats(cached.cold.map((s) => s.ms));
const httpWarm = cached.warm.length ? stats(cached.warm.map((s) => s.ms)) : null;
const httpUncached = stats(uncached.map((s) => s.ms));
const sqlAll = stats(sqlSamples.map((s) => s.ms));
const sqlFirst = stats(sqlFirstSamples.map((s) => s.ms));
const ratio = (http: ReturnType<typeof stats>, base: ReturnType<typeof stats>) => +(http.p95_ms / base.p95_ms).toFixed(2);
const serviceAll = stats(serviceSamples.map((s) => s.ms));
console.log(JSON.stringify({
  benchmark: "tiles",
  database: native ? "postgresql (ST_AsMVT)" : "pglite (portable MVT encoder)",
  claims: claimCount,
  tiles: tiles.length,
  reps,
  mean_tile_bytes: Math.round(bytes / serviceSamples.length),
  mean_tile_bytes_over_http: Math.round(uncached.reduce((sum, g) => sum + g.wireBytes, 0) / uncached.length),
  sql_first_touch: sqlFirst,
  sql: sqlAll,
  service: serviceAll,
  http_cold: httpCold,
  http_uncached: httpUncached,
  http_warm_cache: httpWarm,
  http_cold_server_timing: split(cached.cold),
  http_uncached_server_timing: split(uncached),
  // Like with like: cold server against the SQL's first touch, warm buffers against warm.
  http_cold_over_sql_first_touch_p95: ratio(httpCold, sqlFirst),
  http_uncached_over_sql_p95: ratio(httpUncached, sqlAll),
  http_cold_over_sql_p95: ratio(httpCold, sqlAll),
  by_zoom: { sql_first_touch: byZoom(sqlFirstSamples), sql: byZoom(sqlSamples), service: byZoom(serviceSamples), http_cold: byZoom(cached.cold), http_uncached: byZoom(uncached) },
  first_paint_ms: { cold: Math.round(cached.paintCold), warm_cache: Math.round(cached.paintWarm), district_official: Math.round(cached.paintDistrict) },
  targets: { http_p95_ms: 50, http_over_sql: 1.2, first_paint_ms: 2000 },
}));
