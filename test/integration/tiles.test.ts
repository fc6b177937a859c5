import { VectorTile } from "@mapbox/vector-tile";
import { sql } from "drizzle-orm";
import Pbf from "pbf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/server/db/client";
import { renderTile, renderVersionedTile, tileAddressSchema, tileContaining as tileOf } from "@/server/services/tiles";
import { openTestDatabase } from "../helpers/db";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => { env = await openTestDatabase(); });
afterAll(() => env.cleanup());


async function aClaim(district: string) {
  const [c] = await rows<{ id: string; claim_no: string; lon: number; lat: number; status: string }>(
    env.db,
    sql`SELECT c.id, c.claim_no, ST_X(c.centroid) AS lon, ST_Y(c.centroid) AS lat, c.status FROM claims c JOIN districts d ON d.id = c.district_id
        WHERE d.name = ${district} AND c.type = 'IFR' ORDER BY c.claim_no LIMIT 1`,
  );
  return c!;
}

const decode = (b: Uint8Array) => new VectorTile(new Pbf(b));

describe("vector tiles", () => {
  it("shows district counts at low zoom that add up to the district's claims", async () => {
    const c = await aClaim("Gadchiroli");
    const tile = decode(await renderTile(env.db, env.users.gadchiroli, tileOf(c.lon, c.lat, 6), {}));
    const counts = tile.layers.counts!;
    const [total] = await rows<{ n: number }>(env.db, sql`SELECT count(*)::int AS n FROM claims c JOIN districts d ON d.id = c.district_id WHERE d.name = 'Gadchiroli'`);
    const gad = Array.from({ length: counts.length }, (_, i) => counts.feature(i).properties).find((p) => p.name === "Gadchiroli")!;
    expect(gad.n).toBe(total!.n);
    expect(Number(gad.granted) + Number(gad.rejected) + Number(gad.pending)).toBe(total!.n);
    expect(tile.layers.districts!.length).toBeGreaterThan(0);
  });

  it("counts per tehsil at z8-9 and per village at z10-11, each adding up to its claims and drawn with its boundaries", async () => {
    const c = await aClaim("Gadchiroli");
    const [unit] = await rows<{ tehsil_id: number; village_id: number; tehsil_n: number; village_n: number; village: string }>(env.db, sql`
      SELECT c.tehsil_id, c.village_id, v.name AS village,
             (SELECT count(*)::int FROM claims x WHERE x.tehsil_id = c.tehsil_id) AS tehsil_n,
             (SELECT count(*)::int FROM claims x WHERE x.village_id = c.village_id) AS village_n
      FROM claims c JOIN villages v ON v.id = c.village_id WHERE c.id = ${c.id}`);
    const countsAt = async (z: number, lon: number, lat: number) => {
      const layer = decode(await renderTile(env.db, env.users.gadchiroli, tileOf(lon, lat, z), {})).layers.counts!;
      return Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
    };
    const [tehsilPoint] = await rows<{ lon: number; lat: number }>(env.db, sql`SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM tehsils WHERE id = ${unit!.tehsil_id}) q`);
    const tehsilTile = decode(await renderTile(env.db, env.users.gadchiroli, tileOf(tehsilPoint!.lon, tehsilPoint!.lat, 9), {}));
    expect(tehsilTile.layers.tehsils!.length).toBeGreaterThan(0);
    expect(tehsilTile.layers.villages).toBeUndefined();
    const tehsils = await countsAt(8, tehsilPoint!.lon, tehsilPoint!.lat);
    expect(tehsils.every((p) => p.level === "tehsil")).toBe(true);
    expect(tehsils.find((p) => p.id === unit!.tehsil_id)?.n).toBe(unit!.tehsil_n);
    const [villagePoint] = await rows<{ lon: number; lat: number }>(env.db, sql`SELECT ST_X(label_point) AS lon, ST_Y(label_point) AS lat FROM villages WHERE id = ${unit!.village_id}`);
    for (const z of [10, 11]) {
      const villages = await countsAt(z, villagePoint!.lon, villagePoint!.lat);
      expect(villages.find((p) => p.id === unit!.village_id)).toMatchObject({ level: "village", name: unit!.village, n: unit!.village_n });
    }
    const villageTile = decode(await renderTile(env.db, env.users.gadchiroli, tileOf(villagePoint!.lon, villagePoint!.lat, 10), {}));
    expect(villageTile.layers.villages!.length).toBeGreaterThan(0);
    expect(villageTile.layers.tehsils).toBeUndefined();
  });

  it("shows each claim as a point at z12 and as a parcel at z14, with its status", async () => {
    const c = await aClaim("Gadchiroli");
    const points = decode(await renderTile(env.db, env.users.gadchiroli, tileOf(c.lon, c.lat, 12), {})).layers.claims!;
    const p = Array.from({ length: points.length }, (_, i) => points.feature(i)).find((f) => f.properties.claim_no === c.claim_no)!;
    expect(p.type).toBe(1);
    expect(p.properties.status).toBe(c.status);
    // Keyed by the claim number alone: no uuid in the tile.
    expect(Object.keys(p.properties).sort()).toEqual(["area_ha", "claim_no", "status", "type"]);
    // The point lies where Web Mercator puts the claim's centroid, to the tile's unit.
    const t = tileOf(c.lon, c.lat, 12);
    const world = (lon: number, lat: number) => [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2];
    const [wx, wy] = world(c.lon, c.lat);
    const { x, y } = p.loadGeometry()[0]![0]!;
    expect(Math.abs(x - (wx! * 2 ** 12 - t.x) * 4096)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(y - (wy! * 2 ** 12 - t.y) * 4096)).toBeLessThanOrEqual(0.5);
    const parcels = decode(await renderTile(env.db, env.users.gadchiroli, tileOf(c.lon, c.lat, 14), {}));
    const f = Array.from({ length: parcels.layers.claims!.length }, (_, i) => parcels.layers.claims!.feature(i)).find((x) => x.properties.claim_no === c.claim_no)!;
    expect(f.type).toBe(3);
    expect(parcels.layers.villages!.length).toBeGreaterThan(0);
  });

  it("names the claim's village on one label point from z12, where the village counts (which carry names) end", async () => {
    const c = await aClaim("Gadchiroli");
    const [village] = await rows<{ id: number; name: string; lon: number; lat: number }>(env.db, sql`SELECT v.id, v.name, ST_X(v.label_point) AS lon, ST_Y(v.label_point) AS lat
      FROM claims c JOIN villages v ON v.id = c.village_id WHERE c.id = ${c.id}`);
    const tile = decode(await renderTile(env.db, env.users.gadchiroli, tileOf(village!.lon, village!.lat, 12), {}));
    const labels = Array.from({ length: tile.layers.village_labels?.length ?? 0 }, (_, i) => tile.layers.village_labels!.feature(i));
    expect(labels.filter((l) => l.properties.id === village!.id).map((l) => [l.type, l.properties.name])).toEqual([[1, village!.name]]);
    expect(decode(await renderTile(env.db, env.users.gadchiroli, tileOf(village!.lon, village!.lat, 11), {})).layers.village_labels).toBeUndefined();
  });

  it("carries property text as it is stored: quotes, backslashes and Devanagari", async () => {
    const c = await aClaim("Gadchiroli");
    const [village] = await rows<{ id: number; census_code: string; lon: number; lat: number }>(env.db, sql`SELECT v.id, v.census_code, ST_X(v.label_point) AS lon, ST_Y(v.label_point) AS lat
      FROM claims c JOIN villages v ON v.id = c.village_id WHERE c.id = ${c.id}`);
    const [name, nameLocal] = ['Pen "Gaon" \\ Tola', 'पेन "गांव"\n टोला'];
    const rolledBack: Error & { found?: unknown } = new Error("roll back"); // leaves the shared database as it was
    const read = await env.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE villages SET name = ${name}, name_local = ${nameLocal} WHERE id = ${village!.id}`);
      const tile = decode(await renderTile(tx as unknown as typeof env.db, env.users.gadchiroli, tileOf(village!.lon, village!.lat, 10), {}));
      const villages = tile.layers.villages!;
      const found = Array.from({ length: villages.length }, (_, i) => villages.feature(i).properties).find((p) => p.id === village!.id);
      throw Object.assign(rolledBack, { found });
    }).catch((e: unknown) => (e === rolledBack ? rolledBack.found : Promise.reject(e)));
    expect(read).toEqual({ id: village!.id, name, name_local: nameLocal, census_code: village!.census_code });
  });

  it("applies the filter and the user's scope", async () => {
    const c = await aClaim("Gadchiroli");
    const other = c.status === "title_granted" ? "received" : "title_granted";
    const filtered = decode(await renderTile(env.db, env.users.gadchiroli, tileOf(c.lon, c.lat, 12), { statuses: [other as "received"] })).layers.claims;
    const numbers = filtered ? Array.from({ length: filtered.length }, (_, i) => filtered.feature(i).properties.claim_no) : [];
    expect(numbers).not.toContain(c.claim_no);
    const asNandurbar = decode(await renderTile(env.db, env.users.nandurbar, tileOf(c.lon, c.lat, 12), {}));
    expect(asNandurbar.layers.claims).toBeUndefined();
    const lowAsNandurbar = decode(await renderTile(env.db, env.users.nandurbar, tileOf(c.lon, c.lat, 6), {})).layers.counts;
    const names = lowAsNandurbar ? Array.from({ length: lowAsNandurbar.length }, (_, i) => lowAsNandurbar.feature(i).properties.name) : [];
    expect(names).not.toContain("Gadchiroli");
  });

  it("computes counts from claims when the filter needs it (area, dates)", async () => {
    const c = await aClaim("Gadchiroli");
    const big = decode(await renderTile(env.db, env.users.gadchiroli, tileOf(c.lon, c.lat, 6), { areaMinHa: 3 })).layers.counts!;
    const all = decode(await renderTile(env.db, env.users.gadchiroli, tileOf(c.lon, c.lat, 6), {})).layers.counts!;
    const n = (l: typeof big) => Array.from({ length: l.length }, (_, i) => Number(l.feature(i).properties.n)).reduce((a, b) => a + b, 0);
    const [expected] = await rows<{ n: number }>(env.db, sql`SELECT count(*)::int AS n FROM claims c JOIN districts d ON d.id = c.district_id WHERE d.name = 'Gadchiroli' AND c.area_claimed_ha >= 3`);
    expect(n(big)).toBe(expected!.n);
    expect(n(big)).toBeLessThan(n(all));
  });

  it("refuses tile addresses off the grid", () => {
    expect(tileAddressSchema.safeParse({ z: "3", x: "8", y: "0" }).success).toBe(false);
    expect(tileAddressSchema.safeParse({ z: "40", x: "0", y: "0" }).success).toBe(false);
    expect(tileAddressSchema.safeParse({ z: "3", x: "-1", y: "0" }).success).toBe(false);
    expect(tileAddressSchema.safeParse({ z: "3", x: "7", y: "7" }).success).toBe(true);
  });
});

describe("the tile cache", () => {
  it("serves a tile again from memory until a claim changes, and keeps scopes and filters apart", async () => {
    const { cachedTile, claimsDataVersion } = await import("@/server/services/tile-cache");
    const c = await aClaim("Gadchiroli");
    const t = tileOf(c.lon, c.lat, 12);
    const render = (user = env.users.gadchiroli, filter = {}) => cachedTile(env.db, user, t, filter, () => renderVersionedTile(env.db, user, t, filter));
    const first = await render();
    const again = await render();
    expect([first.hit, again.hit, again.etag]).toEqual([false, true, first.etag]);
    expect(again.tile).toBe(first.tile);
    expect((await render(env.users.admin)).hit).toBe(false); // another scope, another tile
    expect((await render(env.users.gadchiroli, { types: ["CFR"] })).hit).toBe(false);
    // A client whose copy is current gets its 304 without the tile being rendered or even looked up.
    let rendered = 0;
    const revalidated = await cachedTile(env.db, env.users.gadchiroli, t, {}, async () => (rendered++, { tile: new Uint8Array(), claimsVersion: 0 }), first.etag);
    expect([revalidated.tile, revalidated.etag, rendered]).toEqual([null, first.etag, 0]);
    const version = await claimsDataVersion(env.db);
    await env.db.execute(sql`UPDATE claims SET updated_at = now() WHERE id = ${c.id}`);
    expect(await claimsDataVersion(env.db)).toBe(version + 1);
    const after = await render();
    expect(after.hit).toBe(false);
    expect(after.etag).not.toBe(first.etag);
  });
});
