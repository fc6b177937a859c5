// Helpers for the route handlers: who is asking, and is a state-changing request really from our pages.
import { readServerEnv } from "@/configs/server";
import { decodeFilterParam, type ClaimFilter } from "@/configs/contracts/claims";
import { sessionFromCookies, type SessionUser } from "@/server/auth/session";
import { getDatabase } from "@/server/db";
import type { Db } from "@/server/db/client";
import { DomainError, HTTP_STATUS, messageOf } from "@/server/services/errors";

export async function requestUser(req: Request): Promise<{ db: Db; user: SessionUser | null }> {
  const { db } = await getDatabase();
  const { user } = await sessionFromCookies(db, req.headers.get("cookie"), readServerEnv().FRA_SESSION_DAYS);
  return { db, user };
}

/** The claim filter in an `f` query parameter, or what is wrong with it. */
export function readFilterParam(param: string | null): { filter: ClaimFilter } | { refusal: string } {
  try {
    return { filter: decodeFilterParam(param) };
  } catch (e) {
    return { refusal: `bad filter: ${messageOf(e)}` };
  }
}

/** The claim filter in the `f` query parameter, or a 400 response saying what is wrong with it. */
export function filterFromRequest(req: Request): ClaimFilter | Response {
  const read = readFilterParam(new URL(req.url).searchParams.get("f"));
  return "filter" in read ? read.filter : jsonError(400, read.refusal);
}

/**
 * CSRF defence for mutations: a JSON content type, or for binary uploads the custom x-fra-upload header
 * (a cross-site form can send neither without a preflight), and an Origin equal to ours. Returns the
 * reason to refuse, or null.
 */
export function csrfRefusal(req: Request, kind: "json" | "upload" = "json"): string | null {
  if (req.method === "GET" || req.method === "HEAD") return null;
  const type = req.headers.get("content-type") ?? "";
  if (kind === "json" && !type.toLowerCase().startsWith("application/json")) return "mutations must be sent as application/json";
  if (kind === "upload" && req.headers.get("x-fra-upload") !== "1") return "uploads must carry the x-fra-upload: 1 header";
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host) return "mutations must carry an Origin header";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "the Origin header is not a URL";
  }
  return originHost === host ? null : `cross-origin mutation from ${origin} refused`;
}

export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/** The status and message a client gets for an error: a domain error's own, 400 for bad input, else 500. */
export function errorStatus(error: unknown): { status: number; message: string } {
  if (error instanceof DomainError) return { status: HTTP_STATUS[error.code], message: error.message };
  if (error instanceof Error && error.name === "ZodError") return { status: 400, message: `invalid input: ${error.message}` };
  console.error(error);
  return { status: 500, message: "internal error" };
}

export function errorResponse(error: unknown): Response {
  const { status, message } = errorStatus(error);
  return jsonError(status, message);
}

/** A download streamed from text chunks as they come, never cached. */
export function streamedDownload(chunks: AsyncGenerator<string>, contentType: string, fileName: string): Response {
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
  return new Response(body, {
    headers: { "content-type": contentType, "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" },
  });
}
