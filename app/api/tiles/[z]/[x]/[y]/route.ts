import { decodeFilterParam } from "@/configs/contracts/claims";
import { errorResponse, jsonError, requestUser } from "@/server/http";
import { renderTile, tileAddressSchema } from "@/server/services/tiles";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ z: string; x: string; y: string }> }) {
  const raw = await params;
  const address = tileAddressSchema.safeParse({ ...raw, y: raw.y.replace(/\.(mvt|pbf)$/, "") });
  if (!address.success) return jsonError(400, `bad tile address: ${address.error.issues.map((i) => i.message).join("; ")}`);
  let filter;
  try {
    filter = decodeFilterParam(new URL(req.url).searchParams.get("f"));
  } catch (e) {
    return jsonError(400, `bad filter: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const { db, user } = await requestUser(req);
    if (!user) return jsonError(401, "please log in");
    const tile = await renderTile(db, user, address.data, filter);
    return new Response(tile as BodyInit, {
      headers: {
        "content-type": "application/vnd.mapbox-vector-tile",
        // Tiles carry the user's scope: never cache them in a shared cache.
        "cache-control": "private, max-age=30",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
