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
    const { db, user } = await requestUser(req);
    if (!user) return jsonError(401, "please log in");
    const { tile, etag, hit } = await cachedTile(db, user, address.data, filter, () => renderTile(db, user, address.data, filter), req.headers.get("if-none-match"));
    // Tiles carry the user's scope: never in a shared cache. The ETag changes with any claim change.
    const headers = { "content-type": "application/vnd.mapbox-vector-tile", "cache-control": "private, max-age=30", etag, "x-tile-cache": hit ? "hit" : "miss" };
    if (tile === null) return new Response(null, { status: 304, headers });
    return new Response(tile as BodyInit, { headers });
  } catch (e) {
    return errorResponse(e);
  }
}
