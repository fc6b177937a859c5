// Runs the trainer as a child process on the server's own machine (its CPU, or a local GPU). The child
// is detached: it outlives a server restart, and the restarted server finds it again by its pid and run
// folder. A run whose process is gone without finishing is "lost" and is resumed from its checkpoint.
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Launcher, JobSpec, JobStatus } from "./types";
import { parseMetrics, parseRunState, readIfThere, stateFrom } from "./run-files";

const TRAINER_DIR = path.resolve("trainer");

/** Whether `pid` is a live (not zombie) process working on `runDir`: guards against a recycled pid. */
export function processRuns(pid: number, runDir: string): boolean {
  const stat = readIfThere(`/proc/${pid}/stat`);
  if (!stat || /^\d+ \(.*\) Z/.test(stat)) return false;
  return (readIfThere(`/proc/${pid}/cmdline`) ?? "").split("\0").includes(runDir);
}

export function trainerArgs(job: JobSpec, resume: boolean): string[] {
  if (resume) return ["-m", "fra_trainer", "resume", "--run-dir", job.localRunDir];
  const source = job.teacherRunDir ? ["--teacher-run", job.teacherRunDir] : job.datasetDir ? ["--dataset", job.datasetDir] : [];
  return ["-m", "fra_trainer", "run", "--config", job.configFile, "--run-dir", job.localRunDir, ...source];
}

export function localLauncher(options: { slots: number; python: string }): Launcher {
  return {
    kind: "local",
    slots: options.slots,
    async start(job, resume) {
      mkdirSync(path.dirname(job.localRunDir), { recursive: true });
      const log = openSync(`${job.localRunDir}.log`, "a");
      const child = spawn(options.python, trainerArgs(job, resume), {
        cwd: TRAINER_DIR,
        env: { ...process.env, PYTHONPATH: TRAINER_DIR, PYTHONUNBUFFERED: "1" },
        detached: true,
        stdio: ["ignore", log, log],
      });
      closeSync(log);
      child.on("error", () => {}); // a missing interpreter shows up as a lost run with the log saying why
      child.unref(); // the server may stop; the run goes on
      if (!child.pid) throw new Error(`could not start ${options.python}`);
      return { externalId: String(child.pid) };
    },
    async poll(job, externalId): Promise<JobStatus> {
      const run = parseRunState(readIfThere(path.join(job.localRunDir, "run.json")));
      const metrics = parseMetrics(readIfThere(path.join(job.localRunDir, "metrics.jsonl")));
      const alive = processRuns(Number(externalId), job.localRunDir);
      const { state, error } = stateFrom(run, alive);
      const logTail = state === "lost" || state === "failed" ? (readIfThere(`${job.localRunDir}.log`) ?? "").trim().split("\n").slice(-3).join(" | ") : "";
      return { state, run, metrics, error: error ?? (state === "lost" && logTail ? logTail : null) };
    },
    async cancel(job, externalId) {
      // The trainer stops at its next step, keeping a checkpoint (resumable).
      writeFileSync(path.join(job.localRunDir, "CANCEL"), "cancel requested by an admin\n");
      try {
        if (processRuns(Number(externalId), job.localRunDir)) process.kill(Number(externalId), "SIGTERM");
      } catch {
        // already gone
      }
    },
    async collect() {
      // The run folder is on this machine already.
    },
  };
}
