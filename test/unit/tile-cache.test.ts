// The rendered-tile memory (least recently used out first, bounded by bytes, off at size 0) and the
// encoding tiles are sent in.
import { describe, expect, it } from "vitest";
import { readServerEnv } from "@/configs/server";
import { filterDependsOnDay } from "@/server/services/claim-filter";
import { LruBytes } from "@/server/services/tile-cache";
import { acceptsGzip } from "@/server/tile-request";

const tile = (bytes: number) => new Uint8Array(bytes);

describe("the tile cache's memory", () => {
  it("drops the least recently used tiles once it holds more bytes than its bound", () => {
    const lru = new LruBytes<Uint8Array>(80, (t) => t.byteLength);
    lru.set("a", tile(10));
    lru.set("b", tile(10));
    lru.get("a"); // now b is the oldest
    for (const k of ["c", "d", "e", "f", "g", "h", "i"]) lru.set(k, tile(10));
    expect([lru.get("a"), lru.get("b"), lru.get("i")].map((t) => t?.byteLength)).toEqual([10, undefined, 10]);
  });

  it("keeps no tile larger than an eighth of it, and none at all at size 0", () => {
    const lru = new LruBytes<Uint8Array>(80, (t) => t.byteLength);
    lru.set("big", tile(11));
    expect(lru.get("big")).toBeUndefined();
    const off = new LruBytes<Uint8Array>(0, (t) => t.byteLength);
    off.set("a", tile(1));
    expect(off.get("a")).toBeUndefined();
  });

  it("takes its size from FRA_TILE_CACHE_MB, refusing a negative one", () => {
    const env = (vars: Record<string, string>) => readServerEnv(vars as NodeJS.ProcessEnv);
    expect(env({}).FRA_TILE_CACHE_MB).toBe(96);
    expect(env({ FRA_TILE_CACHE_MB: "0" }).FRA_TILE_CACHE_MB).toBe(0);
    expect(() => env({ FRA_TILE_CACHE_MB: "-1" })).toThrow(/FRA_TILE_CACHE_MB/);
  });

  it("keeps tiles filtered by appeal window apart by the day, since the day alone changes which claims they show", () => {
    expect(filterDependsOnDay({ notice: "appeal_open" })).toBe(true);
    expect(filterDependsOnDay({ notice: "appeal_closed", types: ["IFR"] })).toBe(true);
    expect(filterDependsOnDay({ notice: "undelivered" })).toBe(false);
    expect(filterDependsOnDay({ statuses: ["dlc_rejected"] })).toBe(false);
  });

  it("sends gzip only to clients that take it", () => {
    expect(["gzip, deflate, br", "br;q=1, gzip;q=0.5", "*", "deflate, *;q=0.1"].map(acceptsGzip)).toEqual([true, true, true, true]);
    expect([null, "", "identity", "br", "gzip;q=0", "gzip;q=0, *", "*;q=0", "gzip;q=zero"].map(acceptsGzip)).toEqual([false, false, false, false, false, false, false, false]);
    expect(acceptsGzip("*;q=0, gzip")).toBe(true); // named beats the wildcard
  });
});
