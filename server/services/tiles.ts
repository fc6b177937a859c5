// Vector tiles from PostGIS. What a tile holds depends on the zoom, so that a whole state stays light
// and a village shows every parcel. Each band counts one level down from the one before, and draws the
// boundaries of what it counts:
//   z <= 7   one circle per district with its counts        (from tehsil_stats)
//   z 8-9    one circle per tehsil, tehsil boundaries       (from tehsil_stats)
//   z 10-11  one circle per village, village boundaries     (from village_stats, the tile's villages only)
//   z 12     one point per claim                            (claims.centroid)
//   z >= 13  the parcel polygons                            (claims.geom)
// District boundaries are in every tile, village boundaries from z 10. Claims start at z12: at z11 a
// dense block's tile would hold ~5,000 points, a smear at that scale and the slowest tile to build.
// Encoding: ST_AsMVT where PostGIS has protobuf-c (PostgreSQL from Debian); PGlite's PostGIS lacks it,
// so there PostGIS clips and quantizes to tile coordinates and mvt-encode.ts writes the protobuf. There
// each layer comes back as one row of JSON text: PGlite costs about 15 µs per result row, more than the
// features themselves, and points are projected with plain arithmetic instead of ST_Transform.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { ClaimFilter } from "@/configs/contracts/claims";
import { countUnitAt, ZOOM, type CountUnit } from "@/configs/map-zoom";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { countsAnswer, filterConditions, whereAll } from "./claim-filter";
import { encodeTile, type TileGeometry, type TileLayer } from "./mvt-encode";
import { outcomeCountColumns } from "./outcome-counts";
import { scopeCondition } from "./scope";

export const MAX_TILE_ZOOM = 16;
export const tileAddressSchema = z
  .object({ z: z.coerce.number().int().min(0).max(MAX_TILE_ZOOM), x: z.coerce.number().int().min(0), y: z.coerce.number().int().min(0) })
  .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, "x and y must lie inside the zoom level's grid");
export type TileAddress = z.infer<typeof tileAddressSchema>;

const EXTENT = 4096;
const BUFFER = 64;
const EARTH_RADIUS = 6378137;
const WEB_MERCATOR_HALF = Math.PI * EARTH_RADIUS;

// features: rows of (props, geom geometry(4326)), props being what the encoder's `Props` builds;
// `points`: every geom is a point inside the tile's buffered envelope (the layer's query filters on it),
// so it needs no clipping.
type LayerQuery = { name: string; features: SQL; points?: boolean };

/** Builds a feature's properties from named SQL values: jsonb for ST_AsMVT, JSON text for the portable encoder. */
type Props = (fields: Record<string, SQL>) => SQL;

/** A property key (this module's own snake_case constants) as an SQL literal, or `text` made from it. */
function keyLiteral(key: string, text = key): SQL {
  if (!/^[a-z_]+$/.test(key)) throw new Error(`not a tile property key: ${key}`);
  return sql.raw(`'${text}'`);
}

const jsonbProps: Props = (fields) => sql`jsonb_build_object(${sql.join(Object.entries(fields).map(([k, v]) => sql`${keyLiteral(k)}, ${v}`), sql`, `)})`;

// PGlite spent 2-3 µs a feature in jsonb_build_object(...)::text, a quarter of a dense parcel tile's SQL
// (3,400 parcels: 9.4 ms); concatenating the JSON text takes half that, each value through to_json,
// which quotes and escapes it.
const jsonTextProps: Props = (fields) =>
  sql.join(
    [sql.raw("'{'"), ...Object.entries(fields).map(([k, v], i) => sql`${keyLiteral(k, `${i ? "," : ""}"${k}":`)} || coalesce(to_json(${v})::text, 'null')`), sql.raw("'}'")],
    sql` || `,
  );

