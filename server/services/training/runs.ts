// Training runs as admins see them: launch (validated into a full trainer config and queued), cancel,
// and read back with progress, loss and F1 curves, and the log's tail. The scheduler does the running.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { trainerConfigSchema, type MetricsLine, type TrainerConfig } from "@/configs/ner";
import type { LaunchRunInput, RunState } from "@/configs/training";
import { describeIssues } from "@/configs/zod-issues";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { DomainError } from "../errors";
import { requireRole } from "../scope";
import { recordAdminAction } from "./audit";
import { trainingDir } from "./datasets";
import type { Launchers } from "./launchers";
import { readIfThere, readRunFolder } from "./launchers/run-files";

export type TrainingRun = {
  id: string;
  kind: "train" | "distill";
  config: TrainerConfig;
  launcher: "local" | "ssh" | "ray";
  state: RunState;
  stage: string | null;
  progress: number;
  datasetVersion: string | null;
  teacherFrom: string | null;
  runDir: string;
  externalId: string | null;
  attempts: number;
  cancelRequested: boolean;
  error: string | null;
  modelVersion: number | null;
  summary: Record<string, unknown> | null;
  publishTo: "beta" | "stable" | null;
  trigger: string | null;
  launchedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

const runColumns = sql`r.id, r.kind, r.config, r.launcher, r.state, r.stage, r.progress, r.dataset_version AS "datasetVersion", r.teacher_from AS "teacherFrom",
  r.run_dir AS "runDir", r.external_id AS "externalId", r.attempts, r.cancel_requested = 1 AS "cancelRequested", r.error, r.model_version AS "modelVersion",
  r.summary, r.publish_to AS "publishTo", r.trigger, u.display_name AS "launchedBy", r.created_at::text AS "createdAt", r.started_at::text AS "startedAt", r.finished_at::text AS "finishedAt"`;

// The keys that must match between a teacher and a distillation reusing it (the trainer checks them too).
const TEACHER_KEYS = ["seed", "train_examples", "eval_examples", "vocab_size", "max_length", "teacher"] as const;

function presetConfig(preset: string): TrainerConfig {
  return trainerConfigSchema.parse(JSON.parse(readFileSync(path.resolve("trainer", "presets", `${preset}.json`), "utf8")));
}

/** The teacher a distillation starts from: a finished run of this server, or a downloaded base model. */
async function teacherSource(db: Db, from: NonNullable<LaunchRunInput["teacherFrom"]>): Promise<{ label: string; dir: string; config: TrainerConfig }> {
  if ("run" in from) {
    const [run] = await rows<{ state: string; run_dir: string; config: TrainerConfig }>(db, sql`SELECT state, run_dir, config FROM training_runs WHERE id = ${from.run}`);
    if (!run) throw new DomainError("BAD_REQUEST", `no training run ${from.run}`);
    if (run.state !== "succeeded" || !existsSync(path.join(run.run_dir, "models", "teacher.pt"))) throw new DomainError("BAD_REQUEST", `run ${from.run} has no trained teacher (it is ${run.state})`);
    return { label: `run:${from.run}`, dir: run.run_dir, config: run.config };
  }
  const [base] = await rows<{ state: string; dir: string | null }>(db, sql`SELECT state, dir FROM base_models WHERE id = ${from.baseModel}`);
  if (!base || base.state !== "ready" || !base.dir) throw new DomainError("BAD_REQUEST", `base model ${from.baseModel} is not downloaded and verified`);
  const config = trainerConfigSchema.parse((JSON.parse(readFileSync(path.join(base.dir, "run.json"), "utf8")) as { config: unknown }).config);
  return { label: `base:${from.baseModel}`, dir: base.dir, config };
}

export async function launchRun(db: Db, actor: SessionUser | null, input: LaunchRunInput, launchers: Launchers, trigger: string | null = null): Promise<TrainingRun> {
  if (actor) requireRole(actor, ["admin"]);
  if (!launchers[input.launcher]) throw new DomainError("BAD_REQUEST", `the ${input.launcher} launcher is not configured on this server (FRA_LAUNCHERS)`);
  const base = presetConfig(input.preset);
  let config: Record<string, unknown> = {
    ...base,
    ...(input.teacher ? { teacher: input.teacher } : {}),
    ...(input.student ? { student: input.student } : {}),
    ...(input.teacherEpochs ? { teacher_epochs: input.teacherEpochs } : {}),
    ...(input.studentEpochs ? { student_epochs: input.studentEpochs } : {}),
    ...(input.learningRate ? { learning_rate: input.learningRate } : {}),
    ...(input.temperature ? { temperature: input.temperature } : {}),
    ...(input.alpha !== undefined ? { alpha: input.alpha } : {}),
    ...(input.unlabeledExamples !== undefined ? { unlabeled_examples: input.unlabeledExamples } : {}),
    // A GPU preset on the CPU host would fail at start: the local launcher uses whatever the host has.
    device: input.launcher === "local" ? "auto" : base.device,
  };
  let teacher: Awaited<ReturnType<typeof teacherSource>> | null = null;
  if (input.teacherFrom) {
    teacher = await teacherSource(db, input.teacherFrom);
    for (const key of TEACHER_KEYS) config[key] = teacher.config[key];
  }
  const parsed = trainerConfigSchema.safeParse(config);
  if (!parsed.success) throw new DomainError("BAD_REQUEST", `the run's config is invalid: ${describeIssues(parsed.error)}`);
  config = parsed.data;
  if (input.datasetVersion) {
    const [known] = await rows(db, sql`SELECT 1 FROM dataset_versions WHERE version = ${input.datasetVersion}`);
    if (!known) throw new DomainError("BAD_REQUEST", `no dataset version ${input.datasetVersion}`);
  }
  const id = crypto.randomUUID();
  const runDir = path.join(trainingDir(), "runs", id);
  await db.execute(sql`INSERT INTO training_runs (id, kind, config, launcher, state, dataset_version, teacher_from, run_dir, publish_to, trigger, launched_by)
    VALUES (${id}, ${input.kind}, ${JSON.stringify(config)}::jsonb, ${input.launcher}, 'queued', ${input.datasetVersion ?? null}, ${teacher?.label ?? null},
      ${runDir}, ${input.publishTo}, ${trigger}, ${actor?.id ?? null})`);
  await recordAdminAction(db, actor, trigger ? "run.auto_launch" : "run.launch", id, { kind: input.kind, preset: input.preset, launcher: input.launcher, trigger, publishTo: input.publishTo });
  return getRun(db, id);
}

async function selectRuns(db: Db, rest: SQL): Promise<TrainingRun[]> {
  const found = await rows<TrainingRun>(db, sql`SELECT ${runColumns} FROM training_runs r LEFT JOIN users u ON u.id = r.launched_by ${rest}`);
  return found.map((r) => ({ ...r, progress: Number(r.progress) }));
}

export async function getRun(db: Db, id: string): Promise<TrainingRun> {
  const [run] = await selectRuns(db, sql`WHERE r.id = ${id}`);
  if (!run) throw new DomainError("NOT_FOUND", `no training run ${id}`);
  return run;
}

export async function listRuns(db: Db, actor: SessionUser, limit = 50): Promise<TrainingRun[]> {
  requireRole(actor, ["admin"]);
  return selectRuns(db, sql`ORDER BY r.created_at DESC LIMIT ${limit}`);
}

export async function cancelRun(db: Db, actor: SessionUser, id: string, reason: string): Promise<TrainingRun> {
  requireRole(actor, ["admin"]);
  const run = await getRun(db, id);
  if (run.state !== "queued" && run.state !== "running") throw new DomainError("CONFLICT", `run ${id} is ${run.state}: only a queued or running run can be cancelled`);
  // A queued run is cancelled here; a running one when the scheduler next reaches it (the trainer keeps a checkpoint).
  await db.execute(sql`UPDATE training_runs SET cancel_requested = 1,
      state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END, finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END
    WHERE id = ${id}`);
  await recordAdminAction(db, actor, "run.cancel", id, { reason });
  return getRun(db, id);
}

// Weights of the trainer's stages in a run's overall progress (the training stages dominate).
const STAGE_WEIGHTS: Record<string, number> = { dataset: 0.03, tokenizer: 0.02, teacher: 0.45, student: 0.2, baseline: 0.2, export: 0.03, quantize: 0.02, evaluate: 0.04, package: 0.01 };

export function overallProgress(metrics: readonly MetricsLine[], completed: readonly string[]): { stage: string | null; progress: number } {
  const last = metrics.at(-1);
  const done = completed.reduce((a, s) => a + (STAGE_WEIGHTS[s] ?? 0), 0);
  const current = last && !completed.includes(last.stage) ? (STAGE_WEIGHTS[last.stage] ?? 0) * last.progress : 0;
  return { stage: last?.stage ?? null, progress: Math.min(1, Math.round((done + current) * 1000) / 1000) };
}

export type RunCurves = Record<string, { loss: Array<[number, number]>; valF1: Array<[number, number]> }>;

/** Loss per step and validation F1 per epoch, for each trained model of the run. */
export function curves(metrics: readonly MetricsLine[]): RunCurves {
  const out: RunCurves = {};
  for (const m of metrics) {
    if (!["teacher", "student", "baseline"].includes(m.stage) || !m.metrics) continue;
    const c = (out[m.stage] ??= { loss: [], valF1: [] });
    if (m.event === "progress" && m.step !== undefined && m.metrics.loss !== undefined) c.loss.push([m.step, m.metrics.loss]);
    if (m.event === "epoch" && m.epoch !== undefined && m.metrics.val_f1 !== undefined) c.valF1.push([m.epoch, m.metrics.val_f1]);
  }
  return out;
}

export async function runDetail(db: Db, actor: SessionUser, id: string) {
  requireRole(actor, ["admin"]);
  const run = await getRun(db, id);
  const { metrics } = readRunFolder(run.runDir);
  const log = readIfThere(`${run.runDir}.log`)?.trim().split("\n").slice(-40) ?? ((run.summary?.logTail as string[] | undefined) ?? []);
  const stages = metrics.filter((m) => m.event === "end").map((m) => ({ stage: m.stage, seconds: m.metrics?.seconds ?? null }));
  return { run, curves: curves(metrics), stages, log, messages: metrics.filter((m) => m.message).map((m) => `${m.time} ${m.stage}: ${m.message}`) };
}
