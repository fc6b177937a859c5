// Production mode: the same migrations, seed, claim queries and tiles against a real PostgreSQL + PostGIS.
import { VectorTile } from "@mapbox/vector-tile";
import { sql } from "drizzle-orm";
import Pbf from "pbf";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateSession, createSession } from "@/server/auth/session";
import { rows, type Database } from "@/server/db/client";
import { openDatabase } from "@/server/db/open";
import { readBoundaryFile } from "@/server/db/seed/boundary-file";
import { seedDemo } from "@/server/db/seed/generate";
import { hasNativeMvt, renderTile, runTileStatement, tileContaining } from "@/server/services/tiles";
import { boundaryFixture } from "../helpers/boundary-fixture";
import { callerFor, squareInVillage } from "../helpers/db";
import { postgresAvailable, startPostgres } from "../helpers/postgres";

describe.skipIf(!postgresAvailable)("PostgreSQL + PostGIS (DATABASE_URL mode)", () => {
  let server: Awaited<ReturnType<typeof startPostgres>>;
  let database: Database;
  beforeAll(async () => {
    server = await startPostgres();
    database = await openDatabase({ url: server.url, dataDir: "unused" });
    await database.migrate();
    await seedDemo(database.db, { claims: 400, seed: 11, documents: 2 });
  });
  afterAll(async () => {
    await database?.close();
    server?.stop();
  });

  const official = async () => {
    const [u] = await rows<{ id: string }>(database.db, sql`SELECT id FROM users WHERE username = 'official.gadchiroli'`);
    const { token } = await createSession(database.db, u!.id, 1);
    return (await validateSession(database.db, token, 14))!;
  };

  it("runs the claim queries and a workflow step", async () => {
    const user = await official();
    const api = callerFor(database.db, user);
    const page = await api.claims.list({ filter: { statuses: ["sdlc_review"] }, limit: 5 });
    expect(page.items.length).toBeGreaterThan(0);
    const c = await api.claims.get({ id: page.items[0]!.id });
    const r = await api.claims.transition({ id: c.id, action: "sdlc_remand", reason: "Map incomplete; remanded", expectedVersion: c.version });
    expect(r.status).toBe("sdlc_remanded");
    await expect(api.claims.transition({ id: c.id, action: "sdlc_remand", reason: "again", expectedVersion: c.version })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("redraws a parcel, keeping the shape it replaced and the one it drew in the audit trail", async () => {
    const api = callerFor(database.db, await official());
    const [c] = await rows<{ id: string; version: number; village_id: number }>(database.db, sql`SELECT c.id, c.version, c.village_id FROM claims c JOIN districts d ON d.id = c.district_id
      WHERE d.name = 'Gadchiroli' AND c.geom IS NOT NULL ORDER BY c.claim_no LIMIT 1`);
    const before = await api.claims.get({ id: c!.id });
    const r = await api.claims.updateParcel({ id: c!.id, geometry: await squareInVillage(database.db, c!.village_id, 0.0006), expectedVersion: c!.version });
    const after = await api.claims.get({ id: c!.id });
    expect(after.history.at(-1)).toMatchObject({ action: "edit_parcel", claimVersion: r.version, parcel: { before: { geometry: before.geometry }, after: { geometry: after.geometry } } });
  });

  it("builds tiles with ST_AsMVT that match the portable encoder", async () => {
    expect(await hasNativeMvt(database.db)).toBe(true);
    const user = await official();
    const [c] = await rows<{ lon: number; lat: number }>(database.db, sql`SELECT ST_X(centroid) AS lon, ST_Y(centroid) AS lat FROM claims WHERE type = 'IFR' AND district_id = ${user.districtIds[0]} LIMIT 1`);
    for (const z of [6, 9, 12, 14]) {
      const t = tileContaining(c!.lon, c!.lat, z);
      const native = new VectorTile(new Pbf(await renderTile(database.db, user, t, {})));
      const portable = new VectorTile(new Pbf(await renderTile(database.db, user, t, {}, "portable")));
      const summary = (vt: VectorTile) => Object.fromEntries(Object.entries(vt.layers).map(([k, l]) => [k, l.length]));
      expect(summary(native)).toEqual(summary(portable));
      // Points are projected by hand on the portable side: they must land where ST_AsMVTGeom puts them.
      const points = (vt: VectorTile) => ["counts", "claims", "village_labels"].flatMap((name) => {
        const layer = vt.layers[name];
        return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i)).filter((f) => f.type === 1)
          .map((f) => ({ key: `${name}:${f.properties.id ?? f.properties.claim_no}`, at: f.loadGeometry()[0]![0]! }));
      });
      const nativeAt = new Map(points(native).map((p) => [p.key, p.at]));
      for (const p of points(portable)) {
        const n = nativeAt.get(p.key)!;
        expect(Math.max(Math.abs(n.x - p.at.x), Math.abs(n.y - p.at.y)), p.key).toBeLessThanOrEqual(1);
      }
      // Polygons are wound by the portable encoder itself: each ring must turn the way ST_AsMVTGeom turns it
      // (exterior positive, holes negative) and cover about the same area.
      const rings = (vt: VectorTile) => new Map(["claims", "villages"].flatMap((name) => {
        const layer = vt.layers[name];
        return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i)).filter((f) => f.type === 3)
          .map((f) => [`${name}:${f.properties.id ?? f.properties.claim_no}`, f.loadGeometry().map((ring) => ring.reduce((sum, b, i) => {
            const a = ring[(i + ring.length - 1) % ring.length]!;
            return sum + a.x * b.y - b.x * a.y;
          }, 0))] as const);
      }));
      const nativeRings = rings(native);
      for (const [key, areas] of rings(portable)) {
        const expected = nativeRings.get(key)!;
        expect(areas.map(Math.sign), key).toEqual(expected.map(Math.sign));
        areas.forEach((a, i) => expect(Math.abs(a - expected[i]!), key).toBeLessThanOrEqual(Math.abs(expected[i]!) * 0.05 + 64));
      }
      if (z === 14) expect(nativeRings.size).toBeGreaterThan(0);
      expect(Object.keys(native.layers).length).toBeGreaterThan(0);
    }
  });

  it("runs tiles of claims (z >= 12) without parallel workers, count tiles and everything else with the defaults", async () => {
    const workers = async (z: number) => {
      const [row] = await runTileStatement<{ max_parallel_workers_per_gather: string }>(database.db, { z, x: 0, y: 0 }, sql`SHOW max_parallel_workers_per_gather`);
      return row!.max_parallel_workers_per_gather;
    };
    const [server] = await rows<{ max_parallel_workers_per_gather: string }>(database.db, sql`SHOW max_parallel_workers_per_gather`);
    expect(server!.max_parallel_workers_per_gather).not.toBe("0");
    expect([await workers(6), await workers(11), await workers(12), await workers(14)]).toEqual([server!.max_parallel_workers_per_gather, server!.max_parallel_workers_per_gather, "0", "0"]);
    // SET LOCAL: the connection it ran on is back to the default afterwards.
    const [after] = await rows<{ max_parallel_workers_per_gather: string }>(database.db, sql`SHOW max_parallel_workers_per_gather`);
    expect(after!.max_parallel_workers_per_gather).toBe(server!.max_parallel_workers_per_gather);
  });

  it("commits audit entries in the order of their ids, so that a pull after a cursor never skips a late commit", async () => {
    const [claim] = await rows<{ id: string; status: string; version: number; actor: string }>(database.db, sql`
      SELECT c.id, c.status, c.version, (SELECT id FROM users WHERE username = 'admin') AS actor FROM claims c ORDER BY c.claim_no LIMIT 1`);
    // Two sessions of their own, so that one transaction can stay open while the other writes.
    const [first, second] = [postgres(server.url, { max: 1, onnotice: () => {} }), postgres(server.url, { max: 1, onnotice: () => {} })];
    const append = async (q: postgres.Sql) => Number((await q`INSERT INTO claim_transitions (claim_id, action, from_status, to_status, actor_id, reason, claim_version)
      VALUES (${claim!.id}, 'order_check', ${claim!.status}, ${claim!.status}, ${claim!.actor}, 'audit order test', ${claim!.version}) RETURNING id`)[0]!.id);
    const visibleAfter = async (cursor: number) => (await rows<{ id: number }>(database.db, sql`SELECT id::int AS id FROM claim_transitions WHERE id > ${cursor} ORDER BY id`)).map((r) => r.id);
    const waitingForLock = async () => (await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`))[0]!.n;
    let commit = () => {};
    try {
      const [{ m: before }] = await rows<{ m: number }>(database.db, sql`SELECT coalesce(max(id), 0)::int AS m FROM claim_transitions`) as [{ m: number }];
      let drawn!: (id: number) => void;
      const firstId = new Promise<number>((resolve) => (drawn = resolve));
      const firstTransaction = first.begin(async (tx) => {
        drawn(await append(tx as unknown as postgres.Sql));
        await new Promise<void>((resolve) => (commit = resolve));
      });
      const idA = await firstId;
      const secondId = append(second); // draws its id only once the first has committed
      await expect.poll(waitingForLock, { timeout: 30_000 }).toBe(1);
      expect(await visibleAfter(before)).toEqual([]); // a pull now sees neither, rather than the second alone
      commit();
      await firstTransaction;
      const idB = await secondId;
      expect(idB).toBeGreaterThan(idA);
      expect(await visibleAfter(before)).toEqual([idA, idB]);
    } finally {
      commit(); // a failed check must not leave the first transaction open
      await Promise.all([first.end(), second.end()]);
    }
  });

  it("seeds a real state's boundary file (the merge on a grid needs GEOS 3.9 or later)", async () => {
    await database.db.execute(sql`CREATE DATABASE fra_boundaries`);
    const other = await openDatabase({ url: server.url.replace(/\/postgres$/, "/fra_boundaries"), dataDir: "unused" });
    try {
      await other.migrate();
      const fixture = boundaryFixture();
      const summary = await seedDemo(other.db, { claims: 100, seed: 30, documents: 0, boundaries: readBoundaryFile(fixture.geojson, fixture.codeTable) });
      expect(summary).toMatchObject({ districts: 2, tehsils: 3, villages: 8, claims: 100 });
      const districts = await rows<{ code: string; cells: number }>(other.db, sql`
        SELECT code, round((ST_Area(geom) / 0.0004)::numeric, 3)::float8 AS cells FROM districts ORDER BY code`);
      expect(districts).toEqual([{ code: "585", cells: 9 }, { code: "586", cells: 3 }]);
      const [outside] = await rows<{ n: number }>(other.db, sql`SELECT count(*)::int AS n FROM claims c JOIN villages v ON v.id = c.village_id
        WHERE c.geom IS NOT NULL AND NOT ST_Within(c.geom, v.geom)`);
      expect(outside!.n).toBe(0);
    } finally {
      await other.close();
    }
  });
});
