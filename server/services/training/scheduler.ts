// The training queue's worker. Every tick it follows the runs that are running (progress, cancel,
// finish: register the model, run the gates, publish when asked; a lost run is resumed from its
// checkpoint), then starts queued runs while their launcher has free slots. The queue is the
// training_runs table, so a restarted server picks up exactly where the last one was.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { TrainerConfig } from "@/configs/ner";
import { FIELD_MODEL_NAME } from "@/configs/models";
import { rows, type Db } from "@/server/db/client";
import { messageOf } from "../errors";
import { publishModel, registerModel, type RegistryContext } from "../models/registry";
import { recordAdminAction } from "./audit";
import { getDatasetVersion, snapshotDataset } from "./datasets";
import type { Launchers } from "./launchers";
import type { JobSpec } from "./launchers/types";
import { getRun, overallProgress, type TrainingRun } from "./runs";

// A run that keeps getting lost (its host keeps dying) stops being resumed after this many attempts.
const MAX_ATTEMPTS = 3;

export type SchedulerDeps = { db: Db; launchers: Launchers; registry: () => Promise<RegistryContext>; log?: (message: string) => void };

function jobOf(run: TrainingRun): JobSpec {
  const teacherDir = run.teacherFrom ? run.summary?.teacherDir as string | undefined : undefined;
  return {
    runId: run.id,
    localRunDir: run.runDir,
    configFile: `${run.runDir}.config.json`,
    datasetDir: (run.summary?.datasetDir as string | undefined) ?? null,
    teacherRunDir: teacherDir ?? null,
  };
}

