// Rendered vector tiles, kept in memory under the user's scope, the filter and the tile, each with the
// claims data version it was read at (a trigger bumps it on any change to claims). A kept tile is served
// only while that version is current, so it is always the tile PostGIS would render now.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { encodeFilterParam, type ClaimFilter } from "@/configs/contracts/claims";
import { indiaDayOf } from "@/configs/india-day";
import { readServerEnv } from "@/configs/server";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { filterDependsOnDay } from "./claim-filter";
import type { TileAddress, VersionedTile } from "./tiles";

/** Least recently used out first, bounded by the bytes its values hold (`sizeOf`). */
export class LruBytes<V> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;
  constructor(private readonly maxBytes: number, private readonly sizeOf: (value: V) => number) {}
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // most recently used goes last
      this.entries.set(key, hit);
    }
    return hit;
  }
  set(key: string, value: V): void {
    const replaced = this.entries.get(key);
    if (replaced !== undefined) {
      this.entries.delete(key);
      this.bytes -= this.sizeOf(replaced);
    }
    if (this.sizeOf(value) > this.maxBytes / 8) return;
    this.entries.set(key, value);
    this.bytes += this.sizeOf(value);
    for (const [oldest, kept] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= this.sizeOf(kept);
    }
  }
}

const KEY = Symbol.for("fra-atlas.tile-cache");
type TileMemory = LruBytes<VersionedTile>;
const cache = () => ((globalThis as { [KEY]?: TileMemory })[KEY] ??= new LruBytes<VersionedTile>(readServerEnv().FRA_TILE_CACHE_MB * 1024 * 1024, (v) => v.tile.byteLength));

/** Who sees the same tiles: role and assigned districts or blocks. */
export const scopeKey = (user: SessionUser) => (user.role === "admin" ? "admin" : `${user.role}:${[...(user.role === "district_official" ? user.districtIds : user.tehsilIds)].sort((a, b) => a - b).join(",")}`);

export async function claimsDataVersion(db: Db): Promise<number> {
  const [row] = await rows<{ claims: number }>(db, sql`SELECT claims FROM data_version WHERE id = 1`);
  return Number(row?.claims ?? 0);
}

/** `tile` is null when the client's copy (`ifNoneMatch`) is current: nothing is rendered for a 304. */
export type CachedTile = { tile: Uint8Array | null; etag: string; hit: boolean };

const etagOf = (claimsVersion: number, place: string) => `"${createHash("sha1").update(`${claimsVersion}|${place}`).digest("hex").slice(0, 24)}"`;

export async function cachedTile(
  db: Db, user: SessionUser, t: TileAddress, filter: ClaimFilter,
  render: () => Promise<VersionedTile>, ifNoneMatch: string | null = null,
): Promise<CachedTile> {
  // A filter by appeal window shows other claims tomorrow with no change to the data: its day is in the key.
  const day = filterDependsOnDay(filter) ? `|${indiaDayOf(Date.now())}` : "";
  const place = `${scopeKey(user)}|${encodeFilterParam(filter)}${day}|${t.z}/${t.x}/${t.y}`;
  const kept = cache().get(place);
  const rendered = async (): Promise<CachedTile> => {
    const fresh = await render();
    // A slow render of an older version must not replace a newer one finished meanwhile.
    if ((cache().get(place)?.claimsVersion ?? -1) <= fresh.claimsVersion) cache().set(place, fresh);
    return { tile: fresh.tile, etag: etagOf(fresh.claimsVersion, place), hit: false };
  };
  // Nothing here or at the client to compare: render at once (the render reads the version along).
  if (!kept && !ifNoneMatch) return rendered();
  const version = await claimsDataVersion(db);
  const etag = etagOf(version, place);
  if (ifNoneMatch === etag) return { tile: null, etag, hit: true };
  if (kept?.claimsVersion === version) return { tile: kept.tile, etag, hit: true };
  return rendered();
}
