// The warnings a field worker sees while mapping a parcel, all computed on the tablet: its area, a
// boundary that crosses itself, a parcel leaving its village, an individual claim over the 4 ha cap, and
// overlap with a parcel already claimed.
import type { AreaClaim, AreaVillage } from "@/configs/contracts/field";
import type { ClaimType } from "@/configs/workflow";
import { pointInRing, polygonAreaHa, ringInsideArea, selfIntersects, type Ring } from "./parcel";

export const IFR_CAP_HA = 4;

export type ParcelCheck = { areaHa: number; warnings: string[] };

export function closeRing(points: ReadonlyArray<readonly [number, number]>): Ring {
  if (points.length === 0) return [];
  const first = points[0]!;
  const last = points.at(-1)!;
  return first[0] === last[0] && first[1] === last[1] ? points : [...points, first];
}

export function checkParcelOnTablet(ring: Ring, type: ClaimType, village: AreaVillage | null, claims: readonly AreaClaim[]): ParcelCheck {
  const warnings: string[] = [];
  const areaHa = Math.round(polygonAreaHa([ring]) * 10_000) / 10_000;
  if (ring.length < 4) warnings.push("A parcel needs at least three corners.");
  if (selfIntersects(ring)) warnings.push("The boundary crosses itself: move the corners so that the edges do not cross.");
  if (village && !ringInsideArea(ring, village.geometry.coordinates)) warnings.push(`The parcel leaves the boundary of ${village.name}: the server will refuse it unless it lies within the village.`);
  if (!village) warnings.push("Choose the village on the Fields step to check the parcel against its boundary.");
  if (type === "IFR" && areaHa > IFR_CAP_HA) warnings.push(`${areaHa.toFixed(2)} ha is over the 4 ha that an individual claim may cover (Section 4(6)).`);
  const overlaps = claims.filter((c) => {
    const other = c.parcel?.coordinates[0]?.[0];
    if (!other) return false;
    return ring.some((p) => pointInRing(p, other)) || other.some((p) => pointInRing(p, ring));
  });
  if (overlaps.length) warnings.push(`The parcel overlaps ${overlaps.slice(0, 3).map((c) => `${c.claimNo} (${c.claimantName})`).join(", ")}${overlaps.length > 3 ? ` and ${overlaps.length - 3} more` : ""}.`);
  return { areaHa, warnings };
}
