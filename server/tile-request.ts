// One vector tile request, from its parts to its answer. The Next.js route (what `next dev` serves) and
// the production server's direct path (server/main.ts) both answer with this, so they cannot drift apart.
import { decodeFilterParam } from "@/configs/contracts/claims";
import { readServerEnv } from "@/configs/server";
import { recentSessionUser, readCookie, SESSION_COOKIE } from "@/server/auth/session";
import { getDatabase } from "@/server/db";
import { errorStatus } from "@/server/http";
import { messageOf } from "@/server/services/errors";
import { cachedTile } from "@/server/services/tile-cache";
import { renderVersionedTile, tileAddressSchema } from "@/server/services/tiles";

export type TileAsk = {
  z: string; x: string; y: string;
  /** The `f` query parameter: the claim filter. */
  filter: string | null;
  cookie: string | null;
  ifNoneMatch: string | null;
};
export type TileAnswer = { status: number; headers: Record<string, string>; body: Uint8Array | string | null };

const refusal = (status: number, message: string): TileAnswer => ({
  status,
  headers: { "content-type": "application/json", "cache-control": "no-store" },
  body: JSON.stringify({ error: message }),
});

export async function answerTileRequest(ask: TileAsk): Promise<TileAnswer> {
  const address = tileAddressSchema.safeParse({ z: ask.z, x: ask.x, y: ask.y.replace(/\.(mvt|pbf)$/, "") });
  if (!address.success) return refusal(400, `bad tile address: ${address.error.issues.map((i) => i.message).join("; ")}`);
  let filter;
  try {
    filter = decodeFilterParam(ask.filter);
  } catch (e) {
    return refusal(400, `bad filter: ${messageOf(e)}`);
  }
  try {
    const started = performance.now();
    const { db } = await getDatabase();
    const token = readCookie(ask.cookie, SESSION_COOKIE);
    const user = token ? await recentSessionUser(db, token, readServerEnv().FRA_SESSION_DAYS) : null;
    if (!user) return refusal(401, "please log in");
    const authorized = performance.now();
    let renderMs = 0;
    const render = async () => {
      const t0 = performance.now();
      const rendered = await renderVersionedTile(db, user, address.data, filter);
      renderMs = performance.now() - t0;
      return rendered;
    };
    const { tile, etag, hit } = await cachedTile(db, user, address.data, filter, render, ask.ifNoneMatch);
    // Where the time went, for the browser's network panel and the benchmark.
    const timing = `auth;dur=${(authorized - started).toFixed(1)}, render;dur=${renderMs.toFixed(1)}, total;dur=${(performance.now() - started).toFixed(1)}`;
    // Tiles carry the user's scope: never in a shared cache. The ETag changes with any claim change.
    const headers = { "content-type": "application/vnd.mapbox-vector-tile", "cache-control": "private, max-age=30", etag, "x-tile-cache": hit ? "hit" : "miss", "server-timing": timing };
    return { status: tile === null ? 304 : 200, headers, body: tile };
  } catch (e) {
    const { status, message } = errorStatus(e);
    return refusal(status, message);
  }
}
