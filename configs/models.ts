// The model registry's contracts: channels, the files a model must have, publish gates, and the signed
// manifest every client reads. Shared by the server (registry, routes) and the browser (model client).
import { z } from "zod";

export const MODEL_CHANNELS = ["beta", "stable"] as const;
export const modelChannelSchema = z.enum(MODEL_CHANNELS);
export type ModelChannel = z.infer<typeof modelChannelSchema>;

// The NER student the field app runs; the teacher stays on the server side.
export const FIELD_MODEL_NAME = "fra-ner";
export const modelNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "a model name is lowercase letters, digits and dashes");

// The transformers.js layout, plus the card. Paths are relative to the model's folder.
export const MODEL_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx", "onnx/model_quantized.onnx", "card.json", "README.md"] as const;

/** A package's two graphs: fp32 for WebGPU (the int8 operators have no WebGPU kernels), int8 ("q8") for WebAssembly. */
export const MODEL_GRAPH_FILES = { fp32: "onnx/model.onnx", q8: "onnx/model_quantized.onnx" } as const;
export type ModelGraph = keyof typeof MODEL_GRAPH_FILES;

export const modelGatesSchema = z
  .object({
    // A candidate may lose at most this much held-out entity F1 (int8, onnxruntime) against the stable model.
    f1Tolerance: z.number().min(0).max(1),
    minF1: z.number().min(0).max(1),
    maxQuantizedBytes: z.number().int().positive(),
    maxLatencyMsPerSentence: z.number().positive(),
    maxParityAbsDiff: z.number().positive(),
    minInt8ArgmaxAgreement: z.number().min(0).max(1),
  })
  .strict();
export type ModelGates = z.infer<typeof modelGatesSchema>;

export const DEFAULT_GATES: ModelGates = modelGatesSchema.parse({
  f1Tolerance: 0.01,
  minF1: 0.5,
  maxQuantizedBytes: 2_000_000,
  maxLatencyMsPerSentence: 50,
  maxParityAbsDiff: 1e-3,
  minInt8ArgmaxAgreement: 0.97,
});

export const modelFileSchema = z
  .object({
    path: z.enum(MODEL_FILES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().min(0),
  })
  .strict();

export const manifestModelSchema = z
  .object({
    name: modelNameSchema,
    version: z.number().int().positive(),
    channel: modelChannelSchema,
    files: z.array(modelFileSchema).min(1),
    f1: z.number().min(0).max(1),
    publishedAt: z.string(),
  })
  .strict();
export type ManifestModel = z.infer<typeof manifestModelSchema>;

export const manifestSchema = z
  .object({
    format: z.literal("fra-model-manifest/1"),
    channel: modelChannelSchema,
    issuedAt: z.string(),
    models: z.array(manifestModelSchema),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

// What the manifest route returns: the manifest as the exact bytes that were signed, and an Ed25519
// signature over them. Clients verify before they parse.
export const signedManifestSchema = z
  .object({
    payload: z.string().min(2),
    signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, "signature must be base64"),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
  })
  .strict();
export type SignedManifest = z.infer<typeof signedManifestSchema>;

export const registerModelInputSchema = z
  .object({
    runDir: z.string().min(1).max(1000),
    name: modelNameSchema.default(FIELD_MODEL_NAME),
  })
  .strict();

export const publishModelInputSchema = z
  .object({
    name: modelNameSchema,
    version: z.number().int().positive(),
    channel: modelChannelSchema,
    reason: z.string().trim().min(5, "say why (at least 5 characters)").max(500),
  })
  .strict();

export const rollbackModelInputSchema = z
  .object({
    name: modelNameSchema,
    channel: modelChannelSchema,
    reason: z.string().trim().min(5, "say why (at least 5 characters)").max(500),
  })
  .strict();
