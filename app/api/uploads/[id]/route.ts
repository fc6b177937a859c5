import { z } from "zod";
import { MAX_CHUNK_BYTES, uploadChunkHeadersSchema } from "@/configs/contracts/uploads";
import { describeIssues } from "@/configs/zod-issues";
import { csrfRefusal, errorResponse, jsonError, requestUser } from "@/server/http";
import { appendChunk, uploadState } from "@/server/services/uploads";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };
const idSchema = z.string().uuid();

// HEAD: how many bytes of this upload the server holds (upload-offset), so a tablet resumes there.
export async function HEAD(req: Request, { params }: Params) {
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return new Response(null, { status: 400 });
  try {
    const { db, user } = await requestUser(req);
    if (!user) return new Response(null, { status: 401 });
    const state = await uploadState(db, user, id.data);
    return new Response(null, { headers: { "upload-offset": String(state.receivedBytes), "upload-length": String(state.totalBytes), "upload-complete": String(state.complete), "cache-control": "no-store" } });
  } catch (e) {
    return new Response(null, { status: errorResponse(e).status });
  }
}

// PUT: one chunk at upload-offset. Headers carry the file's metadata; the body is the chunk's bytes.
export async function PUT(req: Request, { params }: Params) {
  const refusal = csrfRefusal(req, "upload");
  if (refusal) return jsonError(403, refusal);
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return jsonError(400, "not an upload id");
  const h = req.headers;
  const meta = uploadChunkHeadersSchema.safeParse({
    claimId: h.get("x-claim-id"), mime: h.get("content-type"), page: h.get("x-page"), totalBytes: h.get("upload-length"), offset: h.get("upload-offset"), sha256: h.get("x-sha256"),
  });
  if (!meta.success) return jsonError(400, describeIssues(meta.error));
  const declared = Number(h.get("content-length") ?? "0");
  if (declared > MAX_CHUNK_BYTES) return jsonError(413, `a chunk may be at most ${MAX_CHUNK_BYTES} bytes`);
  try {
    const { db, user } = await requestUser(req);
    if (!user) return jsonError(401, "please log in");
    const chunk = new Uint8Array(await req.arrayBuffer());
    if (chunk.byteLength > MAX_CHUNK_BYTES) return jsonError(413, `a chunk may be at most ${MAX_CHUNK_BYTES} bytes`);
    const state = await appendChunk(db, user, id.data, meta.data, chunk);
    if (state.checksumMismatch) return Response.json({ ...state, error: "the file did not match its sha256 and was discarded: upload it again from the start" }, { status: 422 });
    return Response.json(state, { headers: { "upload-offset": String(state.receivedBytes), "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
