import { z } from "zod";
import { addDatasetSourceInputSchema, downloadBaseModelInputSchema, launchRunInputSchema, retrainTriggersSchema } from "@/configs/training";
import { modelNameSchema, FIELD_MODEL_NAME } from "@/configs/models";
import { readServerEnv } from "@/configs/server";
import { modelRegistry } from "@/server/services/models";
import { compareWithStable } from "@/server/services/models/compare";
import { requireRole } from "@/server/services/scope";
import { serverLaunchers } from "@/server/services/training";
import { adminLog } from "@/server/services/training/audit";
import { downloadBaseModel, listBaseModels } from "@/server/services/training/base-models";
import { listCorrections, reviewCorrections } from "@/server/services/training/corrections-review";
import { listDatasetVersions, snapshotDataset } from "@/server/services/training/datasets";
import { listDevices } from "@/server/services/training/devices";
import { addDatasetSource, listDatasetSources } from "@/server/services/training/ingest";
import { cancelRun, launchRun, listRuns, runDetail } from "@/server/services/training/runs";
import { evaluateTriggers, getTriggers, setTriggers } from "@/server/services/training/triggers";
import { authedProcedure, router } from "@/server/trpc";
import { trainerConfigSchema } from "@/configs/ner";
import { readFileSync } from "node:fs";
import path from "node:path";

// The admin console: training runs, datasets, corrections, triggers, devices, the admin log. Admin-only,
// checked in every service call (and here for the reads that are not).
const admin = authedProcedure.use(({ ctx, next }) => {
  requireRole(ctx.user, ["admin"]);
  return next();
});

export const adminRouter = router({
  overview: admin.query(async ({ ctx }) => ({
    launchers: Object.fromEntries(Object.entries(serverLaunchers()).map(([k, l]) => [k, { slots: l!.slots }])),
    mirror: Boolean(readServerEnv().FRA_MODEL_MIRROR),
  })),
  runs: admin.query(({ ctx }) => listRuns(ctx.db, ctx.user)),
  run: admin.input(z.object({ id: z.string().uuid() }).strict()).query(({ ctx, input }) => runDetail(ctx.db, ctx.user, input.id)),
  launch: admin.input(launchRunInputSchema).mutation(({ ctx, input }) => launchRun(ctx.db, ctx.user, input, serverLaunchers())),
  cancel: admin.input(z.object({ id: z.string().uuid(), reason: z.string().trim().min(3).max(500) }).strict()).mutation(({ ctx, input }) => cancelRun(ctx.db, ctx.user, input.id, input.reason)),
  compare: admin
    .input(z.object({ name: modelNameSchema.default(FIELD_MODEL_NAME), version: z.number().int().positive() }).strict())
    .query(async ({ ctx, input }) => compareWithStable(await modelRegistry(ctx.db), ctx.user, input.name, input.version)),
  datasets: admin.query(({ ctx }) => listDatasetVersions(ctx.db, ctx.user)),
  snapshot: admin.input(z.object({ preset: z.enum(["tiny", "default", "full"]) }).strict()).mutation(({ ctx, input }) =>
    snapshotDataset(ctx.db, ctx.user, trainerConfigSchema.parse(JSON.parse(readFileSync(path.resolve("trainer", "presets", `${input.preset}.json`), "utf8"))))),
  sources: admin.query(({ ctx }) => listDatasetSources(ctx.db, ctx.user)),
  addSource: admin.input(addDatasetSourceInputSchema).mutation(({ ctx, input }) => addDatasetSource(ctx.db, ctx.user, input)),
  baseModels: admin.query(({ ctx }) => listBaseModels(ctx.db, ctx.user)),
  downloadBaseModel: admin.input(downloadBaseModelInputSchema).mutation(({ ctx, input }) => downloadBaseModel(ctx.db, ctx.user, input, readServerEnv().FRA_MODEL_MIRROR)),
  corrections: admin.input(z.object({ status: z.enum(["new", "accepted", "rejected"]).default("new") }).strict()).query(({ ctx, input }) => listCorrections(ctx.db, ctx.user, input.status)),
  reviewCorrections: admin
    .input(z.object({ ids: z.array(z.string().uuid()).min(1).max(500), status: z.enum(["accepted", "rejected"]) }).strict())
    .mutation(({ ctx, input }) => reviewCorrections(ctx.db, ctx.user, input)),
  triggers: admin.query(async ({ ctx }) => {
    const settings = await getTriggers(ctx.db);
    return { settings, results: await evaluateTriggers(ctx.db, settings) };
  }),
  setTriggers: admin.input(retrainTriggersSchema).mutation(({ ctx, input }) => setTriggers(ctx.db, ctx.user, input)),
  devices: admin.query(({ ctx }) => listDevices(ctx.db, ctx.user)),
  log: admin.query(({ ctx }) => adminLog(ctx.db)),
});