/** The tile at zoom `z` that contains a point: for picking tile sets in tests and benchmarks. */
export function tileContaining(lon: number, lat: number, z: number): TileAddress {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

const countColumns = (n: SQL, status: SQL) => sql`sum(${n})::int AS n, ${outcomeCountColumns(n, status)}`;

const UNIT_COLUMN = { district: "district_id", tehsil: "tehsil_id", village: "village_id" } as const;

/** Counts per district, tehsil or village, from the count tables when the filter allows, else from claims.
 *  Districts are few and all counted; tehsils and villages only where the tile's units are (villages have
 *  ~150,000 count rows on the benchmark set). `env`, the tile's envelope, is in scope in the layer's query. */
function countsByUnit(user: SessionUser, f: ClaimFilter, unit: CountUnit): SQL {
  const column = (alias: "s" | "c") => sql.raw(`${alias}.${UNIT_COLUMN[unit]}`);
  const inTile = (alias: "s" | "c") => (unit === "district" ? sql`TRUE` : sql`${column(alias)} = ANY (ARRAY(SELECT u.id FROM (${countUnits(unit)}) u))`);
  if (countsAnswer(f)) {
    const table = unit === "village" ? sql`village_stats` : sql`tehsil_stats`;
    const where = whereAll([inTile("s"), scopeCondition(user, "s"), sql`s.n > 0`, ...filterConditions(f, "s")]);
    return sql`SELECT ${column("s")} AS unit, ${countColumns(sql`s.n`, sql`s.status`)} FROM ${table} s WHERE ${where} GROUP BY 1`;
  }
  return sql`SELECT ${column("c")} AS unit, ${countColumns(sql`1`, sql`c.status`)} FROM claims c
             WHERE ${whereAll([inTile("c"), scopeCondition(user), ...filterConditions(f)])} GROUP BY 1`;
}

/** The places counted at a zoom, each with a point to draw its circle on. */
function countUnits(unit: CountUnit): SQL {
  switch (unit) {
    case "district": return sql`SELECT d.id, d.name, ST_PointOnSurface(d.geom) AS pt FROM districts d`;
    case "tehsil": return sql`SELECT t.id, t.name, ST_PointOnSurface(t.geom) AS pt FROM tehsils t WHERE t.geom && env.e4326`;
    case "village": return sql`SELECT v.id, v.name, v.label_point AS pt FROM villages v WHERE v.label_point && env.e4326`;
  }
}

/** The feature queries of one tile; `env.e4326` is the tile's envelope (with buffer) in EPSG:4326. */
export function tileLayers(user: SessionUser, t: TileAddress, filter: ClaimFilter, props: Props = jsonbProps): LayerQuery[] {
  const layers: LayerQuery[] = [
    { name: "districts", features: sql`SELECT ${props({ id: sql`d.id`, name: sql`d.name` })} AS props, ST_Boundary(d.geom) AS geom
                                        FROM districts d WHERE d.geom && env.e4326` },
  ];
  if (t.z > ZOOM.districtCounts && t.z <= ZOOM.tehsilCounts) {
    layers.push({ name: "tehsils", features: sql`SELECT ${props({ id: sql`t.id`, name: sql`t.name` })} AS props, ST_Boundary(t.geom) AS geom
                                                  FROM tehsils t WHERE t.geom && env.e4326` });
  }
  if (t.z > ZOOM.tehsilCounts) {
    layers.push({ name: "villages", features: sql`SELECT ${props({ id: sql`v.id`, name: sql`v.name`, name_local: sql`v.name_local`, census_code: sql`v.census_code` })} AS props,
                                                   v.geom FROM villages v WHERE v.geom && env.e4326` });
  }
  const unit = countUnitAt(t.z);
  if (unit) {
    layers.push({
      name: "counts",
      points: true,
      // Counted once (MATERIALIZED): as the inner side of a nested loop the planner would re-aggregate per unit.
      features: sql`WITH k AS MATERIALIZED (${countsByUnit(user, filter, unit)})
                    SELECT ${props({ id: sql`u.id`, level: sql`${unit}::text`, name: sql`u.name`, n: sql`k.n`, granted: sql`k.granted`, rejected: sql`k.rejected`, pending: sql`k.pending` })} AS props,
                           u.pt AS geom
                    FROM (${countUnits(unit)}) u JOIN k ON k.unit = u.id WHERE u.pt && env.e4326`,
    });
  } else {
    // Past the village counts, which carry the names, a village's name sits on its label point (one per
    // village: labels drawn from the clipped polygons would repeat at every tile edge).
    layers.push({ name: "village_labels", points: true, features: sql`SELECT ${props({ id: sql`v.id`, name: sql`v.name` })} AS props, v.label_point AS geom
                                                        FROM villages v WHERE v.label_point && env.e4326` });
    const geom = t.z <= ZOOM.points ? sql`c.centroid` : sql`c.geom`;
    // A claim is keyed by its number, which the map shows anyway: its uuid made up a third of a parcel
    // tile's bytes (and gzipped worst, being random), and the map opens a claim by number.
    layers.push({
      name: "claims",
      points: t.z <= ZOOM.points,
      features: sql`SELECT ${props({ claim_no: sql`c.claim_no`, status: sql`c.status`, type: sql`c.type`, area_ha: sql`c.area_claimed_ha` })} AS props,
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

/** One statement that returns, per layer, its features clipped and quantized to tile coordinates as JSON
 *  text: `[props, geometry],...`, a geometry being GeoJSON, or `x,y` tile coordinates for a point layer.
 *  Rings come in whatever turn they have: mvt-encode.ts winds them (ST_ForcePolygonCCW cost 9 ms of a
 *  dense parcel tile's 25 ms of geometry). */
export function portableTileSql(user: SessionUser, t: TileAddress, filter: ClaimFilter): SQL {
  const size = (2 * WEB_MERCATOR_HALF) / 2 ** t.z;
  const xmin = -WEB_MERCATOR_HALF + t.x * size;
  const ymax = WEB_MERCATOR_HALF - t.y * size;
  const scale = EXTENT / size;
  const buffer = (BUFFER / EXTENT) * size;
  const parts = tileLayers(user, t, filter, jsonTextProps).map((l) => {
    // Spherical Web Mercator (EPSG:3857) by hand: x = R·λ, y = R·ln(tan(π/4 + φ/2)).
    const geometry = l.points
      ? sql`round((ST_X(f.geom) * ${WEB_MERCATOR_HALF / 180} - ${xmin}) * ${scale})::int || ',' ||
            round((${ymax} - ln(tan(radians(45 + ST_Y(f.geom) / 2))) * ${EARTH_RADIUS}) * ${scale})::int`
      : sql`ST_AsGeoJSON(ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(
              ST_ClipByBox2D(ST_Transform(f.geom, 3857), ST_Expand(env.e3857, ${buffer})::box2d),
              ${scale}, 0, 0, ${-scale}, ${-xmin * scale}, ${ymax * scale}), 1)), 0, 0)`; // options 0: no CRS member
    // No `WHERE geometry IS NOT NULL`: the planner would inline the subquery and build each geometry twice
    // (a dense parcel tile's SQL went from 20 to 33 ms). string_agg skips the NULL items anyway.
    return sql`SELECT ${l.name} AS layer, string_agg('[' || q.props || ',' || q.geometry || ']', ',') AS features
               FROM (SELECT f.props, ${geometry} AS geometry FROM ${envelope(t)}, LATERAL (${l.features}) f) q`;
  });
  return sql.join(parts, sql` UNION ALL `);
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

/**
 * Runs one tile statement. Claims themselves (z >= 12) come from the spatial index, a few hundred pages at
 * most, yet PostgreSQL gave the larger of those tiles a parallel plan whose worker took 25-30 ms to start
 * here for 4 ms of work (z12 at 35-45 ms instead of 4-6): such tiles run without parallel workers. Count
 * tiles keep the defaults: with a filter the count tables cannot answer they scan claims, where a worker
 * can pay for itself.
 */
export async function runTileStatement<T>(db: Db, t: TileAddress, statement: SQL): Promise<T[]> {
  if (t.z < ZOOM.points || !(await hasNativeMvt(db))) return rows<T>(db, statement); // PGlite has no workers
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    return rows<T>(tx as unknown as Db, statement);
  });
}

/** A rendered tile and the claims data version (server/services/tile-cache.ts) it shows. */
export type VersionedTile = { tile: Uint8Array; claimsVersion: number };

// Read in the tile's own statement: the same snapshot, and no round trip of its own.
const CLAIMS_VERSION = sql`(SELECT claims FROM data_version WHERE id = 1)`;

export async function renderTile(db: Db, user: SessionUser, t: TileAddress, filter: ClaimFilter, encoder: "auto" | "portable" = "auto"): Promise<Uint8Array> {
  return (await renderVersionedTile(db, user, t, filter, encoder)).tile;
}

export async function renderVersionedTile(
  db: Db, user: SessionUser, t: TileAddress, filter: ClaimFilter,
  encoder: "auto" | "portable" = "auto",
): Promise<VersionedTile> {
  if (encoder === "auto" && (await hasNativeMvt(db))) {
    const [row] = await runTileStatement<{ mvt: Uint8Array | null; claims_version: number }>(
      db, t, sql`SELECT tile.mvt, ${CLAIMS_VERSION} AS claims_version FROM (${nativeTileSql(user, t, filter)}) tile`,
    );
    return { tile: row?.mvt ? new Uint8Array(row.mvt) : new Uint8Array(), claimsVersion: Number(row?.claims_version ?? 0) };
  }
  const layers: TileLayer[] = [];
  // One row per layer, always (each is an aggregate), so the version is never missing.
  const layerRows = await rows<{ layer: string; features: string | null; claims_version: number }>(
    db, sql`SELECT l.layer, l.features, ${CLAIMS_VERSION} AS claims_version FROM (${portableTileSql(user, t, filter)}) l`,
  );
  for (const row of layerRows) {
    if (!row.features) continue;
    type Geometry = TileGeometry | { type: "GeometryCollection" };
    const parsed = JSON.parse(`[${row.features}]`) as Array<[Record<string, string | number>, number | Geometry, number?]>;
    const features = [];
    for (const [props, a, b] of parsed) {
      const geometry: Geometry = typeof a === "number" ? { type: "Point", coordinates: [a, b!] } : a;
      if (geometry.type === "GeometryCollection") continue; // empty after clipping
      features.push({ id: typeof props.id === "number" ? props.id : undefined, properties: props, geometry });
    }
    if (features.length) layers.push({ name: row.layer, extent: EXTENT, features });
  }
  return { tile: encodeTile(layers), claimsVersion: Number(layerRows[0]?.claims_version ?? 0) };
}
