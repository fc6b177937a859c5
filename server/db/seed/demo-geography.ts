// The generated demo state: Maharashtra's hand-drawn outline, its districts as Voronoi cells of their
// centres, tehsils and villages as Voronoi cells of random points (all made in PostGIS), and the demo
// accounts of the README. Plausible shapes, not surveyed ones: boundary-geography.ts loads real ones.
import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "../client";
import type { Position, Ring } from "@/server/services/geometry";
import { DISTRICTS, STATE, STATE_OUTLINE, TEHSILS, type DistrictSeed } from "./geography";
import { EAST_MAHARASHTRA, REAL_VILLAGES, VILLAGE_PREFIXES, VILLAGE_SUFFIXES, WEST_MAHARASHTRA, type Bilingual } from "./names";
import type { Rng } from "./random";
import type { SeedGeography } from "./seed-geography";

// The districts whose tribes are Gond, Madia and Pardhan rather than Bhil, Pawara and Kokna.
const EAST = new Set(["Gadchiroli", "Chandrapur", "Gondia", "Bhandara", "Nagpur", "Yavatmal", "Wardha", "Amravati", "Nanded"]);

/** Inserts the state and all its districts; tehsils and villages only in `activeNames`, which get claims. */
export async function insertDemoGeography(db: Db, rng: Rng, activeNames: ReadonlySet<string>, density: number): Promise<SeedGeography> {
  const stateId = await insertState(db, rng);
  const districtIds = await insertDistricts(db, stateId);
  const active = DISTRICTS.filter((d) => activeNames.has(d.name));
  let tehsilCount = 0;
  for (const d of active) {
    const districtId = districtIds.get(d.name)!;
    tehsilCount += await insertTehsils(db, rng, d, districtId);
    await insertVillages(db, rng, d, districtId, density);
  }
  return {
    stateCode: STATE.code,
    districtCount: districtIds.size,
    tehsilCount,
    claimDistricts: active.map((d) => ({
      id: districtIds.get(d.name)!, name: d.name, abbr: d.abbr, claimWeight: d.claimWeight,
      people: EAST.has(d.name) ? EAST_MAHARASHTRA : WEST_MAHARASHTRA,
    })),
    users: await demoUsers(db, districtIds),
  };
}

/** A Gram Panchayat usually groups two to four revenue villages; it takes the name of the first. */
export function gramPanchayatOf(villages: ReadonlyArray<{ name: string }>, index: number): string {
  return villages[index - (index % 3)]!.name;
}

async function demoUsers(db: Db, districtIds: Map<string, number>): Promise<SeedGeography["users"]> {
  const gad = districtIds.get("Gadchiroli");
  const ndb = districtIds.get("Nandurbar");
  const etapalli = gad
    ? (await rows<{ id: number }>(db, sql`SELECT id FROM tehsils WHERE district_id = ${gad} AND name = 'Etapalli'`))[0]?.id
    : undefined;
  return [
    { username: "admin", displayName: "State FRA cell admin", role: "admin", districts: [], tehsils: [] },
    { username: "official.gadchiroli", displayName: "Asha Kumre (DLC secretariat, Gadchiroli)", role: "district_official", districts: gad ? [gad] : [], tehsils: [] },
    { username: "official.nandurbar", displayName: "Vikas Valvi (DLC secretariat, Nandurbar)", role: "district_official", districts: ndb ? [ndb] : [], tehsils: [] },
    { username: "field.etapalli", displayName: "Ravi Atram (field staff, Etapalli)", role: "field_staff", districts: [], tehsils: etapalli ? [etapalli] : [] },
  ];
}

/** Midpoint displacement: a hand-drawn outline becomes a coastline-like border. */
function roughen(ring: ReadonlyArray<readonly [number, number]>, rng: Rng, rounds: number): Ring {
  let pts: Position[] = ring.map(([x, y]) => [x, y]);
  let amplitude = 0.08;
  for (let r = 0; r < rounds; r++) {
    const out: Position[] = [];
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i]!;
      const b = pts[(i + 1) % pts.length]!;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const k = (rng.next() - 0.5) * amplitude;
      out.push(a, [(a[0] + b[0]) / 2 - dy * k, (a[1] + b[1]) / 2 + dx * k]);
    }
    pts = out;
    amplitude *= 0.7;
  }
  pts.push(pts[0]!);
  return pts;
}

export const wktPolygon = (ring: Ring) => `POLYGON((${ring.map(([x, y]) => `${x.toFixed(6)} ${y.toFixed(6)}`).join(",")}))`;

