// Training from the admin console on real parts: the queue in a real PGlite + PostGIS, the real Python
// trainer started by the local launcher, the real registry and gates, the signed manifest. Small model
// sizes keep each run to well under a minute on two cores.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LaunchRunInput } from "@/configs/training";
import { FIELD_MODEL_NAME } from "@/configs/models";
import { rows } from "@/server/db/client";
import { modelRegistry } from "@/server/services/models";
import { buildSignedManifest } from "@/server/services/models/registry";
import { launchersFrom } from "@/server/services/training/launchers";
import { getRun, launchRun } from "@/server/services/training/runs";
import type { SchedulerDeps } from "@/server/services/training/scheduler";
import { autoLaunch, evaluateTriggers, getTriggers, setTriggers, spanF1 } from "@/server/services/training/triggers";
import { verifySignedManifest } from "@/workers/models/trust";
import { callerFor, openTestDatabase } from "../helpers/db";
import { PYTHON } from "../helpers/trainer";
import { reached, settled, tickUntil } from "../helpers/training";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
let tmp: string;
let deps: SchedulerDeps;

export const SMALL: Partial<LaunchRunInput> = { teacher: { hidden: 32, layers: 1, heads: 2, ffn: 64 }, student: { hidden: 16, layers: 1, heads: 2, ffn: 32 }, teacherEpochs: 1, studentEpochs: 1 };

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "fra-training-"));
  process.env.FRA_TRAINING_DIR = path.join(tmp, "training");
  process.env.FRA_MODEL_STORE = path.join(tmp, "store");
  process.env.FRA_SIGNING_KEY = path.join(tmp, "keys", "signing.pem");
  env = await openTestDatabase();
  deps = { db: env.db, launchers: launchersFrom({ local: { slots: 1, python: PYTHON } }), registry: () => modelRegistry(env.db) };
  await modelRegistry(env.db); // the shipped model: v1 on both channels
}, 300_000);
afterAll(async () => {
  await env?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

const admin = () => callerFor(env.db, env.users.admin);


const alive = (pid: string | null) => pid !== null && spawnSync("kill", ["-0", pid]).status === 0 && !/ Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));

