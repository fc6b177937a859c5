import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { readServerEnv } from "@/configs/server";
import { checkCredentials } from "@/server/auth/login";
import { clearedSessionCookie, createSession, deleteSession, sessionCookie } from "@/server/auth/session";
import { authedProcedure, publicProcedure, router } from "@/server/trpc";

export const authRouter = router({
  login: publicProcedure
    .input(z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }).strict())
    .mutation(async ({ ctx, input }) => {
      const user = await checkCredentials(ctx.db, input.username, input.password);
      if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "wrong username or password" });
      const { token, expiresAt } = await createSession(ctx.db, user.id, readServerEnv().FRA_SESSION_DAYS);
      ctx.resHeaders.append("set-cookie", sessionCookie(token, expiresAt, ctx.secureCookies));
      // Where the user starts: field staff in the field app (the review map is one link away), others on the map.
      return { ok: true, home: user.role === "field_staff" ? "/field" : "/" };
    }),
  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.db, ctx.sessionToken);
    ctx.resHeaders.append("set-cookie", clearedSessionCookie());
    return { ok: true };
  }),
  me: publicProcedure.query(({ ctx }) => ctx.user),
});
