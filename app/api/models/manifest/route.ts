import { modelChannelSchema } from "@/configs/models";
import { errorResponse, jsonError } from "@/server/http";
import { getDatabase } from "@/server/db";
import { modelRegistry } from "@/server/services/models";
import { buildSignedManifest } from "@/server/services/models/registry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The signed list of current models on a channel. Public: it names files, not people.
export async function GET(req: Request) {
  const channel = modelChannelSchema.safeParse(new URL(req.url).searchParams.get("channel") ?? "stable");
  if (!channel.success) return jsonError(400, "channel must be beta or stable");
  try {
    const { db, key } = await modelRegistry((await getDatabase()).db);
    return Response.json(await buildSignedManifest(db, key, channel.data), { headers: { "cache-control": "no-cache" } });
  } catch (e) {
    return errorResponse(e);
  }
}
