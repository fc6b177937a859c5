// One interface for every place a training run can execute. The scheduler starts a job, polls it for
// its state and metrics, asks it to stop, and collects its artifacts into the run's local folder.
import type { MetricsLine, RunState as TrainerRunState } from "@/configs/ner";
import type { LauncherKind } from "@/configs/training";

export type JobSpec = {
  runId: string;
  localRunDir: string; // where the run's artifacts end up on the server
  configFile: string; // the full trainer config (JSON), on the server
  datasetDir: string | null; // the dataset version to train on
  teacherRunDir: string | null; // a run (or base model) whose dataset, tokenizer and teacher a distillation reuses
};

export type JobStatus = {
  // lost: nothing runs it any more (a server or host restart, a killed process) and it did not finish.
  state: "running" | "succeeded" | "failed" | "cancelled" | "lost";
  run: TrainerRunState | null; // the trainer's run.json, when readable
  metrics: MetricsLine[]; // every metrics line so far
  error: string | null;
};

export interface Launcher {
  readonly kind: LauncherKind;
  readonly slots: number;
  start(job: JobSpec, resume: boolean): Promise<{ externalId: string }>;
  poll(job: JobSpec, externalId: string): Promise<JobStatus>;
  cancel(job: JobSpec, externalId: string): Promise<void>;
  /** Brings the finished run's package and reports into job.localRunDir (no-op where they are already there). */
  collect(job: JobSpec, externalId: string): Promise<void>;
}
