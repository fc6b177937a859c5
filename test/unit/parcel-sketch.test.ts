import { describe, expect, it } from "vitest";
import { parcelCorners, sketchParcel } from "@/components/title/parcel-sketch";
import { METRES_PER_DEGREE_LAT } from "@/server/services/geometry";

// A 200 m by 100 m field near Gadchiroli, west-east longer, with a 20 m square hole.
const lat = 20.1;
const dLon = (m: number) => m / (METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180));
const dLat = (m: number) => m / METRES_PER_DEGREE_LAT;
const at = (x: number, y: number): [number, number] => [80 + dLon(x), lat + dLat(y)];
const field = {
  type: "Polygon" as const,
  coordinates: [
    [at(0, 0), at(200, 0), at(200, 100), at(0, 100), at(0, 0)],
    [at(90, 40), at(110, 40), at(110, 60), at(90, 60), at(90, 40)],
  ],
};

const pixels = (path: string) => [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe("the title's parcel sketch", () => {
  it("fits the parcel to the box, true to its shape, north up", () => {
    const { path } = sketchParcel(field, 360, 260, 16);
    expect(path.match(/M/g)).toHaveLength(2); // the outer ring and the hole
    const points = pixels(path);
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    expect(Math.min(...xs)).toBeCloseTo(16, 0);
    expect(Math.max(...xs)).toBeCloseTo(344, 0);
    // 2:1 in metres stays 2:1 on paper.
    expect((Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys))).toBeCloseTo(2, 1);
    // The first corner is the south-west one: bottom left.
    expect(points[0]![0]).toBeCloseTo(16, 0);
    expect(points[0]![1]).toBeGreaterThan(130);
  });

  it("gives a scale bar of a round length, true to the drawing", () => {
    const { scaleBar } = sketchParcel(field, 360, 260, 16);
    // 200 m over 328 px: a third of the box is about 73 m, so 50 m.
    expect(scaleBar.metres).toBe(50);
    expect(scaleBar.pixels).toBeCloseTo((50 * 328) / 200, 0);
  });

  it("lists the outer corners once each, holes left out", () => {
    expect(parcelCorners(field)).toEqual([at(0, 0), at(200, 0), at(200, 100), at(0, 100)]);
    expect(parcelCorners({ type: "MultiPolygon", coordinates: [field.coordinates, [[at(300, 0), at(310, 0), at(310, 10), at(300, 0)]]] })).toHaveLength(7);
  });
});
