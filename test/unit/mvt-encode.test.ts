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
});
