import { errorResponse, filterFromRequest, jsonError, requestUser } from "@/server/http";
import { cachedTile } from "@/server/services/tile-cache";
import { renderTile, tileAddressSchema } from "@/server/services/tiles";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ z: string; x: string; y: string }> }) {
  const raw = await params;
  const address = tileAddressSchema.safeParse({ ...raw, y: raw.y.replace(/\.(mvt|pbf)$/, "") });
  if (!address.success) return jsonError(400, `bad tile address: ${address.error.issues.map((i) => i.message).join("; ")}`);
  const filter = filterFromRequest(req);
  if (filter instanceof Response) return filter;
  try {
    const started = performance.now();
    const { db, user } = await requestUser(req);
    if (!user) return jsonError(401, "please log in");
    const authorized = performance.now();
    let renderMs = 0;
    const render = async () => {
      const t0 = performance.now();
      const bytes = await renderTile(db, user, address.data, filter);
      renderMs = performance.now() - t0;
      return bytes;
    };
    const { tile, etag, hit } = await cachedTile(db, user, address.data, filter, render, req.headers.get("if-none-match"));
    // Where the time went, for the browser's network panel and the benchmark.
    const timing = `auth;dur=${(authorized - started).toFixed(1)}, render;dur=${renderMs.toFixed(1)}, total;dur=${(performance.now() - started).toFixed(1)}`;
    // Tiles carry the user's scope: never in a shared cache. The ETag changes with any claim change.
    const headers = { "content-type": "application/vnd.mapbox-vector-tile", "cache-control": "private, max-age=30", etag, "x-tile-cache": hit ? "hit" : "miss", "server-timing": timing };
    if (tile === null) return new Response(null, { status: 304, headers });
    return new Response(tile as BodyInit, { headers });
  } catch (e) {
    return errorResponse(e);
  }
}
