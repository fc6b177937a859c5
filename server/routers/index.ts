import { createCallerFactory, router } from "@/server/trpc";
import { adminRouter } from "./admin";
import { authRouter } from "./auth";
import { claimsRouter } from "./claims";
import { fieldRouter } from "./field";
import { geoRouter } from "./geo";
import { modelsRouter } from "./models";
import { syncRouter } from "./sync";

export const appRouter = router({ admin: adminRouter, auth: authRouter, claims: claimsRouter, field: fieldRouter, geo: geoRouter, models: modelsRouter, sync: syncRouter });
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
