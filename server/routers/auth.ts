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
      const userId = await checkCredentials(ctx.db, input.username, input.password);
      if (!userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "wrong username or password" });
      const { token, expiresAt } = await createSession(ctx.db, userId, readServerEnv().FRA_SESSION_DAYS);
      ctx.resHeaders.append("set-cookie", sessionCookie(token, expiresAt, ctx.secureCookies));
      return { ok: true };
    }),
  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.db, ctx.sessionToken);
    ctx.resHeaders.append("set-cookie", clearedSessionCookie());
    return { ok: true };
  }),
  me: publicProcedure.query(({ ctx }) => ctx.user),
});
