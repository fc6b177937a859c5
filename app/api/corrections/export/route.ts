import { z } from "zod";
import { errorResponse, jsonError, requestUser } from "@/server/http";
import { correctionRows, toJsonl } from "@/server/services/corrections";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Admins download field corrections as the trainer's JSONL (`npm run train -- run --corrections FILE`).
export async function GET(req: Request) {
  const status = z.enum(["new", "accepted", "all"]).safeParse(new URL(req.url).searchParams.get("status") ?? "accepted");
  if (!status.success) return jsonError(400, "status must be new, accepted or all");
  try {
    const { db, user } = await requestUser(req);
    if (!user) return jsonError(401, "please log in");
    const body = toJsonl(await correctionRows(db, user, status.data));
    return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "content-disposition": 'attachment; filename="fra-corrections.jsonl"', "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
