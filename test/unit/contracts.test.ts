import { describe, expect, it } from "vitest";
import { claimFilterSchema, claimListInputSchema, decodeFilterParam, encodeFilterParam, newClaimSchema } from "@/configs/contracts/claims";
import { polygonGeometrySchema } from "@/configs/contracts/geojson";

describe("claim filter contract", () => {
  it("round-trips through a URL parameter, Devanagari included", () => {
    const filter = { types: ["IFR" as const], statuses: ["sdlc_review" as const], q: "आत्राम", areaMinHa: 0.5, filedFrom: "2010-01-01" };
    expect(decodeFilterParam(encodeFilterParam(filter))).toEqual(filter);
  });

  it("refuses malformed filters with a reason", () => {
    expect(claimFilterSchema.safeParse({ statuses: ["approved"] }).success).toBe(false);
    expect(claimFilterSchema.safeParse({ filedFrom: "2020-13-45" }).success).toBe(false);
    expect(claimFilterSchema.safeParse({ filedFrom: "2021-01-01", filedTo: "2020-01-01" }).success).toBe(false);
    expect(claimFilterSchema.safeParse({ bbox: [81, 20, 80, 21] }).success).toBe(false);
    expect(claimFilterSchema.safeParse({ unknownKey: 1 }).success).toBe(false);
    expect(() => decodeFilterParam("%%%")).toThrow(/base64url/);
    expect(() => decodeFilterParam(Buffer.from("{not json").toString("base64url"))).toThrow(/JSON/);
  });

  it("caps the page size", () => {
    const r = claimListInputSchema.safeParse({ limit: 100_000 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain("at most 200");
    expect(claimListInputSchema.parse({}).limit).toBe(50);
  });

  it("refuses an IFR claim above the 4 ha ceiling", () => {
    const r = newClaimSchema.safeParse({ type: "IFR", claimantName: "Lalsu Atram", category: "ST", villageId: 1, areaClaimedHa: 6, filedOn: "2024-01-10" });
    expect(r.success).toBe(false);
  });
});

describe("polygon contract", () => {
  const square = [[80, 19], [80.001, 19], [80.001, 19.001], [80, 19.001], [80, 19]];
  it("accepts a closed polygon and drops altitudes", () => {
    const g = polygonGeometrySchema.parse({ type: "Polygon", coordinates: [square.map(([x, y]) => [x, y, 212])] });
    expect(g.coordinates[0]![0]).toEqual([80, 19]);
  });
  it("refuses open rings, too few points and coordinates off the globe", () => {
    expect(polygonGeometrySchema.safeParse({ type: "Polygon", coordinates: [square.slice(0, 4)] }).success).toBe(false);
    expect(polygonGeometrySchema.safeParse({ type: "Polygon", coordinates: [[[80, 19], [81, 19], [80, 19]]] }).success).toBe(false);
    expect(polygonGeometrySchema.safeParse({ type: "Polygon", coordinates: [[[200, 19], [81, 19], [81, 20], [200, 19]]] }).success).toBe(false);
    expect(polygonGeometrySchema.safeParse({ type: "Point", coordinates: [80, 19] }).success).toBe(false);
  });
});
