import { deviceHeartbeatSchema } from "@/configs/training";
import { fieldArea } from "@/server/services/field-area";
import { recordHeartbeat } from "@/server/services/training/devices";
import { authedProcedure, router } from "@/server/trpc";

// What a field tablet downloads to work offline, and how it reports itself.
export const fieldRouter = router({
  area: authedProcedure.query(({ ctx }) => fieldArea(ctx.db, ctx.user)),
  heartbeat: authedProcedure.input(deviceHeartbeatSchema).mutation(({ ctx, input }) => recordHeartbeat(ctx.db, ctx.user, input)),
});