async function insertState(db: Db, rng: Rng): Promise<number> {
  const outline = wktPolygon(roughen(STATE_OUTLINE, rng, 4));
  const [row] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO states (code, name, name_local, geom)
        VALUES (${STATE.code}, ${STATE.name}, ${STATE.nameLocal}, ST_Multi(ST_MakeValid(ST_GeomFromText(${outline}, 4326))))
        RETURNING id`,
  );
  return row!.id;
}

/** Voronoi cells of `seeds` clipped to `parent`: the shared step for districts, tehsils and villages. */
function voronoiCells(parent: SQL, seeds: SQL): SQL {
  return sql`
    parent AS (${parent}),
    seeds AS (${seeds}),
    cells AS (
      SELECT ST_SetSRID((ST_Dump(ST_VoronoiPolygons(ST_Collect(seeds.g)))).geom, 4326) AS cell FROM seeds
    ),
    clipped AS (
      SELECT seeds.*, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(cells.cell, parent.geom)), 3)) AS geom
      FROM seeds JOIN cells ON ST_Contains(cells.cell, seeds.g) CROSS JOIN parent
    )`;
}

async function insertDistricts(db: Db, stateId: number): Promise<Map<string, number>> {
  const seeds = JSON.stringify(DISTRICTS.map((d) => ({ x: d.lon, y: d.lat, code: d.code, abbr: d.abbr, name: d.name, name_local: d.nameLocal })));
  const inserted = await rows<{ id: number; name: string }>(
    db,
    sql`WITH ${voronoiCells(
      sql`SELECT geom FROM states WHERE id = ${stateId}`,
      sql`SELECT r.*, ST_SetSRID(ST_MakePoint(r.x, r.y), 4326) AS g
          FROM jsonb_to_recordset(${seeds}::jsonb) AS r(x float8, y float8, code text, abbr text, name text, name_local text)`,
    )}
    INSERT INTO districts (state_id, code, abbr, name, name_local, geom)
    SELECT ${stateId}, code, abbr, name, name_local, geom FROM clipped WHERE NOT ST_IsEmpty(geom)
    RETURNING id, name`,
  );
  return new Map(inserted.map((r) => [r.name, r.id]));
}

function generatedName(rng: Rng): Bilingual {
  const [pe, pd] = rng.pick(VILLAGE_PREFIXES);
  const [se, sd] = rng.pick(VILLAGE_SUFFIXES);
  return [pe + se, pd + sd];
}

async function insertTehsils(db: Db, rng: Rng, d: DistrictSeed, districtId: number): Promise<number> {
  const named = TEHSILS[d.name] ?? Array.from({ length: 8 }, () => generatedName(rng));
  const names = JSON.stringify(named.map(([name, local], i) => ({ ord: i + 1, name, name_local: local, code: `${d.code}-${String(i + 1).padStart(2, "0")}` })));
  const result = await rows<{ id: number }>(
    db,
    // Seeds are ranked north to south so that named tehsils land roughly where they really are.
    sql`WITH ${voronoiCells(
      sql`SELECT geom FROM districts WHERE id = ${districtId}`,
      sql`SELECT row_number() OVER (ORDER BY ST_Y(dp.geom) DESC) AS ord, dp.geom AS g
          FROM districts, ST_Dump(ST_GeneratePoints(districts.geom, ${named.length}, ${rng.int(1, 1_000_000)})) AS dp
          WHERE districts.id = ${districtId}`,
    )}
    INSERT INTO tehsils (district_id, code, name, name_local, geom)
    SELECT ${districtId}, n.code, n.name, n.name_local, clipped.geom
    FROM clipped JOIN jsonb_to_recordset(${names}::jsonb) AS n(ord int, code text, name text, name_local text) ON n.ord = clipped.ord
    WHERE NOT ST_IsEmpty(clipped.geom)
    RETURNING id`,
  );
  return result.length;
}

let censusSerial = 540_000;

async function insertVillages(db: Db, rng: Rng, d: DistrictSeed, districtId: number, density: number): Promise<void> {
  const tehsils = await rows<{ id: number; km2: number }>(
    db,
    sql`SELECT id, ST_Area(geom::geography) / 1e6 AS km2 FROM tehsils WHERE district_id = ${districtId} ORDER BY id`,
  );
  const real = [...(REAL_VILLAGES[d.name] ?? [])];
  for (const t of tehsils) {
    const n = Math.max(12, Math.min(1500, Math.round((t.km2 / 10) * density)));
    const seen = new Set<string>();
    const villages = Array.from({ length: n }, (_, i) => {
      let name = real.length > 0 && rng.chance(0.05) ? real.shift()! : generatedName(rng);
      while (seen.has(name[0])) name = [`${name[0]} ${seen.size % 2 ? "Khurd" : "Buzurg"}`, `${name[1]} ${seen.size % 2 ? "खुर्द" : "बुद्रुक"}`];
      seen.add(name[0]);
      return { ord: i + 1, name: name[0], name_local: name[1], code: String(censusSerial++) };
    });
    const withGp = villages.map((v, i) => ({ ...v, gp: gramPanchayatOf(villages, i) }));
    await db.execute(
      sql`WITH ${voronoiCells(
        sql`SELECT geom FROM tehsils WHERE id = ${t.id}`,
        sql`SELECT dp.path[1] AS ord, dp.geom AS g
            FROM tehsils, ST_Dump(ST_GeneratePoints(tehsils.geom, ${n}, ${rng.int(1, 1_000_000)})) AS dp
            WHERE tehsils.id = ${t.id}`,
      )}
      INSERT INTO villages (tehsil_id, district_id, census_code, name, name_local, gram_panchayat, geom, label_point)
      SELECT ${t.id}, ${districtId}, v.code, v.name, v.name_local, v.gp, clipped.geom, ST_PointOnSurface(clipped.geom)
      FROM clipped JOIN jsonb_to_recordset(${JSON.stringify(withGp)}::jsonb) AS v(ord int, code text, name text, name_local text, gp text)
        ON v.ord = clipped.ord
      WHERE NOT ST_IsEmpty(clipped.geom)`,
    );
  }
}
