// Vector tiles from PostGIS. What a tile holds depends on the zoom, so that a whole state stays light
// and a village shows every parcel:
//   z <= 7   one circle per district with its counts        (from village_stats)
//   z 8-10   one circle per village with its counts         (from village_stats)
//   z 11-12  one point per claim                            (claims.centroid)
//   z >= 13  the parcel polygons                            (claims.geom)
// District boundaries are in every tile, village boundaries from z 9.
// Encoding: ST_AsMVT where PostGIS has protobuf-c (PostgreSQL from Debian); PGlite's PostGIS lacks it,
// so there PostGIS clips and quantizes to tile coordinates and mvt-encode.ts writes the protobuf.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { ClaimFilter } from "@/configs/contracts/claims";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { countsAnswer, filterConditions, whereAll } from "./claim-filter";
import { encodeTile, type TileGeometry, type TileLayer } from "./mvt-encode";
import { scopeCondition } from "./scope";

export const MAX_TILE_ZOOM = 16;
export const tileAddressSchema = z
  .object({ z: z.coerce.number().int().min(0).max(MAX_TILE_ZOOM), x: z.coerce.number().int().min(0), y: z.coerce.number().int().min(0) })
  .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, "x and y must lie inside the zoom level's grid");
export type TileAddress = z.infer<typeof tileAddressSchema>;

export const ZOOM = { districtCounts: 7, villageCounts: 10, points: 12, villageBoundaries: 9 } as const;

const EXTENT = 4096;
const BUFFER = 64;
const WEB_MERCATOR_HALF = 20037508.342789244;

type LayerQuery = { name: string; features: SQL }; // features: rows of (props jsonb, geom geometry(4326))

