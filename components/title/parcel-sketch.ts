// The parcel as a title prints it: its rings projected to metres about their middle (flat at a parcel's
// size), fitted to a box, with a scale bar of a round length.
import { polygonsOf, type PolygonGeometry } from "@/configs/contracts/geojson";
import { METRES_PER_DEGREE_LAT } from "@/server/services/geometry";

export type ParcelSketch = { path: string; scaleBar: { metres: number; pixels: number } };

const ROUND_LENGTHS_M = [5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 5_000, 10_000];

export function sketchParcel(geometry: PolygonGeometry, width: number, height: number, margin = 16): ParcelSketch {
  const points = polygonsOf(geometry).flat(2);
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const [midLon, midLat] = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
  const xScale = METRES_PER_DEGREE_LAT * Math.cos((midLat * Math.PI) / 180);
  const toMetres = (p: number[]) => [(p[0]! - midLon) * xScale, (p[1]! - midLat) * METRES_PER_DEGREE_LAT] as const;
  const metres = points.map(toMetres);
  const spanX = Math.max(1e-6, Math.max(...metres.map((m) => m[0])) - Math.min(...metres.map((m) => m[0])));
  const spanY = Math.max(1e-6, Math.max(...metres.map((m) => m[1])) - Math.min(...metres.map((m) => m[1])));
  const pxPerMetre = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const toPixel = (p: number[]) => {
    const [x, y] = toMetres(p);
    return `${(width / 2 + x * pxPerMetre).toFixed(1)},${(height / 2 - y * pxPerMetre).toFixed(1)}`;
  };
  const path = polygonsOf(geometry)
    .flatMap((polygon) => polygon.map((ring) => `M${ring.slice(0, -1).map(toPixel).join("L")}Z`))
    .join("");
  // The longest round length that takes at most a third of the box.
  const metresFit = width / 3 / pxPerMetre;
  const scaleMetres = [...ROUND_LENGTHS_M].reverse().find((m) => m <= metresFit) ?? ROUND_LENGTHS_M[0]!;
  return { path, scaleBar: { metres: scaleMetres, pixels: scaleMetres * pxPerMetre } };
}

/** The corners of the parcel's outer rings, for demarcation on the ground (the closing point once). */
export function parcelCorners(geometry: PolygonGeometry): Array<[number, number]> {
  return polygonsOf(geometry).flatMap((polygon) => polygon[0]!.slice(0, -1).map((p) => [p[0]!, p[1]!] as [number, number]));
}
