import { z } from "zod";
import { errorResponse, filterFromRequest, jsonError, requestUser, streamedDownload } from "@/server/http";
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
    const stamp = new Date().toISOString().slice(0, 10);
    return format.data === "csv"
      ? streamedDownload(exportCsv(db, user, filter), "text/csv; charset=utf-8", `fra-claims-${stamp}.csv`)
      : streamedDownload(exportGeoJson(db, user, filter), "application/geo+json", `fra-claims-${stamp}.geojson`);
  } catch (e) {
    return errorResponse(e);
  }
}