/** The tile at zoom `z` that contains a point: for picking tile sets in tests and benchmarks. */
export function tileContaining(lon: number, lat: number, z: number): TileAddress {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

const countColumns = (n: SQL, status: SQL) => sql`
  sum(${n})::int AS n,
  coalesce(sum(${n}) FILTER (WHERE ${status} = 'title_granted'), 0)::int AS granted,
  coalesce(sum(${n}) FILTER (WHERE ${status} IN ('sdlc_rejected', 'dlc_rejected')), 0)::int AS rejected,
  coalesce(sum(${n}) FILTER (WHERE ${status} NOT IN ('title_granted', 'sdlc_rejected', 'dlc_rejected')), 0)::int AS pending`;

/** Counts per district or village: from the counts table when the filter allows, else from claims. */
function countsByUnit(user: SessionUser, f: ClaimFilter, byDistrict: boolean): SQL {
  if (countsAnswer(f)) {
    const unit = byDistrict ? sql`s.district_id` : sql`s.village_id`;
    const where = whereAll([scopeCondition(user, "s"), sql`s.n > 0`, ...filterConditions(f, "s")]);
    return sql`SELECT ${unit} AS unit, ${countColumns(sql`s.n`, sql`s.status`)} FROM village_stats s WHERE ${where} GROUP BY 1`;
  }
  const unit = byDistrict ? sql`c.district_id` : sql`c.village_id`;
  return sql`SELECT ${unit} AS unit, ${countColumns(sql`1`, sql`c.status`)} FROM claims c
             WHERE ${whereAll([scopeCondition(user), ...filterConditions(f)])} GROUP BY 1`;
}

/** The feature queries of one tile; `env.e4326` is the tile's envelope (with buffer) in EPSG:4326. */
export function tileLayers(user: SessionUser, t: TileAddress, filter: ClaimFilter): LayerQuery[] {
  const layers: LayerQuery[] = [
    { name: "districts", features: sql`SELECT jsonb_build_object('id', d.id, 'name', d.name) AS props, ST_Boundary(d.geom) AS geom
                                        FROM districts d WHERE d.geom && env.e4326` },
  ];
  if (t.z >= ZOOM.villageBoundaries) {
    layers.push({ name: "villages", features: sql`SELECT jsonb_build_object('id', v.id, 'name', v.name, 'name_local', v.name_local, 'census_code', v.census_code) AS props,
                                                   v.geom FROM villages v WHERE v.geom && env.e4326` });
  }
  if (t.z <= ZOOM.villageCounts) {
    const byDistrict = t.z <= ZOOM.districtCounts;
    const units = byDistrict
      ? sql`SELECT d.id, d.name, ST_PointOnSurface(d.geom) AS pt FROM districts d`
      : sql`SELECT v.id, v.name, v.label_point AS pt FROM villages v WHERE v.label_point && env.e4326`;
    layers.push({
      name: "counts",
      features: sql`SELECT jsonb_build_object('id', u.id, 'name', u.name, 'n', k.n, 'granted', k.granted, 'rejected', k.rejected, 'pending', k.pending) AS props,
                           u.pt AS geom
                    FROM (${units}) u JOIN (${countsByUnit(user, filter, byDistrict)}) k ON k.unit = u.id WHERE u.pt && env.e4326`,
    });
  } else {
    // Past the village counts, which carry the names, a village's name sits on its label point (one per
    // village: labels drawn from the clipped polygons would repeat at every tile edge).
    layers.push({ name: "village_labels", features: sql`SELECT jsonb_build_object('id', v.id, 'name', v.name) AS props, v.label_point AS geom
                                                        FROM villages v WHERE v.label_point && env.e4326` });
    const geom = t.z <= ZOOM.points ? sql`c.centroid` : sql`c.geom`;
    layers.push({
      name: "claims",
      features: sql`SELECT jsonb_build_object('id', c.id, 'claim_no', c.claim_no, 'status', c.status, 'type', c.type, 'area_ha', c.area_claimed_ha) AS props,
                           ${geom} AS geom
                    FROM claims c WHERE ${geom} && env.e4326 AND ${whereAll([scopeCondition(user), ...filterConditions(filter)])}`,
    });
  }
  return layers;
}

const envelope = (t: TileAddress) => sql`(SELECT ST_TileEnvelope(${t.z}, ${t.x}, ${t.y}) AS e3857,
  ST_Transform(ST_TileEnvelope(${t.z}, ${t.x}, ${t.y}, margin => ${BUFFER / EXTENT}), 4326) AS e4326) env`;

/** One statement that returns the whole tile from ST_AsMVT (needs PostGIS with protobuf-c). */
export function nativeTileSql(user: SessionUser, t: TileAddress, filter: ClaimFilter): SQL {
  const parts = tileLayers(user, t, filter).map(
    (l) => sql`(SELECT ST_AsMVT(q, ${l.name}, ${EXTENT}, 'geom') FROM (
                  SELECT f.props, ST_AsMVTGeom(ST_Transform(f.geom, 3857), env.e3857, ${EXTENT}, ${BUFFER}, true) AS geom
                  FROM ${envelope(t)}, LATERAL (${l.features}) f) q)`,
  );
  return sql`SELECT ${sql.join(parts, sql` || `)} AS mvt`;
}

/** One statement that returns every feature already clipped and quantized to tile coordinates. */
export function portableTileSql(user: SessionUser, t: TileAddress, filter: ClaimFilter): SQL {
  const size = (2 * WEB_MERCATOR_HALF) / 2 ** t.z;
  const xmin = -WEB_MERCATOR_HALF + t.x * size;
  const ymax = WEB_MERCATOR_HALF - t.y * size;
  const scale = EXTENT / size;
  const buffer = (BUFFER / EXTENT) * size;
  const parts = tileLayers(user, t, filter).map(
    (l) => sql`SELECT ${l.name} AS layer, f.props,
                 ST_AsGeoJSON(ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(
                   ST_ClipByBox2D(ST_ForcePolygonCCW(ST_Transform(f.geom, 3857)), ST_Expand(env.e3857, ${buffer})::box2d),
                   ${scale}, 0, 0, ${-scale}, ${-xmin * scale}, ${ymax * scale}), 1)), 0) AS tile_geom
               FROM ${envelope(t)}, LATERAL (${l.features}) f`,
  );
  return sql`SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) all_layers WHERE tile_geom IS NOT NULL`;
}

const nativeSupport = new WeakMap<Db, Promise<boolean>>();

/** Whether this database's PostGIS can build MVT itself. */
export function hasNativeMvt(db: Db): Promise<boolean> {
  let known = nativeSupport.get(db);
  if (!known) {
    known = rows<{ v: string }>(db, sql`SELECT postgis_full_version() AS v`).then(([r]) => /PROTOBUF/.test(r?.v ?? ""));
    nativeSupport.set(db, known);
  }
  return known;
}

export async function renderTile(
  db: Db, user: SessionUser, t: TileAddress, filter: ClaimFilter,
  encoder: "auto" | "portable" = "auto",
): Promise<Uint8Array> {
  if (encoder === "auto" && (await hasNativeMvt(db))) {
    const [row] = await rows<{ mvt: Uint8Array | null }>(db, nativeTileSql(user, t, filter));
    return row?.mvt ? new Uint8Array(row.mvt) : new Uint8Array();
  }
  const features = await rows<{ layer: string; props: Record<string, string | number> | string; tile_geom: string }>(db, portableTileSql(user, t, filter));
  const layers = new Map<string, TileLayer>();
  for (const f of features) {
    const geometry = JSON.parse(f.tile_geom) as TileGeometry | { type: "GeometryCollection" };
    if (geometry.type === "GeometryCollection") continue; // empty after clipping
    const props = typeof f.props === "string" ? JSON.parse(f.props) : f.props;
    let layer = layers.get(f.layer);
    if (!layer) layers.set(f.layer, (layer = { name: f.layer, extent: EXTENT, features: [] }));
    layer.features.push({ id: typeof props.id === "number" ? props.id : undefined, properties: props, geometry });
  }
  return encodeTile([...layers.values()]);
}
