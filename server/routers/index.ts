import { createCallerFactory, router } from "@/server/trpc";
import { authRouter } from "./auth";
import { claimsRouter } from "./claims";
import { geoRouter } from "./geo";

export const appRouter = router({ auth: authRouter, claims: claimsRouter, geo: geoRouter });
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
