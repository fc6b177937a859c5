// From "launch" to "published" for a retraining run, as the admin console runs it: the dataset snapshot,
// each trainer stage (teacher, student, export, quantize, evaluate...), then registering (the registry
// re-measures the package in onnxruntime) and publishing through the gates. Prints one JSON object.
//   npm run bench:training [-- --preset tiny --launcher local --channel beta]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { rows } from "@/server/db/client";
import { openDatabase } from "@/server/db/open";
import { seedDemo } from "@/server/db/seed/generate";
import type { SessionUser } from "@/server/auth/session";
import { modelRegistry } from "@/server/services/models";
import { configuredLaunchers } from "@/server/services/training/launchers";
import { parseMetrics } from "@/server/services/training/launchers/run-files";
import { getRun, launchRun } from "@/server/services/training/runs";
import { tick } from "@/server/services/training/scheduler";

const { values } = parseArgs({ options: { preset: { type: "string", default: "tiny" }, launcher: { type: "string", default: "local" }, channel: { type: "string", default: "beta" } } });
const work = mkdtempSync(path.join(os.tmpdir(), "fra-bench-training-"));
process.env.FRA_TRAINING_DIR = path.join(work, "training");
process.env.FRA_MODEL_STORE = path.join(work, "store");
process.env.FRA_SIGNING_KEY = path.join(work, "keys", "signing.pem");

const database = await openDatabase({ dataDir: path.join(work, "db") });
try {
  await database.migrate();
  await seedDemo(database.db, { claims: 200, seed: 1, documents: 0, log: () => {} });
  const db = database.db;
  const [adminRow] = await rows<{ id: string; display_name: string }>(db, sql`SELECT id, display_name FROM users WHERE username = 'admin'`);
  const admin: SessionUser = { id: adminRow!.id, username: "admin", displayName: adminRow!.display_name, role: "admin", districtIds: [], tehsilIds: [] };
  await modelRegistry(db); // the shipped model is the stable one to compare with
  const launchers = configuredLaunchers();
  const deps = { db, launchers, registry: () => modelRegistry(db) };

  const t0 = performance.now();
  const run = await launchRun(db, admin, { kind: "train", preset: values.preset as "tiny", launcher: values.launcher as "local", publishTo: values.channel as "beta" }, launchers);
  let started = 0;
  for (;;) {
    await tick(deps);
    const r = await getRun(db, run.id);
    if (!started && r.state === "running") started = performance.now();
    if (r.state !== "queued" && r.state !== "running") break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const finished = performance.now();
  const done = await getRun(db, run.id);
  const metrics = parseMetrics(readFileSync(path.join(done.runDir, "metrics.jsonl"), "utf8"));
  const stages = Object.fromEntries(metrics.filter((m) => m.event === "end").map((m) => [m.stage, m.metrics?.seconds ?? null]));
  const trainerEnd = new Date(metrics.at(-1)!.time).getTime();
  const trainerStart = new Date(metrics[0]!.time).getTime();
  console.log(JSON.stringify({
    bench: "training",
    preset: values.preset,
    launcher: values.launcher,
    cores: os.cpus().length,
    state: done.state,
    error: done.error,
    model_version: done.modelVersion,
    published: done.summary?.published ?? null,
    publish_refused: done.summary?.publishRefused ?? null,
    seconds: {
      snapshot_and_start: Math.round((started - t0) / 10) / 100,
      trainer_stages: stages,
      trainer_total: Math.round((trainerEnd - trainerStart) / 10) / 100,
      register_gates_publish: Math.round((finished - started) / 1000 - (trainerEnd - trainerStart) / 1000),
      launch_to_published: Math.round((finished - t0) / 10) / 100,
    },
    f1: done.summary?.f1 ?? null,
    target_seconds: values.preset === "full" ? 900 : 300,
  }));
} finally {
  await database.close();
  rmSync(work, { recursive: true, force: true });
}
