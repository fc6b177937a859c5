import { z } from "zod";
import { errorResponse, filterFromRequest, jsonError, requestUser } from "@/server/http";
import { exportCsv, exportGeoJson } from "@/server/services/export";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const formatSchema = z.enum(["csv", "geojson"]);

export async function GET(req: Request) {
  const url = new URL(req.url);
  const format = formatSchema.safeParse(url.searchParams.get("format"));
  if (!format.success) return jsonError(400, "format must be csv or geojson");
  const filter = filterFromRequest(req);
  if (filter instanceof Response) return filter;
  try {
    const { db, user } = await requestUser(req);
    if (!user) return jsonError(401, "please log in");
    const chunks = format.data === "csv" ? exportCsv(db, user, filter) : exportGeoJson(db, user, filter);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      cancel() {
        void chunks.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "content-type": format.data === "csv" ? "text/csv; charset=utf-8" : "application/geo+json",
        "content-disposition": `attachment; filename="fra-claims-${stamp}.${format.data === "csv" ? "csv" : "geojson"}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
