// Parcel geometry on the tablet, with no server: area in hectares, self-intersection, and whether the
// parcel stays inside its village. Coordinates are [lon, lat] in degrees (EPSG:4326), rings closed or not.
export type Position = readonly [number, number];
export type Ring = readonly Position[];

const EARTH_RADIUS_M = 6_378_137; // WGS84 semi-major axis, as PostGIS geography and web maps use
const rad = (d: number) => (d * Math.PI) / 180;

const open = (ring: Ring): Ring => (ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring);

/** Area of a ring on the sphere in m² (spherical excess, Chamberlain & Duquette 2007); always positive. */
export function ringAreaM2(ring: Ring): number {
  const pts = open(ring);
  if (pts.length < 3) return 0;
  let sum = 0;
  for (let i = 0; i < pts.length; i++) {
    const [lon1, lat1] = pts[i]!;
    const [lon2, lat2] = pts[(i + 1) % pts.length]!;
    sum += rad(lon2 - lon1) * (2 + Math.sin(rad(lat1)) + Math.sin(rad(lat2)));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Outer ring minus holes, in hectares. */
export function polygonAreaHa(rings: readonly Ring[]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return (ringAreaM2(outer) - holes.reduce((a, h) => a + ringAreaM2(h), 0)) / 10_000;
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const orient = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  const onSegment = (p: Position, q: Position, r: Position) => Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/** True when two non-adjacent edges of the ring touch or cross (a bow-tie a surveyor would reject). */
export function selfIntersects(ring: Ring): boolean {
  const pts = open(ring);
  const n = pts.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // they share the closing vertex
      if (segmentsCross(pts[i]!, pts[(i + 1) % n]!, pts[j]!, pts[(j + 1) % n]!)) return true;
    }
  }
  return false;
}

export function pointInRing(p: Position, ring: Ring): boolean {
  const pts = open(ring);
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether every vertex of the parcel lies in one of the village's polygons and no edge leaves it. */
export function ringInsideArea(ring: Ring, area: ReadonlyArray<readonly Ring[]>): boolean {
  const pts = open(ring);
  return area.some(([outer, ...holes]) => {
    if (!outer || !pts.every((p) => pointInRing(p, outer) && !holes.some((h) => pointInRing(p, h)))) return false;
    const boundaries = [outer, ...holes].map(open);
    return !pts.some((p, i) => {
      const q = pts[(i + 1) % pts.length]!;
      return boundaries.some((b) => b.some((c, k) => segmentsCross(p, q, c, b[(k + 1) % b.length]!)));
    });
  });
}
