// Small planar geometry helpers used where PostGIS is not at hand (the seed generator, the browser).
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];

export function pointInRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(p: Position, polygon: PolygonCoords): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !pointInRing(p, outer)) return false;
  return !holes.some((h) => pointInRing(p, h));
}

export function pointInMultiPolygon(p: Position, mp: MultiPolygonCoords): boolean {
  return mp.some((poly) => pointInPolygon(p, poly));
}

export type BBox = [minX: number, minY: number, maxX: number, maxY: number];

export function bboxOf(mp: MultiPolygonCoords): BBox {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const poly of mp) for (const ring of poly) for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Geodesic-enough area of a ring in m² (spherical excess approximation used by GeoJSON tools). */
export function ringAreaM2(ring: Ring): number {
  let total = 0;
  const n = ring.length;
  if (n < 3) return 0;
  for (let i = 0; i < n; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % n]!;
    total += toRad(x2 - x1) * (2 + Math.sin(toRad(y1)) + Math.sin(toRad(y2)));
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

export function polygonAreaHa(polygon: PolygonCoords): number {
  const [outer, ...holes] = polygon;
  if (!outer) return 0;
  return (ringAreaM2(outer) - holes.reduce((s, h) => s + ringAreaM2(h), 0)) / 10_000;
}

const toRad = (deg: number) => (deg * Math.PI) / 180;

export const METRES_PER_DEGREE_LAT = 111_320;
