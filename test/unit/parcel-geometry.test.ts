import { describe, expect, it } from "vitest";
import { addFix, DEFAULT_WALK, distanceM, startWalk, type Fix } from "@/workers/geo/gps-walk";
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
