// Training from the admin console: what an admin may ask for (validated before anything is queued),
// where runs execute (launchers, from the server's configuration), and the retrain triggers.
import { z } from "zod";
import { modelChannelSchema } from "./models";
import { describeIssues } from "./zod-issues";

export const LAUNCHER_KINDS = ["local", "ssh", "ray"] as const;
export const launcherKindSchema = z.enum(LAUNCHER_KINDS);
export type LauncherKind = z.infer<typeof launcherKindSchema>;

export const RUN_STATES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type RunState = (typeof RUN_STATES)[number];

const size = z
  .object({ hidden: z.number().int().min(16).max(1024), layers: z.number().int().min(1).max(24), heads: z.number().int().min(1).max(16), ffn: z.number().int().min(16).max(4096) })
  .strict()
  .refine((s) => s.hidden % s.heads === 0, "hidden must be a multiple of heads");

// The knobs the launch form offers; the rest of the trainer config comes from the preset.
export const launchRunInputSchema = z
  .object({
    kind: z.enum(["train", "distill"]),
    preset: z.enum(["tiny", "default", "full"]),
    launcher: launcherKindSchema,
    teacher: size.optional(),
    student: size.optional(),
    teacherEpochs: z.number().int().min(1).max(100).optional(),
    studentEpochs: z.number().int().min(1).max(100).optional(),
    learningRate: z.number().positive().max(0.1).optional(),
    temperature: z.number().min(1).max(20).optional(),
    alpha: z.number().min(0).max(1).optional(),
    // Texts without labels that the teacher labels for the student (the trainer's unlabeled_examples).
    unlabeledExamples: z.number().int().min(0).max(4_000_000).optional(),
    // A dataset version to train on; none: snapshot the synthetic set and the accepted corrections now.
    datasetVersion: z.string().regex(/^[0-9a-f]{12}$/, "a dataset version is 12 hex characters").optional(),
    // For a distillation run: the teacher of an earlier run, or a downloaded base teacher.
    teacherFrom: z.union([z.object({ run: z.string().uuid() }).strict(), z.object({ baseModel: z.string().uuid() }).strict()]).optional(),
    publishTo: modelChannelSchema.nullable().default(null),
  })
  .strict()
  .refine((r) => r.kind === "train" || r.teacherFrom, { message: "a distillation run needs a teacher: an earlier run or a base model", path: ["teacherFrom"] })
  .refine((r) => r.kind === "distill" || !r.teacherFrom, { message: "a training run trains its own teacher", path: ["teacherFrom"] });
export type LaunchRunInput = z.infer<typeof launchRunInputSchema>;

// Where runs execute. From FRA_LAUNCHERS (JSON) in the server's environment; local only by default.
const localLauncherSchema = z.object({ slots: z.number().int().min(1).max(16).default(1), python: z.string().min(1).default("/usr/bin/python3") }).strict();
const sshLauncherSchema = z
  .object({
    slots: z.number().int().min(1).max(64).default(1),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(22),
    user: z.string().min(1),
    identityFile: z.string().min(1),
    knownHostsFile: z.string().min(1).optional(),
    remoteDir: z.string().min(1),
    python: z.string().min(1).default("python3"),
  })
  .strict();
const rayLauncherSchema = z
  .object({
    slots: z.number().int().min(1).max(256).default(4),
    address: z.string().url(), // the Ray dashboard, e.g. http://head:8265
    sharedDir: z.string().min(1), // a folder the server and the Ray workers both mount (datasets, run dirs)
    python: z.string().min(1).default("python3"),
    trainerDir: z.string().min(1), // where the trainer code is on the workers
    gpus: z.number().min(0).max(8).default(1),
  })
  .strict();
export const launchersConfigSchema = z
  .object({ local: localLauncherSchema.default({ slots: 1, python: "/usr/bin/python3" }), ssh: sshLauncherSchema.optional(), ray: rayLauncherSchema.optional() })
  .strict();
export type LaunchersConfig = z.infer<typeof launchersConfigSchema>;
export type SshLauncherConfig = z.infer<typeof sshLauncherSchema>;
export type RayLauncherConfig = z.infer<typeof rayLauncherSchema>;

export function readLaunchersConfig(raw: string | undefined): LaunchersConfig {
  let value: unknown = {};
  if (raw) {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new Error("FRA_LAUNCHERS is not JSON");
    }
  }
  const parsed = launchersConfigSchema.safeParse(value);
  if (!parsed.success) throw new Error(`FRA_LAUNCHERS is invalid: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

// Retrain triggers: when the field model should learn again. The admin page shows which fired.
export const retrainTriggersSchema = z
  .object({
    autoLaunch: z.boolean(),
    launcher: launcherKindSchema,
    preset: z.enum(["tiny", "default", "full"]),
    corrections: z.object({ enabled: z.boolean(), threshold: z.number().int().min(1).max(1_000_000) }).strict(),
    schedule: z.object({ enabled: z.boolean(), everyHours: z.number().int().min(1).max(24 * 90) }).strict(),
    drift: z.object({ enabled: z.boolean(), minMeanConfidence: z.number().min(0).max(1), windowDays: z.number().int().min(1).max(90), minSamples: z.number().int().min(1) }).strict(),
    freshF1: z.object({ enabled: z.boolean(), minF1: z.number().min(0).max(1), windowDays: z.number().int().min(1).max(90), minSamples: z.number().int().min(1) }).strict(),
  })
  .strict();
export type RetrainTriggers = z.infer<typeof retrainTriggersSchema>;

export const DEFAULT_TRIGGERS: RetrainTriggers = {
  autoLaunch: false,
  launcher: "local",
  preset: "default",
  corrections: { enabled: true, threshold: 500 },
  schedule: { enabled: false, everyHours: 24 * 7 },
  drift: { enabled: true, minMeanConfidence: 0.85, windowDays: 14, minSamples: 50 },
  freshF1: { enabled: true, minF1: 0.9, windowDays: 14, minSamples: 50 },
};

export const addDatasetSourceInputSchema = z
  .object({
    url: z.string().url().refine((u) => /^https?:/.test(u), "only http(s) links"),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 is 64 hex characters").optional(),
  })
  .strict();

export const downloadBaseModelInputSchema = z
  .object({
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "a repository is owner/name"),
    revision: z.string().regex(/^[\w.-]{1,100}$/).default("main"),
  })
  .strict();

export const deviceHeartbeatSchema = z
  .object({
    deviceId: z.string().uuid(),
    modelVersion: z.number().int().positive().nullable(),
    backend: z.enum(["webgpu", "wasm"]).nullable(),
    pendingRecords: z.number().int().min(0).max(1_000_000),
  })
  .strict();
