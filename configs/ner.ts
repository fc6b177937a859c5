// The claim-field extraction model's contract: which entities exist, the BIO label set, and the JSON
// shapes that cross between the app and the Python trainer (dataset rows, trainer config, run state,
// metrics lines). The trainer validates against the JSON Schema generated from these (trainer/schema/,
// `npm run schemas`); a test keeps the two in step.
import { z } from "zod";

export const ENTITY_TYPES = [
  "CLAIMANT",
  "RELATIVE",
  "VILLAGE",
  "GRAM_PANCHAYAT",
  "TEHSIL",
  "DISTRICT",
  "AREA",
  "KHASRA",
  "CLAIM_TYPE",
  "CATEGORY",
  "DATE",
] as const;
export const entityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof entityTypeSchema>;

// Index order is the model's output order: O, then B-/I- for each entity.
export const NER_LABELS: readonly string[] = ["O", ...ENTITY_TYPES.flatMap((e) => [`B-${e}`, `I-${e}`])];

export const MAX_EXAMPLE_CHARS = 20_000;

export const entitySpanSchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    label: entityTypeSchema,
  })
  .strict()
  .refine((s) => s.end > s.start, "a span must end after it starts");
export type EntitySpan = z.infer<typeof entitySpanSchema>;

// One training/evaluation example, and the line format of the corrections export (JSONL).
export const nerExampleSchema = z
  .object({
    text: z.string().min(1, "text is empty").max(MAX_EXAMPLE_CHARS),
    spans: z.array(entitySpanSchema).max(500),
    source: z.enum(["synthetic", "field_correction", "import"]),
    reviewer: z.string().min(1).max(200).nullable(),
    lang: z.enum(["en", "hi", "mixed"]).optional(),
  })
  .strict()
  .superRefine((row, ctx) => {
    const sorted = [...row.spans].sort((a, b) => a.start - b.start);
    sorted.forEach((s, i) => {
      if (s.end > row.text.length) ctx.addIssue({ code: "custom", message: `span ${s.start}-${s.end} runs past the text (${row.text.length} chars)` });
      const next = sorted[i + 1];
      if (next && next.start < s.end) ctx.addIssue({ code: "custom", message: `spans ${s.start}-${s.end} and ${next.start}-${next.end} overlap` });
      if (row.text.slice(s.start, s.end).trim() === "") ctx.addIssue({ code: "custom", message: `span ${s.start}-${s.end} covers only blank text` });
    });
  });
export type NerExample = z.infer<typeof nerExampleSchema>;

const encoderSizeSchema = z
  .object({
    hidden: z.number().int().min(16).max(1024),
    layers: z.number().int().min(1).max(24),
    heads: z.number().int().min(1).max(16),
    ffn: z.number().int().min(16).max(4096),
  })
  .strict()
  .refine((s) => s.hidden % s.heads === 0, "hidden must be a multiple of heads");

export const trainerConfigSchema = z
  .object({
    preset: z.string().min(1).max(40),
    seed: z.number().int().min(0),
    train_examples: z.number().int().min(50).max(2_000_000),
    eval_examples: z.number().int().min(20).max(200_000),
    // Unlabelled texts that only the teacher labels, for the distilled student (0: none). Their gold
    // labels, if any, are never read: this is the pool of scanned pages nobody has corrected.
    unlabeled_examples: z.number().int().min(0).max(4_000_000).default(0),
    vocab_size: z.number().int().min(300).max(60_000),
    max_length: z.number().int().min(16).max(512),
    teacher: encoderSizeSchema,
    student: encoderSizeSchema,
    teacher_epochs: z.number().int().min(1).max(100),
    student_epochs: z.number().int().min(1).max(100),
    batch_size: z.number().int().min(1).max(1024),
    learning_rate: z.number().positive().max(1),
    temperature: z.number().min(1).max(20),
    alpha: z.number().min(0).max(1),
    device: z.enum(["auto", "cpu", "cuda"]),
    threads: z.number().int().min(1).max(256),
  })
  .strict();
export type TrainerConfig = z.infer<typeof trainerConfigSchema>;

export const TRAINER_STAGES = ["dataset", "tokenizer", "teacher", "student", "baseline", "export", "quantize", "evaluate", "package"] as const;
export const runStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);

// run.json in a trainer run directory.
export const runStateSchema = z
  .object({
    format: z.literal("fra-trainer-run/1"),
    id: z.string().min(1),
    status: runStatusSchema,
    stage: z.enum(TRAINER_STAGES).nullable(),
    config: trainerConfigSchema,
    created_at: z.string(),
    updated_at: z.string(),
    completed_stages: z.array(z.enum(TRAINER_STAGES)),
    dataset: z
      .object({ version: z.string(), sha256: z.string().length(64), counts: z.record(z.string(), z.number().int().min(0)) })
      .strict()
      .nullable(),
    error: z.object({ code: z.string(), message: z.string() }).strict().nullable(),
    package_dir: z.string().nullable(),
  })
  .strict();
export type RunState = z.infer<typeof runStateSchema>;

// One line of metrics.jsonl, appended by the trainer and read by the server for progress.
export const metricsLineSchema = z
  .object({
    time: z.string(),
    stage: z.enum(TRAINER_STAGES),
    event: z.enum(["start", "progress", "epoch", "end", "error"]),
    progress: z.number().min(0).max(1),
    step: z.number().int().min(0).optional(),
    epoch: z.number().int().min(0).optional(),
    metrics: z.record(z.string(), z.number()).optional(),
    message: z.string().optional(),
  })
  .strict();
export type MetricsLine = z.infer<typeof metricsLineSchema>;
