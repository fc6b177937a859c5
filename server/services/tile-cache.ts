// Rendered vector tiles, kept in memory under (claims data version, the user's scope, the filter, the
// tile). A tile's inputs are exactly these, so a cached tile is the tile PostGIS would render now; any
// change to claims bumps the version (a trigger) and the old entries simply stop being asked for.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { encodeFilterParam, type ClaimFilter } from "@/configs/contracts/claims";
import { readServerEnv } from "@/configs/server";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import type { TileAddress } from "./tiles";

export class LruBytes {
  private readonly entries = new Map<string, Uint8Array>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}
  get(key: string): Uint8Array | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // most recently used goes last
      this.entries.set(key, hit);
    }
    return hit;
  }
  set(key: string, value: Uint8Array): void {
    if (value.byteLength > this.maxBytes / 8) return;
    this.entries.set(key, value);
    this.bytes += value.byteLength;
    for (const [oldest, tile] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= tile.byteLength;
    }
  }
}

const KEY = Symbol.for("fra-atlas.tile-cache");
const cache = () => ((globalThis as { [KEY]?: LruBytes })[KEY] ??= new LruBytes(readServerEnv().FRA_TILE_CACHE_MB * 1024 * 1024));

/** Who sees the same tiles: role and assigned districts or blocks. */
export const scopeKey = (user: SessionUser) => (user.role === "admin" ? "admin" : `${user.role}:${[...(user.role === "district_official" ? user.districtIds : user.tehsilIds)].sort((a, b) => a - b).join(",")}`);

export async function claimsDataVersion(db: Db): Promise<number> {
  const [row] = await rows<{ claims: number }>(db, sql`SELECT claims FROM data_version WHERE id = 1`);
  return Number(row?.claims ?? 0);
}

/** `tile` is null when the client's copy (`ifNoneMatch`) is current: nothing is rendered for a 304. */
export type CachedTile = { tile: Uint8Array | null; etag: string; hit: boolean };

export async function cachedTile(db: Db, user: SessionUser, t: TileAddress, filter: ClaimFilter, render: () => Promise<Uint8Array>, ifNoneMatch: string | null = null): Promise<CachedTile> {
  const key = `${await claimsDataVersion(db)}|${scopeKey(user)}|${encodeFilterParam(filter)}|${t.z}/${t.x}/${t.y}`;
  const etag = `"${createHash("sha1").update(key).digest("hex").slice(0, 24)}"`;
  if (ifNoneMatch === etag) return { tile: null, etag, hit: true };
  const hit = cache().get(key);
  if (hit) return { tile: hit, etag, hit: true };
  const tile = await render();
  cache().set(key, tile);
  return { tile, etag, hit: false };
}