async function setRun(db: Db, id: string, fields: Record<string, unknown>) {
  const sets = Object.entries(fields).map(([k, v]) => {
    const column = sql.raw(k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    if (v === "now()") return sql`${column} = now()`;
    return typeof v === "object" && v !== null ? sql`${column} = ${JSON.stringify(v)}::jsonb` : sql`${column} = ${v as string | number | null}`;
  });
  await db.execute(sql`UPDATE training_runs SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
}

/** After success: the package goes into the registry, through the integrity gates, and out to a channel if asked. */
async function finish(deps: SchedulerDeps, run: TrainingRun): Promise<void> {
  const registry = await deps.registry();
  const version = await registerModel(registry, null, { runDir: run.runDir, name: FIELD_MODEL_NAME });
  const summary: Record<string, unknown> = { ...run.summary, f1: version.metrics.onnx.test.overall.f1, quantizedBytes: version.metrics.onnx.quantizedBytes, latencyMs: version.metrics.onnx.latencyMsPerSentence };
  if (run.publishTo) {
    try {
      await publishModel(registry, null, { name: FIELD_MODEL_NAME, version: version.version, channel: run.publishTo, reason: `published by run ${run.id} (${run.trigger ?? "launched by an admin"})` });
      summary.published = run.publishTo;
    } catch (error) {
      summary.publishRefused = messageOf(error); // the gates said no: it stays a candidate
    }
  }
  await setRun(deps.db, run.id, { state: "succeeded", modelVersion: version.version, summary, progress: 1, finishedAt: "now()" });
  await recordAdminAction(deps.db, null, "run.succeeded", run.id, { modelVersion: version.version, ...summary });
}

async function follow(deps: SchedulerDeps, run: TrainingRun): Promise<void> {
  const launcher = deps.launchers[run.launcher];
  if (!launcher || !run.externalId) return setRun(deps.db, run.id, { state: "failed", error: `the ${run.launcher} launcher is not configured here any more`, finishedAt: "now()" });
  const job = jobOf(run);
  if (run.cancelRequested) await launcher.cancel(job, run.externalId).catch(() => {});
  const status = await launcher.poll(job, run.externalId);
  const { stage, progress } = overallProgress(status.metrics, status.run?.completed_stages ?? []);
  if (run.launcher !== "local") {
    // Remote runs: keep their metrics beside the run so the console draws the curves as they come.
    mkdirSync(run.runDir, { recursive: true });
    writeFileSync(path.join(run.runDir, "metrics.jsonl"), status.metrics.map((m) => JSON.stringify(m)).join("\n") + "\n");
  }
  await setRun(deps.db, run.id, { stage, progress: status.state === "succeeded" ? 1 : progress, heartbeatAt: "now()" });
  if (status.state === "running") return;
  if (status.state === "succeeded") {
    await launcher.collect(job, run.externalId);
    return finish(deps, run).catch((error: unknown) => setRun(deps.db, run.id, { state: "failed", error: `the model was not accepted: ${messageOf(error)}`, finishedAt: "now()" }));
  }
  if (status.state === "cancelled" || (status.state === "lost" && run.cancelRequested)) return setRun(deps.db, run.id, { state: "cancelled", finishedAt: "now()" });
  if (status.state === "failed") return setRun(deps.db, run.id, { state: "failed", error: status.error ?? "the trainer failed", finishedAt: "now()" });
  // Lost: nothing runs it. Resume from the last checkpoint, a few times at most.
  if (run.attempts >= MAX_ATTEMPTS) return setRun(deps.db, run.id, { state: "failed", error: `the run stopped ${run.attempts} times without finishing${status.error ? `: ${status.error}` : ""}`, finishedAt: "now()" });
  deps.log?.(`run ${run.id} was lost (${status.error ?? "no process"}); resuming from its checkpoint`);
  const { externalId } = await launcher.start(job, status.run !== null);
  await setRun(deps.db, run.id, { externalId, attempts: run.attempts + 1 });
}

async function start(deps: SchedulerDeps, run: TrainingRun): Promise<void> {
  const launcher = deps.launchers[run.launcher]!;
  const summary: Record<string, unknown> = { ...run.summary };
  if (run.teacherFrom) {
    const [kind, id] = run.teacherFrom.split(":") as ["run" | "base", string];
    const [source] = kind === "run"
      ? await rows<{ dir: string; dataset: string | null }>(deps.db, sql`SELECT run_dir AS dir, dataset_version AS dataset FROM training_runs WHERE id = ${id}`)
      : await rows<{ dir: string; dataset: string | null }>(deps.db, sql`SELECT dir, NULL AS dataset FROM base_models WHERE id = ${id}`);
    summary.teacherDir = source!.dir;
    if (source!.dataset) await setRun(deps.db, run.id, { datasetVersion: source!.dataset });
  } else {
    // Exactly one dataset version per run: the one asked for, or a snapshot taken now.
    const version = run.datasetVersion ? await getDatasetVersion(deps.db, run.datasetVersion) : await snapshotDataset(deps.db, null, run.config);
    summary.datasetDir = version.dir;
    await setRun(deps.db, run.id, { datasetVersion: version.version });
  }
  mkdirSync(path.dirname(run.runDir), { recursive: true });
  writeFileSync(`${run.runDir}.config.json`, JSON.stringify(run.config satisfies TrainerConfig));
  const fresh = { ...run, summary };
  const { externalId } = await launcher.start(jobOf(fresh), false);
  await setRun(deps.db, run.id, { state: "running", externalId, summary, startedAt: "now()", heartbeatAt: "now()", attempts: 1 });
}

let ticking = false;

/** One pass over the queue. Safe to call often: passes never overlap within a process. */
export async function tick(deps: SchedulerDeps): Promise<void> {
  if (ticking) return;
  ticking = true;
  try {
    const running = await rows<{ id: string }>(deps.db, sql`SELECT id FROM training_runs WHERE state = 'running' ORDER BY created_at`);
    for (const { id } of running) {
      const run = await getRun(deps.db, id);
      await follow(deps, run).catch((error: unknown) => deps.log?.(`run ${id}: ${messageOf(error)}`));
    }
    const queued = await rows<{ id: string; launcher: string }>(deps.db, sql`SELECT id, launcher FROM training_runs WHERE state = 'queued' ORDER BY created_at`);
    for (const { id, launcher: kind } of queued) {
      const launcher = deps.launchers[kind as keyof Launchers];
      const [{ n } = { n: 0 }] = await rows<{ n: number }>(deps.db, sql`SELECT count(*)::int AS n FROM training_runs WHERE state = 'running' AND launcher = ${kind}`);
      if (!launcher || n >= launcher.slots) continue; // one run per slot (GPU); it waits its turn
      const run = await getRun(deps.db, id);
      await start(deps, run).catch((error: unknown) =>
        setRun(deps.db, id, { state: "failed", error: `could not start: ${messageOf(error)}`, finishedAt: "now()" }));
    }
  } finally {
    ticking = false;
  }
}

/** Ticks every `intervalMs` until stopped. */
export function runScheduler(deps: SchedulerDeps, intervalMs: number): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const loop = async () => {
    if (stopped) return;
    await tick(deps).catch((error: unknown) => deps.log?.(`scheduler: ${messageOf(error)}`));
    if (!stopped) timer = setTimeout(loop, intervalMs);
  };
  void loop();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

export { getRun };
