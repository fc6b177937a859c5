// Runs the trainer as a child process on the server's own machine (its CPU, or a local GPU). The child
// is detached: it outlives a server restart, and the restarted server finds it again by its pid and run
// folder. A run whose process is gone without finishing is "lost" and is resumed from its checkpoint.
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { readIfThere, readRunFolder, requestCancel, stateFrom } from "./run-files";
import { trainerArgs } from "./trainer-args";
import type { Launcher, JobStatus } from "./types";

const TRAINER_DIR = path.resolve("trainer");

/** Whether `pid` is a live (not zombie) process working on `runDir`: guards against a recycled pid. */
export function processRuns(pid: number, runDir: string): boolean {
  const stat = readIfThere(`/proc/${pid}/stat`);
  if (!stat || /^\d+ \(.*\) Z/.test(stat)) return false;
  return (readIfThere(`/proc/${pid}/cmdline`) ?? "").split("\0").includes(runDir);
}

// Inputs are read where they are: this machine has them already.
const inPlace = async (p: string) => p;

export function localLauncher(options: { slots: number; python: string }): Launcher {
  return {
    kind: "local",
    slots: options.slots,
    async start(job, resume) {
      mkdirSync(path.dirname(job.localRunDir), { recursive: true });
      const log = openSync(`${job.localRunDir}.log`, "a");
      const args = await trainerArgs(job, resume, job.localRunDir, { config: inPlace, teacherRun: inPlace, dataset: inPlace });
      const child = spawn(options.python, ["-m", "fra_trainer", ...args], {
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
      const { run, metrics } = readRunFolder(job.localRunDir);
      const alive = processRuns(Number(externalId), job.localRunDir);
      const { state, error } = stateFrom(run, alive);
      const logTail = state === "lost" || state === "failed" ? (readIfThere(`${job.localRunDir}.log`) ?? "").trim().split("\n").slice(-3).join(" | ") : "";
      return { state, run, metrics, error: error ?? (state === "lost" && logTail ? logTail : null) };
    },
    async cancel(job, externalId) {
      requestCancel(job.localRunDir);
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
