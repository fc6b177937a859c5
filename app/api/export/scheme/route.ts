// GET /api/export/scheme?scheme=pm_kisan[&districtId=N]: a scheme's list of title holders, as CSV, for its
// line department (server/services/scheme-list.ts).
import { z } from "zod";
import { SCHEMES } from "@/configs/schemes";
import { DISTRICT_OFFICE_ROLES } from "@/configs/workflow";
import { errorResponse, jsonError, requestUser, streamedDownload } from "@/server/http";
import { schemeListCsv } from "@/server/services/scheme-list";
import { requireRole } from "@/server/services/scope";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const querySchema = z.object({
  scheme: z.enum(SCHEMES, { message: `scheme must be one of ${SCHEMES.join(", ")}` }),
  districtId: z.coerce.number().int().positive("districtId must be a district's number").optional(),
}).strict();

export async function GET(req: Request) {
  const query = querySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return jsonError(400, query.error.issues.map((i) => i.message).join("; "));
  try {
    const { db, user } = await requestUser(req);
    if (!user) return jsonError(401, "please log in");
    requireRole(user, DISTRICT_OFFICE_ROLES); // lists go to line departments from the district office
    const stamp = new Date().toISOString().slice(0, 10);
    return streamedDownload(schemeListCsv(db, user, query.data.scheme, query.data.districtId), "text/csv; charset=utf-8", `fra-titles-${query.data.scheme}-${stamp}.csv`);
  } catch (e) {
    return errorResponse(e);
  }
}
