// Submits the trainer as a job to a Ray cluster through the Ray Jobs REST API (the dashboard's
// /api/jobs/), for teams that outgrow one GPU host. Inputs and run folders live on storage that the
// server and the Ray workers both mount (sharedDir), so metrics are read straight from the run folder.
// Calls made: POST /api/jobs/ (submit), GET /api/jobs/{submission_id} (status), POST
// /api/jobs/{submission_id}/stop (cancel). See the README for a cluster's set-up.
import { cpSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { RayLauncherConfig } from "@/configs/training";
import { readRunFolder, requestCancel, stateFrom } from "./run-files";
import { RUN_OUTPUT_PARTS, shellQuote, shellWords, TEACHER_RUN_PARTS, trainerArgs } from "./trainer-args";
import type { JobSpec, JobStatus, Launcher } from "./types";

// The parts of Ray's answers the launcher relies on; anything else in them is ignored.
const submitAnswer = z.object({ submission_id: z.string().min(1) }).passthrough();
const jobAnswer = z.object({ status: z.enum(["PENDING", "RUNNING", "STOPPED", "SUCCEEDED", "FAILED"]), message: z.string().nullish() }).passthrough();

export function rayLauncher(config: RayLauncherConfig, fetchFn: typeof fetch = fetch): Launcher {
  const base = config.address.replace(/\/$/, "");
  const shared = {
    runDir: (job: JobSpec) => path.join(config.sharedDir, "runs", job.runId),
    inputs: (job: JobSpec) => path.join(config.sharedDir, "inputs", job.runId),
  };
  const copy = (from: string, to: string) => {
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true });
    return to;
  };
  async function call(method: "GET" | "POST", route: string, body?: unknown): Promise<unknown> {
    const response = await fetchFn(`${base}${route}`, { method, headers: body ? { "content-type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });
    const text = await response.text();
    if (!response.ok) throw new Error(`Ray ${method} ${route}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : {};
  }

  return {
    kind: "ray",
    slots: config.slots,
    async start(job, resume) {
      const runDir = shared.runDir(job);
      const inputs = shared.inputs(job);
      mkdirSync(path.dirname(runDir), { recursive: true });
      const args = await trainerArgs(job, resume, runDir, {
        config: async (file) => copy(file, path.join(inputs, "config.json")),
        teacherRun: async (dir) => {
          for (const part of TEACHER_RUN_PARTS) copy(path.join(dir, part), path.join(inputs, "teacher", part));
          return path.join(inputs, "teacher");
        },
        dataset: async (dir) => copy(dir, path.join(inputs, "dataset")),
      });
      const attempt = resume ? `-resume-${Date.now()}` : "";
      const answer = submitAnswer.parse(await call("POST", "/api/jobs/", {
        entrypoint: `cd ${shellQuote(config.trainerDir)} && PYTHONPATH=${shellQuote(config.trainerDir)} ${config.python} -m fra_trainer ${shellWords(args)}`,
        submission_id: `fra-${job.runId}${attempt}`,
        entrypoint_num_gpus: config.gpus,
        metadata: { fra_run: job.runId },
      }));
      return { externalId: answer.submission_id };
    },
    async poll(job, externalId): Promise<JobStatus> {
      const { run, metrics } = readRunFolder(shared.runDir(job));
      let ray: z.infer<typeof jobAnswer>;
      try {
        ray = jobAnswer.parse(await call("GET", `/api/jobs/${encodeURIComponent(externalId)}`));
      } catch (error) {
        if (String(error).includes("HTTP 404")) return { state: "lost", run, metrics, error: `Ray has no job ${externalId}` };
        throw error;
      }
      if (ray.status === "FAILED" && run?.status !== "failed") return { state: "failed", run, metrics, error: `Ray: ${ray.message ?? "the job failed"}` };
      if (ray.status === "STOPPED") return { state: run?.status === "succeeded" ? "succeeded" : "cancelled", run, metrics, error: null };
      const { state, error } = stateFrom(run, ray.status === "PENDING" || ray.status === "RUNNING");
      return { state, run, metrics, error };
    },
    async cancel(job, externalId) {
      // The trainer stops at its next step with a checkpoint; Ray's stop ends the job if it does not.
      if (existsSync(shared.runDir(job))) requestCancel(shared.runDir(job));
      await call("POST", `/api/jobs/${encodeURIComponent(externalId)}/stop`);
    },
    async collect(job) {
      for (const part of RUN_OUTPUT_PARTS) {
        const from = path.join(shared.runDir(job), part);
        if (existsSync(from)) cpSync(from, path.join(job.localRunDir, part), { recursive: true });
      }
    },
  };
}
