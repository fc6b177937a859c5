// A real state's geography from its village boundary file (boundary-file.ts, already checked): the
// villages as drawn, each tehsil and district the union of its villages and towns, the state the union
// of its districts. Surveyed boundaries are not always valid polygons (a ring that touches itself), so
// each is made valid in PostGIS; the demo accounts are one official per district and one field worker.
import { sql } from "drizzle-orm";
import { STATES_BY_CENSUS_CODE, type StateRecord } from "@/configs/states";
import { rows, type Db } from "../client";
import type { BoundaryPlace, BoundarySet } from "./boundary-file";
import { gramPanchayatOf } from "./demo-geography";
import { devanagariOfName } from "./devanagari";
import { PEOPLE_BY_STATE, WEST_MAHARASHTRA } from "./names";
import type { DemoUser, SeedGeography } from "./seed-geography";

// The layout this loader reads is DataMeet's; a file from elsewhere in it needs its own credit here.
const BOUNDARY_SOURCE = "© DataMeet contributors (indian_village_boundaries, ODbL)";

// Places are staged this many at a time: a large state's file (Maharashtra's 44,000 villages) would be
// hundreds of megabytes as one statement's parameter.
const STAGING_BATCH = 1_000;

export async function insertBoundaryGeography(db: Db, set: BoundarySet): Promise<SeedGeography> {
  await stagePlaces(db, set);
  try {
    return await insertFromStaged(db, set);
  } finally {
    await db.execute(sql`DROP TABLE IF EXISTS boundary_import`);
  }
}

