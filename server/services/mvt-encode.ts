// Mapbox Vector Tile (spec 2.1) encoder for features already in tile coordinates. Used where PostGIS
// was built without protobuf-c (PGlite's PostGIS): PostGIS still selects, clips and quantizes, this
// only writes the protobuf.
export type TileGeometry =
  | { type: "Point"; coordinates: number[] }
  | { type: "MultiPoint"; coordinates: number[][] }
  | { type: "LineString"; coordinates: number[][] }
  | { type: "MultiLineString"; coordinates: number[][][] }
  | { type: "Polygon"; coordinates: number[][][] }
  | { type: "MultiPolygon"; coordinates: number[][][][] };

export type TileFeature = { id?: number; properties: Record<string, string | number | boolean | null>; geometry: TileGeometry };
export type TileLayer = { name: string; extent: number; features: TileFeature[] };

class ProtoWriter {
  private bytes: number[] = [];
  varint(n: number): void {
    let v = n;
    while (v >= 0x80) {
      this.bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.bytes.push(v);
  }
  tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }
  uint(field: number, n: number): void {
    this.tag(field, 0);
    this.varint(n);
  }
  sint(field: number, n: number): void {
    this.uint(field, n >= 0 ? n * 2 : -n * 2 - 1);
  }
  double(field: number, n: number): void {
    this.tag(field, 1);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, n, true);
    this.bytes.push(...b);
  }
  string(field: number, s: string): void {
    this.raw(field, new TextEncoder().encode(s));
  }
  raw(field: number, data: Uint8Array | number[]): void {
    this.tag(field, 2);
    this.varint(data.length);
    for (const b of data) this.bytes.push(b);
  }
  packed(field: number, values: number[]): void {
    const inner = new ProtoWriter();
    for (const v of values) inner.varint(v);
    this.raw(field, inner.bytes);
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const command = (id: number, count: number) => (count << 3) | (id & 0x7);

function encodeGeometry(g: TileGeometry): { type: number; commands: number[] } {
  const commands: number[] = [];
  let cx = 0;
  let cy = 0;
  const moveTo = (points: number[][]) => {
    commands.push(command(1, points.length));
    for (const [x = 0, y = 0] of points) {
      commands.push(zigzag(x - cx), zigzag(y - cy));
      cx = x;
      cy = y;
    }
  };
  const line = (points: number[][], closed: boolean) => {
    const pts = closed ? points.slice(0, -1) : points;
    if (pts.length < (closed ? 3 : 2)) return;
    moveTo([pts[0]!]);
    commands.push(command(2, pts.length - 1));
    for (const [x = 0, y = 0] of pts.slice(1)) {
      commands.push(zigzag(x - cx), zigzag(y - cy));
      cx = x;
      cy = y;
    }
    if (closed) commands.push(command(7, 1));
  };
  switch (g.type) {
    case "Point": moveTo([g.coordinates]); return { type: 1, commands };
    case "MultiPoint": moveTo(g.coordinates); return { type: 1, commands };
    case "LineString": line(g.coordinates, false); return { type: 2, commands };
    case "MultiLineString": g.coordinates.forEach((l) => line(l, false)); return { type: 2, commands };
    case "Polygon": g.coordinates.forEach((r) => line(r, true)); return { type: 3, commands };
    case "MultiPolygon": g.coordinates.forEach((p) => p.forEach((r) => line(r, true))); return { type: 3, commands };
  }
}

function encodeLayer(layer: TileLayer): Uint8Array {
  const w = new ProtoWriter();
  w.uint(15, 2); // version
  w.string(1, layer.name);
  const keys = new Map<string, number>();
  const values = new Map<string, { index: number; value: string | number | boolean }>();
  const features: Uint8Array[] = [];
  for (const f of layer.features) {
    const geom = encodeGeometry(f.geometry);
    if (geom.commands.length === 0) continue;
    const tags: number[] = [];
    for (const [k, v] of Object.entries(f.properties)) {
      if (v === null || v === undefined) continue;
      if (!keys.has(k)) keys.set(k, keys.size);
      const valueKey = `${typeof v}:${String(v)}`;
      if (!values.has(valueKey)) values.set(valueKey, { index: values.size, value: v });
      tags.push(keys.get(k)!, values.get(valueKey)!.index);
    }
    const fw = new ProtoWriter();
    if (f.id !== undefined && Number.isInteger(f.id) && f.id >= 0) fw.uint(1, f.id);
    if (tags.length) fw.packed(2, tags);
    fw.uint(3, geom.type);
    fw.packed(4, geom.commands);
    features.push(fw.finish());
  }
  for (const f of features) w.raw(2, f);
  for (const k of keys.keys()) w.string(3, k);
  for (const { value } of values.values()) {
    const vw = new ProtoWriter();
    if (typeof value === "string") vw.string(1, value);
    else if (typeof value === "boolean") vw.uint(7, value ? 1 : 0);
    else if (Number.isInteger(value)) (value < 0 ? vw.sint(6, value) : vw.uint(5, value));
    else vw.double(3, value);
    w.raw(4, vw.finish());
  }
  w.uint(5, layer.extent);
  return w.finish();
}

export function encodeTile(layers: TileLayer[]): Uint8Array {
  const w = new ProtoWriter();
  for (const layer of layers) if (layer.features.length) w.raw(3, encodeLayer(layer));
  return w.finish();
}
