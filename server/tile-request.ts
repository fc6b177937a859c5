// One vector tile request, from its parts to its answer. The Next.js route (what `next dev` serves) and
// the production server's direct path (server/main.ts) both answer with this, so they cannot drift apart.
import { gunzipSync, gzipSync } from "node:zlib";
import { readServerEnv } from "@/configs/server";
import { recentSessionUser, readCookie, SESSION_COOKIE } from "@/server/auth/session";
import { getDatabase } from "@/server/db";
import { errorStatus, readFilterParam } from "@/server/http";
import { cachedTile } from "@/server/services/tile-cache";
import { renderVersionedTile, tileAddressSchema } from "@/server/services/tiles";

export type TileAsk = {
  z: string; x: string; y: string;
  /** The `f` query parameter: the claim filter. */
  filter: string | null;
  cookie: string | null;
  ifNoneMatch: string | null;
  acceptEncoding: string | null;
};
export type TileAnswer = { status: number; headers: Record<string, string>; body: Uint8Array | string | null };

const refusal = (status: number, message: string): TileAnswer => ({
  status,
  headers: { "content-type": "application/json", "cache-control": "no-store" },
  body: JSON.stringify({ error: message }),
});

/** Whether an Accept-Encoding header takes gzip: named, or else by `*`, with a q above 0. */
export function acceptsGzip(header: string | null): boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    weights.set(name, q === undefined ? 1 : Number(q.slice(2)));
  }
  return (weights.get("gzip") ?? weights.get("*") ?? 0) > 0;
}

// The identity copy of a tile is another representation: another ETag (the same hash, marked).
const IDENTITY = "-identity";

export async function answerTileRequest(ask: TileAsk): Promise<TileAnswer> {
  const address = tileAddressSchema.safeParse({ z: ask.z, x: ask.x, y: ask.y.replace(/\.(mvt|pbf)$/, "") });
  if (!address.success) return refusal(400, `bad tile address: ${address.error.issues.map((i) => i.message).join("; ")}`);
  const read = readFilterParam(ask.filter);
  if (!("filter" in read)) return refusal(400, read.refusal);
  const { filter } = read;
  try {
    const started = performance.now();
    const { db } = await getDatabase();
    const token = readCookie(ask.cookie, SESSION_COOKIE);
    const user = token ? await recentSessionUser(db, token, readServerEnv().FRA_SESSION_DAYS) : null;
    if (!user) return refusal(401, "please log in");
    const authorized = performance.now();
    let renderMs = 0;
    let gzipMs = 0;
    // Tiles are kept and sent gzipped: half the bytes (a z12 tile of 48 KB is 24 KB) for 0.1-0.7 ms once,
    // where a district office's link is slow; a kept tile is never compressed again.
    const render = async () => {
      const t0 = performance.now();
      const rendered = await renderVersionedTile(db, user, address.data, filter);
      const t1 = performance.now();
      const tile = gzipSync(rendered.tile, { level: 1 });
      [renderMs, gzipMs] = [t1 - t0, performance.now() - t1];
      return { ...rendered, tile };
    };
    const gzip = acceptsGzip(ask.acceptEncoding);
    const ifNoneMatch = gzip ? ask.ifNoneMatch : (ask.ifNoneMatch?.replace(`${IDENTITY}"`, '"') ?? null);
    const { tile, etag, hit } = await cachedTile(db, user, address.data, filter, render, ifNoneMatch);
    // Where the time went, for the browser's network panel and the benchmark.
    const timing = `auth;dur=${(authorized - started).toFixed(1)}, render;dur=${renderMs.toFixed(1)}, gzip;dur=${gzipMs.toFixed(1)}, total;dur=${(performance.now() - started).toFixed(1)}`;
    // Tiles carry the user's scope: never in a shared cache. The ETag changes with any claim change.
    const headers: Record<string, string> = {
      "content-type": "application/vnd.mapbox-vector-tile", "cache-control": "private, max-age=30", vary: "accept-encoding",
      etag: gzip ? etag : etag.replace(/"$/, `${IDENTITY}"`), "x-tile-cache": hit ? "hit" : "miss", "server-timing": timing,
    };
    if (tile === null) return { status: 304, headers, body: null };
    if (gzip) headers["content-encoding"] = "gzip";
    return { status: 200, headers, body: gzip ? tile : gunzipSync(tile) };
  } catch (e) {
    const { status, message } = errorStatus(e);
    return refusal(status, message);
  }
}