describe("training runs", () => {
  it("runs the tiny config with the local launcher on a fresh dataset snapshot, gates it, publishes it to beta and serves it in the manifest", async () => {
    // Two field corrections, one accepted: only the accepted one joins the snapshot.
    const [claim] = await rows<{ id: string }>(env.db, sql`SELECT id FROM claims WHERE tehsil_id = ${env.users.etapalli.tehsilIds[0]!} LIMIT 1`);
    for (const status of ["accepted", "new"]) {
      await env.db.execute(sql`INSERT INTO corrections (id, claim_id, text, predicted, corrected, model_version, mean_confidence, reviewer_id, status)
        VALUES (${crypto.randomUUID()}, ${claim!.id}, 'Village: Kotmi', '[]'::jsonb, '[{"start":9,"end":14,"label":"VILLAGE"}]'::jsonb, 1, 0.7, ${env.users.etapalli.id}, ${status})`);
    }
    const launched = await admin().admin.launch({ kind: "train", preset: "tiny", launcher: "local", ...SMALL, publishTo: "beta" });
    expect(launched).toMatchObject({ state: "queued", config: { teacher: { hidden: 32 }, teacher_epochs: 1, preset: "tiny" } });
    let sawProgress = false;
    const done = await tickUntil(env.db, deps, launched.id, (r) => {
      sawProgress ||= r.state === "running" && r.progress > 0 && r.progress < 1;
      return settled(r);
    });
    expect(done).toMatchObject({ state: "succeeded", progress: 1, modelVersion: 2, summary: { published: "beta" } });
    expect(sawProgress).toBe(true);
    const [dataset] = await rows<{ corrections: number; counts: Record<string, number> }>(env.db, sql`SELECT corrections, counts FROM dataset_versions WHERE version = ${done.datasetVersion}`);
    expect(dataset).toMatchObject({ corrections: 1, counts: { corrections: 1 } });
    const registry = await modelRegistry(env.db);
    const beta = await verifySignedManifest(await buildSignedManifest(env.db, registry.key, "beta"), registry.key.publicKeyBase64);
    expect(beta.models).toEqual([expect.objectContaining({ name: FIELD_MODEL_NAME, version: 2 })]);
    const stable = await verifySignedManifest(await buildSignedManifest(env.db, registry.key, "stable"), registry.key.publicKeyBase64);
    expect(stable.models[0]!.version).toBe(1);
    const detail = await admin().admin.run({ id: launched.id });
    expect(detail.curves.teacher!.valF1.length).toBeGreaterThan(0);
    expect(detail.stages.map((s) => s.stage)).toEqual(["dataset", "tokenizer", "teacher", "student", "baseline", "export", "quantize", "evaluate", "package"]);
    const log = (await admin().admin.log()).map((e) => e.action);
    expect(log).toEqual(expect.arrayContaining(["run.launch", "dataset.snapshot", "run.succeeded"]));
    // The candidate beside stable, as the console shows it.
    const compare = await admin().admin.compare({ version: 2 });
    expect(compare.stable!.version).toBe(1);
    expect(compare.gates.map((g) => g.gate)).toEqual(["parity", "int8 agreement", "size", "latency", "minimum F1", "F1 vs stable"]);
    expect(compare.confusion.examples.length).toBeGreaterThan(0);
  }, 400_000);

  it("distils a new student from that run's teacher, on the same dataset version", async () => {
    const [first] = await rows<{ id: string; dataset_version: string }>(env.db, sql`SELECT id, dataset_version FROM training_runs WHERE state = 'succeeded' ORDER BY created_at LIMIT 1`);
    const run = await launchRun(env.db, env.users.admin, { kind: "distill", preset: "tiny", launcher: "local", teacherFrom: { run: first!.id }, student: { hidden: 16, layers: 1, heads: 2, ffn: 32 }, studentEpochs: 1, publishTo: null }, deps.launchers);
    const done = await tickUntil(env.db, deps, run.id, settled);
    expect(done).toMatchObject({ state: "succeeded", modelVersion: 3, datasetVersion: first!.dataset_version, teacherFrom: `run:${first!.id}` });
    const teacherRun = await getRun(env.db, first!.id);
    expect(readFileSync(path.join(done.runDir, "models", "teacher.pt")).equals(readFileSync(path.join(teacherRun.runDir, "models", "teacher.pt")))).toBe(true);
  }, 400_000);

  it("cancels a running run, which stops with a checkpoint", async () => {
    const run = await launchRun(env.db, env.users.admin, { kind: "train", preset: "tiny", launcher: "local", ...SMALL, teacherEpochs: 60, publishTo: null }, deps.launchers);
    const running = await tickUntil(env.db, deps, run.id, reached("teacher", 0.08));
    expect(running.state).toBe("running");
    await admin().admin.cancel({ id: run.id, reason: "wrong preset" });
    const cancelled = await tickUntil(env.db, deps, run.id, settled);
    expect(cancelled.state).toBe("cancelled");
    expect(alive(running.externalId)).toBe(false);
    expect(existsSync(path.join(running.runDir, "checkpoints", "teacher.pt"))).toBe(true);
    await expect(admin().admin.cancel({ id: run.id, reason: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
  }, 400_000);

  it("survives a server restart mid-run, and resumes a run whose process was killed", async () => {
    const run = await launchRun(env.db, env.users.admin, { kind: "train", preset: "tiny", launcher: "local", ...SMALL, teacherEpochs: 4, publishTo: null }, deps.launchers);
    const first = await tickUntil(env.db, deps, run.id, reached("teacher"));
    expect(first.state).toBe("running");
    // A restart: the old scheduler is gone, a new server with new launchers reads the queue back; the
    // trainer process (detached) never noticed.
    const restarted: SchedulerDeps = { db: env.db, launchers: launchersFrom({ local: { slots: 1, python: PYTHON } }), registry: () => modelRegistry(env.db) };
    // Kill only once a checkpoint is on disk, so that there is something to resume from.
    const teacherCheckpoint = path.join(first.runDir, "checkpoints", "teacher.pt");
    const still = await tickUntil(env.db, restarted, run.id, (r) => settled(r) || (r.progress > first.progress && existsSync(teacherCheckpoint)), 240_000);
    expect([still.state, still.externalId, still.attempts]).toEqual(["running", first.externalId, 1]);
    // Now the trainer dies without a word (SIGKILL): the run is lost, then resumed from its checkpoint.
    process.kill(Number(first.externalId), "SIGKILL");
    const resumed = await tickUntil(env.db, restarted, run.id, (r) => r.attempts === 2, 60_000);
    expect(resumed.externalId).not.toBe(first.externalId);
    const done = await tickUntil(env.db, restarted, run.id, settled);
    expect(done.state).toBe("succeeded");
    expect(readFileSync(path.join(done.runDir, "metrics.jsonl"), "utf8")).toMatch(/resumed at epoch/);
  }, 400_000);

  it("refuses non-admins, bad configs and impossible requests, queuing nothing", async () => {
    const before = (await admin().admin.runs()).length;
    const official = callerFor(env.db, env.users.gadchiroli);
    await expect(official.admin.runs()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(official.admin.launch({ kind: "train", preset: "tiny", launcher: "local" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(env.db, env.users.etapalli).admin.setTriggers(await getTriggers(env.db))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin().admin.launch({ kind: "train", preset: "tiny", launcher: "local", alpha: 3 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/alpha/) });
    await expect(admin().admin.launch({ kind: "train", preset: "tiny", launcher: "local", teacher: { hidden: 30, layers: 1, heads: 4, ffn: 64 } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/multiple of heads/) });
    await expect(admin().admin.launch({ kind: "distill", preset: "tiny", launcher: "local" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/needs a teacher/) });
    await expect(launchRun(env.db, env.users.admin, { kind: "train", preset: "tiny", launcher: "ray", publishTo: null }, deps.launchers)).rejects.toMatchObject({ message: expect.stringMatching(/ray launcher is not configured/) });
    await expect(launchRun(env.db, env.users.admin, { kind: "train", preset: "tiny", launcher: "local", datasetVersion: "abcdefabcdef", publishTo: null }, deps.launchers)).rejects.toMatchObject({ message: expect.stringMatching(/no dataset version/) });
    expect((await admin().admin.runs()).length).toBe(before);
  });
});

describe("retrain triggers", () => {
  it("reports which triggers fired, and with auto-launch on queues one run, not two", async () => {
    const pairs = [{ predicted: [{ start: 0, end: 5, label: "VILLAGE" as const }], corrected: [{ start: 0, end: 5, label: "VILLAGE" as const }, { start: 9, end: 12, label: "DATE" as const }] }];
    expect(spanF1(pairs)).toBeCloseTo(2 / 3, 5);
    await setTriggers(env.db, env.users.admin, { ...(await getTriggers(env.db)), autoLaunch: false, corrections: { enabled: true, threshold: 1 }, drift: { enabled: true, minMeanConfidence: 0.8, windowDays: 7, minSamples: 1 }, freshF1: { enabled: true, minF1: 0.99, windowDays: 7, minSamples: 1 } });
    const results = await evaluateTriggers(env.db, await getTriggers(env.db));
    expect(Object.fromEntries(results.map((r) => [r.trigger, r.fired]))).toEqual({ corrections: true, schedule: false, drift: true, freshF1: true });
    expect(results.find((r) => r.trigger === "drift")!.detail).toMatch(/mean field confidence 0\.700/);
    expect(await autoLaunch(env.db, deps.launchers)).toBeNull(); // auto-launch is off
    await setTriggers(env.db, env.users.admin, { ...(await getTriggers(env.db)), autoLaunch: true });
    const id = await autoLaunch(env.db, deps.launchers);
    expect(id).not.toBeNull();
    expect(await getRun(env.db, id!)).toMatchObject({ state: "queued", trigger: "corrections,drift,freshF1", launchedBy: null });
    expect(await autoLaunch(env.db, deps.launchers)).toBeNull(); // one at a time
    await admin().admin.cancel({ id: id!, reason: "test over" });
  });
});
