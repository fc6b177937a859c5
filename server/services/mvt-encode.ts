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
const float64 = new DataView(new ArrayBuffer(8));

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
  get size(): number {
    return this.length;
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
    float64.setFloat64(0, n, true);
    this.bytesOf(new Uint8Array(float64.buffer));
  }
  string(field: number, s: string): void {
    // Most values (claim numbers, statuses, English names) are ASCII: copied byte by byte, no encoder call.
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return this.bytes(field, utf8.encode(s));
    this.tag(field, 2);
    this.varint(s.length);
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buffer[this.length++] = s.charCodeAt(i);
  }
  bytes(field: number, data: Uint8Array): void {
    this.tag(field, 2);
    this.varint(data.length);
    this.bytesOf(data);
  }
  /** Another writer's bytes as a length-delimited field (an embedded message, a packed list). */
  embed(field: number, from: ProtoWriter): void {
    this.tag(field, 2);
    this.varint(from.length);
    this.reserve(from.length);
    // Features and values are tens of bytes: a loop beats making a subarray view to copy from.
    if (from.length < 64) for (let i = 0; i < from.length; i++) this.buffer[this.length++] = from.buffer[i]!;
    else {
      this.buffer.set(from.buffer.subarray(0, from.length), this.length);
      this.length += from.length;
    }
  }
  private bytesOf(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
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

/**
 * Writes a geometry's commands into `out` as the packed varints of the feature's geometry field, with no
 * array in between (a z12 tile has thousands of vertices). Returns the MVT geometry type; `out` is left
 * empty when nothing is left to draw (a ring or line too short after quantization).
 */
class GeometryWriter {
  private cx = 0;
  private cy = 0;
  constructor(readonly out: ProtoWriter) {}
  write(g: TileGeometry): number {
    this.out.reset();
    this.cx = 0;
    this.cy = 0;
    switch (g.type) {
      case "Point":
        this.out.varint(command(1, 1));
        this.vertex(g.coordinates);
        return 1;
      case "MultiPoint":
        if (!g.coordinates.length) return 1;
        this.out.varint(command(1, g.coordinates.length));
        for (const p of g.coordinates) this.vertex(p);
        return 1;
      case "LineString": this.line(g.coordinates); return 2;
      case "MultiLineString": for (const l of g.coordinates) this.line(l); return 2;
      case "Polygon": this.polygon(g.coordinates); return 3;
      case "MultiPolygon": for (const p of g.coordinates) this.polygon(p); return 3;
    }
  }
  private vertex(p: number[]): void {
    const x = p[0] ?? 0;
    const y = p[1] ?? 0;
    this.out.varint(zigzag(x - this.cx));
    this.out.varint(zigzag(y - this.cy));
    this.cx = x;
    this.cy = y;
  }
  private line(points: number[][]): void {
    if (points.length >= 2) this.path(points, points.length, false);
  }
  /** A MoveTo to points[0], then LineTos through points[1..n-1], or, `reversed`, back from points[n-1] to
   *  points[1] (a ring turned round, its start kept). */
  private path(points: number[][], n: number, reversed: boolean): void {
    this.out.varint(command(1, 1));
    this.vertex(points[0]!);
    this.out.varint(command(2, n - 1));
    for (let i = 1; i < n; i++) this.vertex(points[reversed ? n - i : i]!);
  }
  /**
   * A polygon's rings, the first its exterior. MVT wants an exterior's area positive in tile coordinates
   * (clockwise, y pointing down) and a hole's negative; rings are turned here, whatever order clipping
   * left them in, and a ring of no area (collapsed by quantization) is dropped, as readers drop it.
   */
  private polygon(rings: number[][][]): void {
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r]!;
      const area = ringArea(ring);
      if (area === 0) {
        if (r === 0) return; // no exterior: its holes mean nothing
        continue;
      }
      const reversed = r === 0 ? area < 0 : area > 0;
      const n = ring.length - 1; // a closed ring repeats its first vertex last
      if (n < 3) continue;
      this.path(ring, n, reversed);
      this.out.varint(command(7, 1));
    }
  }
}

/** Twice the ring's signed area by the surveyor's formula (the sign is what MVT's winding rule reads). */
function ringArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum;
}
const geometryWriter = new GeometryWriter(new ProtoWriter(4096));

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
    const geometryType = geometryWriter.write(f.geometry);
    if (geometryWriter.out.size === 0) continue;
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
    if (tags.length) {
      packScratch.reset();
      for (const t of tags) packScratch.varint(t);
      fw.embed(2, packScratch);
    }
    fw.uint(3, geometryType);
    fw.embed(4, geometryWriter.out);
    w.embed(2, fw);
  }
  for (const k of keys.keys()) w.string(3, k);
  for (const value of values.list) {
    const vw = valueScratch;
    vw.reset();
    if (typeof value === "string") vw.string(1, value);
    else if (typeof value === "boolean") vw.uint(7, value ? 1 : 0);
    else if (Number.isInteger(value)) (value < 0 ? vw.sint(6, value) : vw.uint(5, value));
    else vw.double(3, value);
    w.embed(4, vw);
  }
  w.uint(5, layer.extent);
  return w.finish();
}

export function encodeTile(layers: TileLayer[]): Uint8Array {
  const w = new ProtoWriter();
  for (const layer of layers) if (layer.features.length) w.bytes(3, encodeLayer(layer));
  return w.finish().slice(); // a copy the size of the tile: the cache counts what it holds
}
