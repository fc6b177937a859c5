// The demo seeded on a real state's boundary file (made here in DataMeet's layout: test/helpers/boundary-fixture.ts)
// instead of the generated Maharashtra: its own embedded database, as a fresh machine would make it.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { VectorTile } from "@mapbox/vector-tile";
import { sql } from "drizzle-orm";
import Pbf from "pbf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readServerEnv } from "@/configs/server";
import { createSession, validateSession } from "@/server/auth/session";
import { rows, type Database, type Db } from "@/server/db/client";
import { openDatabase } from "@/server/db/open";
import { readBoundaryFile } from "@/server/db/seed/boundary-file";
import { seedDemo } from "@/server/db/seed/generate";
import { boundarySource } from "@/server/services/geo";
import { renderTile, tileContaining } from "@/server/services/tiles";
import { boundaryFixture } from "../helpers/boundary-fixture";
import { callerFor } from "../helpers/db";

let dir: string;
let database: Database;
let db: Db;
let summary: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "fra-boundaries-"));
  database = await openDatabase({ dataDir: dir });
  db = database.db;
  await database.migrate();
  const fixture = boundaryFixture();
  // Cotarli gets a second, unnamed piece a cell away, as some of Maharashtra's villages come.
  const json = JSON.parse(fixture.geojson);
  const cotarli = json.features.find((f: { properties: { NAME: string } }) => f.properties.NAME === "Cotarli");
  json.features.push({ ...cotarli, properties: { ...cotarli.properties, NAME: "" },
    geometry: { type: "Polygon", coordinates: [[[74.1, 15.28], [74.12, 15.28], [74.12, 15.3], [74.1, 15.3], [74.1, 15.28]]] } });
  summary = await seedDemo(db, { claims: 600, seed: 30, documents: 2, boundaries: readBoundaryFile(JSON.stringify(json), fixture.codeTable) });
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const userNamed = async (username: string) => {
  const [u] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = ${username}`);
  const { token } = await createSession(db, u!.id, 1);
  return (await validateSession(db, token, readServerEnv().FRA_SESSION_DAYS))!;
};

describe("the demo on a real state's village boundaries", () => {
  it("keeps the file's villages as drawn and builds tehsils, districts and the state from them", async () => {
    expect(summary).toMatchObject({ districts: 2, tehsils: 3, villages: 8, claims: 600 });
    const [state] = await rows<{ code: string; name: string; name_local: string }>(db, sql`SELECT code, name, name_local FROM states`);
    expect(state).toEqual({ code: "30", name: "Goa", name_local: "गोवा" });
    expect(await boundarySource(db)).toMatch(/DataMeet contributors .*ODbL/); // credited on the map
    const districts = await rows<{ code: string; abbr: string; name_local: string; cells: number }>(db, sql`
      SELECT code, abbr, name_local, round((ST_Area(geom) / 0.0004)::numeric, 3)::float8 AS cells FROM districts ORDER BY code`);
    // North Goa: 8 cells of villages and 1 of the town; South Goa: 4 (a cell is 0.02 x 0.02 degrees).
    expect(districts).toEqual([
      { code: "585", abbr: "NGO", name_local: "उत्तर गोवा", cells: 9 },
      { code: "586", abbr: "SGO", name_local: "दक्षिण गोवा", cells: 4 },
    ]);
    const tehsils = await rows<{ code: string; name: string; cells: number }>(db, sql`
      SELECT code, name, round((ST_Area(geom) / 0.0004)::numeric, 3)::float8 AS cells FROM tehsils ORDER BY code`);
    expect(tehsils).toEqual([{ code: "5609", name: "Pernem", cells: 3 }, { code: "5613", name: "Satari", cells: 6 }, { code: "5618", name: "Sanguem", cells: 4 }]);
    const [cotarli] = await rows<{ parts: number; cells: number }>(db, sql`
      SELECT ST_NumGeometries(geom) AS parts, round((ST_Area(geom) / 0.0004)::numeric, 3)::float8 AS cells FROM villages WHERE name = 'Cotarli'`);
    expect(cotarli).toEqual({ parts: 2, cells: 2 });
    const [caranzol] = await rows<{ census_code: string; vertices: number; cells: number; gram_panchayat: string }>(db, sql`
      SELECT census_code, ST_NPoints(geom) AS vertices, round((ST_Area(geom) / 0.0004)::numeric, 3)::float8 AS cells, gram_panchayat
      FROM villages WHERE name = 'Caranzol'`);
    expect(caranzol).toEqual({ census_code: "626771", vertices: 7, cells: 3, gram_panchayat: "Zarme" });
    expect(await rows(db, sql`SELECT name FROM villages WHERE name = 'Pernem'`)).toEqual([]); // a town: no claims filed there
  });

  it("puts every parcel wholly inside its village, the L-shaped one and the one in two pieces included", async () => {
    const [check] = await rows<{ parcels: number; outside: number; in_l: number; in_two_pieces: number }>(db, sql`
      SELECT count(*)::int AS parcels,
             count(*) FILTER (WHERE NOT ST_Within(c.geom, v.geom))::int AS outside,
             count(*) FILTER (WHERE v.name = 'Caranzol')::int AS in_l,
             count(*) FILTER (WHERE v.name = 'Cotarli')::int AS in_two_pieces
      FROM claims c JOIN villages v ON v.id = c.village_id WHERE c.geom IS NOT NULL AND c.type <> 'CFR'`);
    expect(check!.parcels).toBeGreaterThan(500);
    expect(check!.in_l).toBeGreaterThan(20);
    expect(check!.in_two_pieces).toBeGreaterThan(20);
    expect(check!.outside).toBe(0);
  });

  it("names claims after the state and gives them its tribes", async () => {
    const claims = await rows<{ claim_no: string; tribe: string | null; district: string }>(db, sql`
      SELECT c.claim_no, c.tribe, d.name AS district FROM claims c JOIN districts d ON d.id = c.district_id`);
    for (const c of claims) expect(c.claim_no).toMatch(c.district === "North Goa" ? /^GA-NGO-(IFR|CR|CFR)-\d{4}-\d{6}$/ : /^GA-SGO-/);
    expect(new Set(claims.map((c) => c.tribe).filter(Boolean))).toEqual(new Set(["Gawda", "Kunbi", "Velip"]));
  });

  it("scopes each district's official to that district, and a new claim takes the state's letters", async () => {
    const north = callerFor(db, await userNamed("official.north-goa"));
    const south = callerFor(db, await userNamed("official.south-goa"));
    const page = await north.claims.list({ filter: {}, limit: 200 });
    expect(page.total).toBeGreaterThan(0);
    for (const c of page.items) expect(c.claimNo).toMatch(/^GA-NGO-/);
    await expect(south.claims.get({ id: page.items[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const [village] = await rows<{ id: number }>(db, sql`SELECT id FROM villages WHERE name = 'Zarme'`);
    const created = await north.claims.create({
      id: crypto.randomUUID(), type: "IFR", claimantName: "Rama Velip", claimantNameLocal: "रामा वेळीप", category: "ST",
      villageId: village!.id, areaClaimedHa: 1.1, filedOn: "2025-02-03",
    });
    expect(created.claimNo).toMatch(/^GA-NGO-IFR-2025-\d{6}$/);
  });

  it("gives the field worker the busiest tehsil's villages, spelled in the state's language", async () => {
    const area = await callerFor(db, await userNamed("field.satari")).field.area();
    expect(area.villages.map((v) => v.name).sort()).toEqual(["Caranzol", "Sonal", "Zarme"]);
    expect(new Set(area.villages.map((v) => v.stateCode))).toEqual(new Set(["30"]));
  });

  it("draws the state's claims and boundaries on the map", async () => {
    const admin = await userNamed("admin");
    const tile = new VectorTile(new Pbf(await renderTile(db, admin, tileContaining(74.13, 15.23, 12), {})));
    expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(["claims", "villages"]));
    expect(tile.layers.claims!.length).toBeGreaterThan(0);
  });
});
