// Administrative units for the filters and the map: only those the user works in.
import { sql } from "drizzle-orm";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";

export type Unit = { id: number; name: string; nameLocal: string; bbox: [number, number, number, number] };

const bboxColumns = sql`ST_XMin(geom) AS w, ST_YMin(geom) AS s, ST_XMax(geom) AS e, ST_YMax(geom) AS n`;
type UnitRow = { id: number; name: string; name_local: string; w: number; s: number; e: number; n: number };
const toUnit = (r: UnitRow): Unit => ({ id: r.id, name: r.name, nameLocal: r.name_local, bbox: [r.w, r.s, r.e, r.n].map(Number) as Unit["bbox"] });

/** Where the map's boundaries come from, to credit on the map (one source per state; the first state's). */
export async function boundarySource(db: Db): Promise<string> {
  const [state] = await rows<{ boundary_source: string }>(db, sql`SELECT boundary_source FROM states ORDER BY id LIMIT 1`);
  return state?.boundary_source ?? "none loaded";
}

export async function myDistricts(db: Db, user: SessionUser): Promise<Unit[]> {
  const scope =
    user.role === "admin" ? sql`EXISTS (SELECT 1 FROM villages v WHERE v.district_id = districts.id)`
    : user.role === "district_official" ? sql`id IN (SELECT district_id FROM user_districts WHERE user_id = ${user.id})`
    : sql`id IN (SELECT t.district_id FROM user_tehsils ut JOIN tehsils t ON t.id = ut.tehsil_id WHERE ut.user_id = ${user.id})`;
  return (await rows<UnitRow>(db, sql`SELECT id, name, name_local, ${bboxColumns} FROM districts WHERE ${scope} ORDER BY name`)).map(toUnit);
}

export async function tehsilsOf(db: Db, user: SessionUser, districtId: number): Promise<Unit[]> {
  const scope = user.role === "field_staff" ? sql`AND id IN (SELECT tehsil_id FROM user_tehsils WHERE user_id = ${user.id})` : sql``;
  const inDistrict = user.role === "district_official" ? sql`AND district_id IN (SELECT district_id FROM user_districts WHERE user_id = ${user.id})` : sql``;
  return (await rows<UnitRow>(
    db,
    sql`SELECT id, name, name_local, ${bboxColumns} FROM tehsils WHERE district_id = ${districtId} ${scope} ${inDistrict} ORDER BY name`,
  )).map(toUnit);
}

export async function villagesOf(db: Db, user: SessionUser, tehsilId: number): Promise<Unit[]> {
  const scope =
    user.role === "field_staff" ? sql`AND tehsil_id IN (SELECT tehsil_id FROM user_tehsils WHERE user_id = ${user.id})`
    : user.role === "district_official" ? sql`AND district_id IN (SELECT district_id FROM user_districts WHERE user_id = ${user.id})`
    : sql``;
  return (await rows<UnitRow>(
    db,
    sql`SELECT id, name, name_local, ${bboxColumns} FROM villages WHERE tehsil_id = ${tehsilId} ${scope} ORDER BY name`,
  )).map(toUnit);
}
