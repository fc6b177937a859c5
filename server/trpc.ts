// tRPC setup: the context carries the database and the session user; services' DomainErrors become
// tRPC errors with the same message. Authorization is checked inside each procedure (scope SQL and
// requireRole in the services); the middleware here only insists on a login.
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { readServerEnv } from "@/configs/server";
import { sessionFromCookies, type SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db/client";
import { DomainError } from "@/server/services/errors";

export type Context = { db: Db; user: SessionUser | null; sessionToken: string | null; resHeaders: Headers; secureCookies: boolean };

export async function createContext(db: Db, req: Request, resHeaders: Headers): Promise<Context> {
  const { token, user } = await sessionFromCookies(db, req.headers.get("cookie"), readServerEnv().FRA_SESSION_DAYS);
  return { db, user, sessionToken: token, resHeaders, secureCookies: new URL(req.url).protocol === "https:" };
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`) : null;
    return { ...shape, message: zod ? `invalid input: ${zod.join("; ")}` : shape.message, data: { ...shape.data, zodIssues: zod } };
  },
});

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw new TRPCError({ code: result.error.cause.code, message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "please log in" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});
