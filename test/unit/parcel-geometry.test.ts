import { describe, expect, it } from "vitest";
import { addFix, DEFAULT_WALK, distanceM, startWalk, type Fix } from "@/workers/geo/gps-walk";
import type { AreaClaim, AreaVillage } from "@/configs/contracts/field";
import { checkParcelOnTablet, closeRing } from "@/workers/geo/parcel-check";
import { pointInRing, polygonAreaHa, ringAreaM2, ringInsideArea, selfIntersects, type Ring } from "@/workers/geo/parcel";

// A square of about 100 m x 100 m near Etapalli (19.6 N): 1 ha.
const lat = 19.6;
const dLat = 100 / 111_195; // metres per degree of latitude on the 6,371 km sphere ~ 111.2 km
const dLon = dLat / Math.cos((lat * Math.PI) / 180);
const square: Ring = [[80.0, lat], [80.0 + dLon, lat], [80.0 + dLon, lat + dLat], [80.0, lat + dLat], [80.0, lat]];

describe("parcel area", () => {
  it("gives about one hectare for a 100 m square, whichever way the ring turns", () => {
    expect(polygonAreaHa([square])).toBeCloseTo(1.0, 1);
    expect(Math.abs(polygonAreaHa([square]) - 1)).toBeLessThan(0.005);
    expect(ringAreaM2([...square].reverse())).toBeCloseTo(ringAreaM2(square), 6);
  });

  it("subtracts holes and ignores degenerate rings", () => {
    const hole: Ring = square.map(([x, y]) => [80.0 + (x - 80.0) / 2 + dLon / 4, lat + (y - lat) / 2 + dLat / 4]);
    expect(polygonAreaHa([square, hole])).toBeCloseTo(0.75, 2);
    expect(ringAreaM2([[80, 19], [81, 19]])).toBe(0);
  });
});

describe("parcel shape checks", () => {
  it("finds a bow-tie and accepts a simple ring", () => {
    expect(selfIntersects(square)).toBe(false);
    expect(selfIntersects([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]])).toBe(true);
  });

  it("knows when a parcel leaves its village", () => {
    const village: Ring = [[79.99, 19.59], [80.01, 19.59], [80.01, 19.61], [79.99, 19.61], [79.99, 19.59]];
    expect(pointInRing([80.0, 19.6], village)).toBe(true);
    expect(ringInsideArea(square, [[village]])).toBe(true);
    const straddling: Ring = square.map(([x, y]) => [x + 0.0095, y]);
    expect(ringInsideArea(straddling, [[village]])).toBe(false);
  });
});

describe("walking a boundary with GPS", () => {
  const fix = (lonM: number, latM: number, accuracyM: number): Fix => ({ lon: 80 + lonM * (dLon / 100), lat: lat + latM * (dLat / 100), accuracyM, at: 0 });

  it("keeps accurate fixes, rejects ones worse than the threshold, and skips standing-still jitter", () => {
    let walk = startWalk();
    for (const f of [fix(0, 0, 4), fix(0.5, 0.3, 4), fix(0, 20, 35), fix(0, 20, 5), fix(20, 20, 6), fix(20, 0, 3)]) walk = addFix(walk, f, DEFAULT_WALK);
    expect(walk.kept).toHaveLength(4);
    expect(walk.rejectedInaccurate).toBe(1);
    expect(walk.skippedJitter).toBe(1);
    expect(walk.lastAccuracyM).toBe(3);
    expect(polygonAreaHa([walk.kept])).toBeCloseTo(0.04, 2);
  });

  it("follows the user's threshold", () => {
    const loose = addFix(startWalk(), fix(0, 0, 35), { ...DEFAULT_WALK, maxAccuracyM: 50 });
    expect(loose.kept).toHaveLength(1);
    expect(distanceM([80, 19.6], [80, 19.6 + dLat])).toBeCloseTo(100, 0);
  });
});

describe("parcel warnings on the tablet", () => {
  const villageSquare = (size: number) => [[[80.0, lat], [80.0 + size * dLon, lat], [80.0 + size * dLon, lat + size * dLat], [80.0, lat + size * dLat], [80.0, lat]]] as [number, number][][];
  const village: AreaVillage = { id: 1, name: "Pipgaon", nameLocal: "पिपगाव", censusCode: "540001", stateCode: "27", gramPanchayat: "Gatta", tehsil: "Etapalli", district: "Gadchiroli", geometry: { type: "MultiPolygon", coordinates: [villageSquare(10)] } };
  const claim = (no: string, ring: Ring): AreaClaim => ({ id: crypto.randomUUID(), claimNo: no, type: "IFR", status: "received", claimantName: "Budhni Madavi", villageId: 1, version: 1, lon: null, lat: null, parcel: { type: "MultiPolygon", coordinates: [[ring.map((p) => [p[0], p[1]] as [number, number])]] } });
  const shifted = (ring: Ring, x: number, y: number): Ring => ring.map(([a, b]) => [a + x * dLon, b + y * dLat]);

  it("accepts a parcel inside its village, beside the others, and gives its area", () => {
    const parcel = shifted(square, 2, 2);
    expect(checkParcelOnTablet(parcel, "IFR", village, [claim("MH-GAD-1", shifted(square, 5, 5))])).toEqual({ areaHa: expect.closeTo(1, 2), warnings: [] });
  });

  it("warns of a bow-tie, a parcel leaving the village, an IFR over 4 ha and an overlap", () => {
    const bowTie: Ring = [[80.001, lat + 0.001], [80.002, lat + 0.002], [80.002, lat + 0.001], [80.001, lat + 0.002], [80.001, lat + 0.001]];
    expect(checkParcelOnTablet(bowTie, "IFR", village, []).warnings).toEqual([expect.stringMatching(/crosses itself/)]);
    const outside = shifted(square, 9.5, 2);
    expect(checkParcelOnTablet(outside, "IFR", village, []).warnings).toEqual([expect.stringMatching(/leaves the boundary of Pipgaon/)]);
    const big: Ring = [[80.0 + dLon, lat + dLat], [80.0 + 4 * dLon, lat + dLat], [80.0 + 4 * dLon, lat + 3 * dLat], [80.0 + dLon, lat + 3 * dLat], [80.0 + dLon, lat + dLat]];
    expect(checkParcelOnTablet(big, "IFR", village, []).warnings).toEqual([expect.stringMatching(/over the 4 ha/)]);
    expect(checkParcelOnTablet(big, "CR", village, []).warnings).toEqual([]);
    const overlap = checkParcelOnTablet(shifted(square, 2, 2), "IFR", village, [claim("MH-GAD-IFR-2009-000007", shifted(square, 2.5, 2.5))]);
    expect(overlap.warnings).toEqual(["The parcel overlaps MH-GAD-IFR-2009-000007 (Budhni Madavi)."]);
  });

  it("closes an open ring once, and asks for the village when none is chosen", () => {
    expect(closeRing([[0, 0], [1, 0], [1, 1]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
    expect(closeRing([[0, 0], [1, 0], [1, 1], [0, 0]])).toHaveLength(4);
    expect(checkParcelOnTablet(shifted(square, 2, 2), "IFR", null, []).warnings).toEqual([expect.stringMatching(/Choose the village/)]);
  });
});
