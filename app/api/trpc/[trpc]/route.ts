import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDatabase } from "@/server/db";
import { csrfRefusal, jsonError } from "@/server/http";
import { appRouter } from "@/server/routers";
import { createContext } from "@/server/trpc";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handler(req: Request): Promise<Response> {
  const refusal = csrfRefusal(req);
  if (refusal) return jsonError(403, refusal);
  const { db } = await getDatabase();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext(db, req, resHeaders),
  });
}

export { handler as GET, handler as POST };
