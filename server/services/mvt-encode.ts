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

const utf8 = new TextEncoder();

/** Protocol buffer bytes in one growing buffer: a tile of thousands of features is written in one pass. */
class ProtoWriter {
  private buffer: Uint8Array;
  private length = 0;
  constructor(initialBytes = 64) {
    this.buffer = new Uint8Array(initialBytes);
  }
  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
  varint(n: number): void {
    this.reserve(10);
    let v = n;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buffer[this.length++] = v;
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
    this.reserve(8);
    new DataView(this.buffer.buffer).setFloat64(this.length, n, true);
    this.length += 8;
  }
  string(field: number, s: string): void {
    this.raw(field, utf8.encode(s));
  }
  raw(field: number, data: Uint8Array): void {
    this.tag(field, 2);
    this.varint(data.length);
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }
  packed(field: number, values: number[]): void {
    packScratch.reset();
    for (const v of values) packScratch.varint(v);
    this.raw(field, packScratch.finish());
  }
  reset(): void {
    this.length = 0;
  }
  finish(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

// Scratch space reused across features (a view of it is copied into the layer before the next use).
const packScratch = new ProtoWriter(256);
const featureScratch = new ProtoWriter(256);
const valueScratch = new ProtoWriter(256);

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

/** Index of each distinct property value, by type, in first-seen order (the layer's values table). */
class ValueTable {
  readonly list: Array<string | number | boolean> = [];
  private readonly strings = new Map<string, number>();
  private readonly numbers = new Map<number, number>();
  private readonly booleans = new Map<boolean, number>();
  indexOf(v: string | number | boolean): number {
    const map = (typeof v === "string" ? this.strings : typeof v === "number" ? this.numbers : this.booleans) as Map<typeof v, number>;
    let index = map.get(v);
    if (index === undefined) {
      map.set(v, (index = this.list.length));
      this.list.push(v);
    }
    return index;
  }
}

function encodeLayer(layer: TileLayer): Uint8Array {
  const w = new ProtoWriter(4096);
  w.uint(15, 2); // version
  w.string(1, layer.name);
  const keys = new Map<string, number>();
  const values = new ValueTable();
  const tags: number[] = [];
  for (const f of layer.features) {
    const geom = encodeGeometry(f.geometry);
    if (geom.commands.length === 0) continue;
    tags.length = 0;
    for (const k in f.properties) {
      const v = f.properties[k];
      if (v === null || v === undefined) continue;
      let key = keys.get(k);
      if (key === undefined) keys.set(k, (key = keys.size));
      tags.push(key, values.indexOf(v));
    }
    const fw = featureScratch;
    fw.reset();
    if (f.id !== undefined && Number.isInteger(f.id) && f.id >= 0) fw.uint(1, f.id);
    if (tags.length) fw.packed(2, tags);
    fw.uint(3, geom.type);
    fw.packed(4, geom.commands);
    w.raw(2, fw.finish());
  }
  for (const k of keys.keys()) w.string(3, k);
  for (const value of values.list) {
    const vw = valueScratch;
    vw.reset();
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
  return w.finish().slice(); // a copy the size of the tile: the cache counts what it holds
}
