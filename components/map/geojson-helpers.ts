// What every map of the app does with GeoJSON: the bounds of some parcels or villages, and setting a
// GeoJSON source's data whether or not the map's style has loaded yet.
import type * as maplibregl from "maplibre-gl";

export type Bbox = [number, number, number, number]; // west, south, east, north

/** The bounds of the given MultiPolygons, nulls skipped; null when there is nothing to bound. */
export function bboxOf(geometries: ReadonlyArray<GeoJSON.MultiPolygon | null | undefined>): Bbox | null {
  const points = geometries.flatMap((g) => g?.coordinates.flat(2) ?? []);
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Sets a GeoJSON source's data: now if the style has the source (it does as soon as the style is read),
 * else once the map loads. Not `isStyleLoaded()`: it is false while any tile loads, as it always is while
 * the map flies somewhere, and "load" fires once only, so the data was never drawn.
 */
export function setSourceData(map: maplibregl.Map, id: string, data: GeoJSON.FeatureCollection): void {
  const apply = () => map.getSource<maplibregl.GeoJSONSource>(id)?.setData(data);
  if (map.getSource(id)) apply();
  else map.once("load", apply);
}
