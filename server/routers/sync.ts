import { syncPullInputSchema, syncPushInputSchema } from "@/configs/contracts/sync";
import { pullChanges, pushRecords } from "@/server/services/sync";
import { authedProcedure, router } from "@/server/trpc";

export const syncRouter = router({
  push: authedProcedure.input(syncPushInputSchema).mutation(({ ctx, input }) => pushRecords(ctx.db, ctx.user, input)),
  pull: authedProcedure.input(syncPullInputSchema).query(({ ctx, input }) => pullChanges(ctx.db, ctx.user, input)),
});