// A plain table, not a temporary one: a pooled PostgreSQL connection may not be the one that made it.
async function stagePlaces(db: Db, set: BoundarySet): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS boundary_import`);
  await db.execute(sql`CREATE TABLE boundary_import (ord int PRIMARY KEY, kind text NOT NULL, name text NOT NULL, district text NOT NULL,
    tehsil text NOT NULL, census_code text NOT NULL, geom geometry(MultiPolygon, 4326) NOT NULL)`);
  for (let start = 0; start < set.places.length; start += STAGING_BATCH) {
    const batch = JSON.stringify(set.places.slice(start, start + STAGING_BATCH).map((p, i) => ({
      ord: start + i, kind: p.kind, name: p.name, district: p.district, tehsil: p.tehsil, census_code: p.censusCode, geojson: p.geometry,
    })));
    await db.execute(sql`INSERT INTO boundary_import (ord, kind, name, district, tehsil, census_code, geom)
      SELECT p.ord, p.kind, p.name, p.district, p.tehsil, p.census_code,
             ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(p.geojson::text), 4326)), 3))
      FROM jsonb_to_recordset(${batch}::jsonb) AS p(ord int, kind text, name text, district text, tehsil text, census_code text, geojson jsonb)`);
  }
  await db.execute(sql`CREATE INDEX ON boundary_import (district, tehsil)`);
}

async function insertFromStaged(db: Db, set: BoundarySet): Promise<SeedGeography> {
  // Merged on a 1e-7 degree (1 cm) grid: surveyed neighbours that almost share an edge make GEOS's exact
  // union fail (Sikkim's file does), and PGlite then returns no row at all rather than an error.
  const union = sql`ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(geom), 1e-7), 3))`;
  const state = STATES_BY_CENSUS_CODE[set.state.code]!;
  const localName = localNames(state);
  // The state's outline is its districts' union, drawn once they are; its box stands in until then.
  const [stateRow] = await rows<{ id: number }>(db, sql`
    INSERT INTO states (code, name, name_local, boundary_source, geom)
    SELECT ${set.state.code}, ${state.name}, ${state.nameLocal}, ${BOUNDARY_SOURCE}, ST_Multi(ST_Envelope(ST_Collect(geom))) FROM boundary_import
    RETURNING id`);

  const taken = new Set<string>();
  const districts = set.districts.map((d) => ({ ...d, abbr: districtAbbr(d.name, taken), name_local: localName(d.name) }));
  const districtIds = new Map((await rows<{ id: number; name: string }>(db, sql`
    INSERT INTO districts (state_id, code, abbr, name, name_local, geom)
    SELECT ${stateRow!.id}, d.code, d.abbr, d.name, d.name_local, (SELECT ${union} FROM boundary_import WHERE district = d.name)
    FROM jsonb_to_recordset(${JSON.stringify(districts)}::jsonb) AS d(code text, abbr text, name text, name_local text)
    RETURNING id, name`)).map((r) => [r.name, r.id]));
  if (districtIds.size !== districts.length) throw new Error("PostGIS could not merge the villages into their districts");
  const [outlined] = await rows<{ id: number }>(db, sql`
    UPDATE states SET geom = (SELECT ${union} FROM districts WHERE state_id = ${stateRow!.id}) WHERE id = ${stateRow!.id} RETURNING id`);
  if (!outlined) throw new Error("PostGIS could not merge the districts into one state outline");

  const tehsils = set.districts.flatMap((d) => d.tehsils.map((t) => ({ ...t, district: d.name, district_id: districtIds.get(d.name)!, name_local: localName(t.name) })));
  const tehsilRows = await rows<{ id: number; name: string; district_id: number }>(db, sql`
    INSERT INTO tehsils (district_id, code, name, name_local, geom)
    SELECT t.district_id, t.code, t.name, t.name_local,
           (SELECT ${union} FROM boundary_import WHERE district = t.district AND tehsil = t.name)
    FROM jsonb_to_recordset(${JSON.stringify(tehsils)}::jsonb) AS t(district_id int, code text, name text, name_local text, district text)
    RETURNING id, name, district_id`);
  if (tehsilRows.length !== tehsils.length) throw new Error("PostGIS could not merge the villages into their tehsils");
  const tehsilIds = new Map(tehsilRows.map((t) => [`${t.district_id}\u0000${t.name}`, t.id]));
  const tehsilId = (district: string, tehsil: string) => tehsilIds.get(`${districtIds.get(district)}\u0000${tehsil}`)!;

  const villagesByTehsil = new Map<number, Array<BoundaryPlace & { ord: number }>>();
  set.places.forEach((p, ord) => {
    if (p.kind !== "village") return;
    const id = tehsilId(p.district, p.tehsil);
    const list = villagesByTehsil.get(id) ?? [];
    list.push({ ...p, ord });
    villagesByTehsil.set(id, list);
  });
  const villageRows = [...villagesByTehsil].flatMap(([tehsil_id, list]) => list.map((v, i) => ({
    ord: v.ord, tehsil_id, district_id: districtIds.get(v.district)!, name_local: localName(v.name), gp: gramPanchayatOf(list, i),
  })));
  await db.execute(sql`
    INSERT INTO villages (tehsil_id, district_id, census_code, name, name_local, gram_panchayat, geom, label_point)
    SELECT v.tehsil_id, v.district_id, b.census_code, b.name, v.name_local, v.gp, b.geom, ST_PointOnSurface(b.geom)
    FROM boundary_import b JOIN jsonb_to_recordset(${JSON.stringify(villageRows)}::jsonb) AS v(ord int, tehsil_id int, district_id int, name_local text, gp text)
      ON v.ord = b.ord
    WHERE NOT ST_IsEmpty(b.geom)
    ORDER BY b.ord`); // ids in the file's order: the same file and seed make the same claims

  const people = PEOPLE_BY_STATE[set.state.code] ?? WEST_MAHARASHTRA;
  return {
    stateCode: set.state.code,
    districtCount: districts.length,
    tehsilCount: tehsilRows.length,
    claimDistricts: districts.map((d) => ({ id: districtIds.get(d.name)!, name: d.name, abbr: d.abbr, claimWeight: 1, people })),
    users: boundaryUsers(set, districtIds, busiestTehsil(villagesByTehsil)),
  };
}

/** The tehsil with the most villages (the first in the file of those with as many). */
function busiestTehsil(villagesByTehsil: Map<number, ReadonlyArray<{ tehsil: string }>>): { id: number; name: string } {
  const [id, villages] = [...villagesByTehsil].sort((a, b) => b[1].length - a[1].length)[0]!;
  return { id, name: villages[0]!.tehsil };
}

/** The admin, an official for each district, and field staff for the tehsil with the most villages. */
function boundaryUsers(set: BoundarySet, districtIds: Map<string, number>, busiest: { id: number; name: string }): DemoUser[] {
  return [
    { username: "admin", displayName: `${set.state.name} FRA cell admin`, role: "admin", districts: [], tehsils: [] },
    ...set.districts.map((d): DemoUser => ({
      username: `official.${slug(d.name)}`, displayName: `DLC secretariat, ${d.name}`, role: "district_official", districts: [districtIds.get(d.name)!], tehsils: [],
    })),
    { username: `field.${slug(busiest.name)}`, displayName: `Field staff, ${busiest.name}`, role: "field_staff", districts: [], tehsils: [busiest.id] },
  ];
}

const slug = (name: string) => name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

// Compass words and the state's own name are translated ("North Goa": उत्तर गोवा); the rest is spelled
// out letter by letter (devanagari.ts): a likely spelling, not the official one.
const COMPASS: Readonly<Record<string, string>> = { north: "उत्तर", south: "दक्षिण", east: "पूर्व", west: "पश्चिम" };
const localNames = (state: StateRecord) => (name: string) =>
  name.split(/\s+/).map((w) => COMPASS[w.toLowerCase()] ?? (w === state.name ? state.nameLocal : devanagariOfName(w))).join(" ");

/** Three letters for claim numbers, unique in the state: "North Goa" -> NGO, "Satara" -> SAT. */
export function districtAbbr(name: string, taken: Set<string>): string {
  const words = name.toUpperCase().replace(/[^A-Z ]/g, "").split(/\s+/).filter(Boolean);
  const initials = words.slice(0, -1).map((w) => w[0]).join("");
  const last = words.at(-1) ?? "X";
  const base = (initials + last).slice(0, 3).padEnd(3, "X");
  let abbr = base;
  for (let n = 2; taken.has(abbr); n++) abbr = `${base.slice(0, 2)}${n}`;
  taken.add(abbr);
  return abbr;
}
