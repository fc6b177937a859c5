import { sql } from "drizzle-orm";
import { z } from "zod";
import { rows } from "@/server/db/client";
import { errorResponse, jsonError, requestUser } from "@/server/http";
import { scopeCondition } from "@/server/services/scope";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A scanned page of a claim, only to users who may see that claim.
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.string().uuid().safeParse((await params).id);
  if (!id.success) return jsonError(400, "not a document id");
  try {
    const { db, user } = await requestUser(req);
    if (!user) return jsonError(401, "please log in");
    const [doc] = await rows<{ mime: string; bytes: Uint8Array; sha256: string }>(
      db,
      sql`SELECT d.mime, d.bytes, d.sha256 FROM claim_documents d JOIN claims c ON c.id = d.claim_id
          WHERE d.id = ${id.data} AND ${scopeCondition(user)}`,
    );
    if (!doc) return jsonError(404, "no such document in your districts");
    const etag = `"${doc.sha256}"`;
    if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(new Uint8Array(doc.bytes) as BodyInit, {
      headers: { "content-type": doc.mime, etag, "cache-control": "private, max-age=3600", "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
