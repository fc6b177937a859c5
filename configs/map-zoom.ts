// What the claims map's tiles hold at each zoom, shared by the tile service and the map's legend: counts
// per district up to `districtCounts`, per tehsil up to `tehsilCounts`, per village up to `villageCounts`,
// and the claims themselves (as points, then parcels) from `points` on.
export const ZOOM = { districtCounts: 7, tehsilCounts: 9, villageCounts: 11, points: 12 } as const;

export type CountUnit = "district" | "tehsil" | "village";

/** The unit a count of tile zoom `z` is made of; null where the tiles hold the claims themselves. */
export function countUnitAt(z: number): CountUnit | null {
  if (z >= ZOOM.points) return null;
  return z <= ZOOM.districtCounts ? "district" : z <= ZOOM.tehsilCounts ? "tehsil" : "village";
}
