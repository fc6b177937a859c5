import { VectorTile } from "@mapbox/vector-tile";
import Pbf from "pbf";
import { describe, expect, it } from "vitest";
import { encodeTile } from "@/server/services/mvt-encode";

describe("MVT encoder", () => {
  it("writes points, lines and polygons that a standard decoder reads back", () => {
    const bytes = encodeTile([
      { name: "claims", extent: 4096, features: [
        { id: 7, properties: { status: "title_granted", area_ha: 1.25, n: 3, ok: true }, geometry: { type: "Polygon", coordinates: [[[10, 10], [100, 10], [100, 100], [10, 10]]] } },
        { properties: { status: "received", n: -2 }, geometry: { type: "Point", coordinates: [2048, 4000] } },
      ] },
      { name: "districts", extent: 4096, features: [{ properties: { name: "Gadchiroli" }, geometry: { type: "MultiLineString", coordinates: [[[0, 0], [5, 5]], [[9, 9], [20, 1]]] } }] },
      { name: "empty", extent: 4096, features: [] },
    ]);
    const tile = new VectorTile(new Pbf(bytes));
    expect(Object.keys(tile.layers).sort()).toEqual(["claims", "districts"]);
    const polygon = tile.layers.claims!.feature(0);
    expect(polygon.id).toBe(7);
    expect(polygon.type).toBe(3);
    expect(polygon.properties).toEqual({ status: "title_granted", area_ha: 1.25, n: 3, ok: true });
    expect(polygon.loadGeometry()[0]!.map((p) => [p.x, p.y])).toEqual([[10, 10], [100, 10], [100, 100], [10, 10]]);
    const point = tile.layers.claims!.feature(1);
    expect(point.loadGeometry()[0]![0]).toMatchObject({ x: 2048, y: 4000 });
    expect(point.properties.n).toBe(-2);
    expect(tile.layers.districts!.feature(0).loadGeometry().length).toBe(2);
  });

  it("turns rings to MVT's winding (exterior clockwise in tile coordinates, holes the other way) and drops collapsed ones", () => {
    // Rings as clipping may leave them: the exterior counter-clockwise on screen, its hole clockwise.
    const exterior = [[0, 0], [0, 100], [100, 100], [100, 0], [0, 0]];
    const hole = [[20, 20], [80, 20], [80, 80], [20, 80], [20, 20]];
    const collapsed = [[200, 200], [300, 200], [250, 200], [200, 200]]; // on one line after quantization
    const bytes = encodeTile([{ name: "claims", extent: 4096, features: [
      { properties: { claim_no: "A" }, geometry: { type: "MultiPolygon", coordinates: [[exterior, hole], [collapsed], [[[400, 400], [500, 400], [500, 500], [400, 400]], collapsed]] } },
      { properties: { claim_no: "B" }, geometry: { type: "Polygon", coordinates: [collapsed] } },
    ] }]);
    const layer = new VectorTile(new Pbf(bytes)).layers.claims!;
    expect(layer.length).toBe(1); // B had nothing left to draw
    const rings = layer.feature(0).loadGeometry().map((ring) => ring.map((p) => [p.x, p.y]));
    const signedArea = (ring: number[][]) => ring.reduce((sum, b, i) => { const a = ring[(i + ring.length - 1) % ring.length]!; return sum + a[0]! * b[1]! - b[0]! * a[1]!; }, 0);
    expect(rings.map((r) => Math.sign(signedArea(r)))).toEqual([1, -1, 1]);
    // The same vertices, only their order turned.
    const asSet = (ring: number[][]) => new Set(ring.map((p) => p.join(",")));
    expect(asSet(rings[0]!)).toEqual(asSet(exterior));
    expect(asSet(rings[1]!)).toEqual(asSet(hole));
    // A standard reader sees one polygon with a hole and a second polygon.
    const geojson = layer.feature(0).toGeoJSON(0, 0, 0).geometry;
    expect(geojson.type).toBe("MultiPolygon");
    expect((geojson as { coordinates: number[][][][] }).coordinates.map((p) => p.length)).toEqual([2, 1]);
  });
});
