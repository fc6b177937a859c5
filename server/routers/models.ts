import { publishModelInputSchema, registerModelInputSchema, rollbackModelInputSchema, modelNameSchema, FIELD_MODEL_NAME } from "@/configs/models";
import { z } from "zod";
import { modelRegistry } from "@/server/services/models";
import { listModelVersions, publishModel, registerModel, rollbackModel } from "@/server/services/models/registry";
import { authedProcedure, router } from "@/server/trpc";

// Admin-only (checked in each service call): the registry's versions, channels, publishing and rollback.
export const modelsRouter = router({
  list: authedProcedure
    .input(z.object({ name: modelNameSchema.default(FIELD_MODEL_NAME) }).strict().default({ name: FIELD_MODEL_NAME }))
    .query(async ({ ctx, input }) => listModelVersions((await modelRegistry(ctx.db)).db, ctx.user, input.name)),
  register: authedProcedure.input(registerModelInputSchema).mutation(async ({ ctx, input }) => registerModel(await modelRegistry(ctx.db), ctx.user, input)),
  publish: authedProcedure.input(publishModelInputSchema).mutation(async ({ ctx, input }) => publishModel(await modelRegistry(ctx.db), ctx.user, input)),
  rollback: authedProcedure.input(rollbackModelInputSchema).mutation(async ({ ctx, input }) => rollbackModel(await modelRegistry(ctx.db), ctx.user, input)),
});
