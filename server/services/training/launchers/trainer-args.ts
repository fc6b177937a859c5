// The trainer's command line for a job, wherever it runs: `resume` from the run folder, or `run` on
// inputs the launcher has first put where that host reads them (left in place locally, copied to shared
// storage, or sent over scp). The launcher says how; this says what goes.
import type { JobSpec } from "./types";

// Single-quoted for the remote shell: the one way to pass any path through ssh unchanged.
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** What a distillation needs of its teacher's run. */
export const TEACHER_RUN_PARTS = ["run.json", "dataset", "tokenizer", "models"] as const;

/** What a finished run hands back: what the registry reads and what a later distillation reuses. */
export const RUN_OUTPUT_PARTS = ["run.json", "metrics.jsonl", "evaluation.json", "package", "dataset", "tokenizer", "models"] as const;

/** Puts one input where the trainer will read it; answers the path there. */
export type InputStager = {
  config(file: string): Promise<string>;
  teacherRun(dir: string): Promise<string>;
  dataset(dir: string): Promise<string>;
};

/** The arguments after `python -m fra_trainer`. */
export async function trainerArgs(job: JobSpec, resume: boolean, runDir: string, stage: InputStager): Promise<string[]> {
  if (resume) return ["resume", "--run-dir", runDir];
  const config = await stage.config(job.configFile);
  const source = job.teacherRunDir
    ? ["--teacher-run", await stage.teacherRun(job.teacherRunDir)]
    : job.datasetDir ? ["--dataset", await stage.dataset(job.datasetDir)] : [];
  return ["run", "--config", config, "--run-dir", runDir, ...source];
}

/** The same, as words for a shell. */
export const shellWords = (args: readonly string[]) => args.map(shellQuote).join(" ");
