// Works the training queue until a run reaches the state a test waits for, as the server's scheduler would.
import type { Db } from "@/server/db/client";
import { getRun, type TrainingRun } from "@/server/services/training/runs";
import { tick, type SchedulerDeps } from "@/server/services/training/scheduler";

export async function tickUntil(db: Db, deps: SchedulerDeps, id: string, done: (run: TrainingRun) => boolean, timeoutMs = 300_000): Promise<TrainingRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await tick(deps);
    const run = await getRun(db, id);
    if (done(run)) return run;
    if (Date.now() > deadline) throw new Error(`run ${id} is still ${run.state} (${run.stage} ${run.progress}) ${run.error ?? ""}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Settled: neither waiting nor running. */
export const settled = (run: TrainingRun) => run.state !== "queued" && run.state !== "running";
/** Running and at `stage` (or settled, so that a failure shows at once instead of a timeout). */
export const reached = (stage: string, progress = 0) => (run: TrainingRun) => settled(run) || (run.state === "running" && run.stage === stage && run.progress > progress);
