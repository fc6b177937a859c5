import { fieldArea } from "@/server/services/field-area";
import { authedProcedure, router } from "@/server/trpc";

// What a field tablet downloads to work offline.
export const fieldRouter = router({
  area: authedProcedure.query(({ ctx }) => fieldArea(ctx.db, ctx.user)),
});
