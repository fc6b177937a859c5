// What the registry measures on a model package before it accepts it, with the real runtime
// (onnxruntime-node) and the package's own tokenizer.json (read as the app reads it, workers/ner/wordpiece.ts):
// parity of the fp32 graph with PyTorch, agreement of the int8 graph, entity F1 of the int8 model on the
// held-out test set, and latency per sentence.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import * as ort from "onnxruntime-node";
import { ENTITY_TYPES, nerExampleSchema, type EntityType } from "@/configs/ner";
import { timedSamples } from "@/configs/timed-samples";
import type { ExtractedEntity } from "@/workers/ner/decode";
import { extractEntities, markLineBreaks, modelInput, softmaxArgmax, type NerModel } from "@/workers/ner/extract";
import { encoderFeeds, type Int64TensorClass } from "@/workers/ner/feeds";
import { nerPackageParts, type PackageConfig } from "@/workers/ner/package-parts";
import { WordPieceTokenizer } from "@/workers/ner/wordpiece";

export type EntityScore = { precision: number; recall: number; f1: number; support: number };
export type OnnxReport = {
  parity: { samples: number; fp32MaxAbsDiff: number; int8ArgmaxAgreement: number };
  test: { examples: number; overall: EntityScore; perEntity: Partial<Record<EntityType, EntityScore>> };
  latencyMsPerSentence: number;
  quantizedBytes: number;
};

export async function openSession(file: string): Promise<ort.InferenceSession> {
  // One thread: the figure a tablet's single busy core sees, and stable under a loaded server.
  return ort.InferenceSession.create(file, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: "all" });
}

export async function runLogits(session: ort.InferenceSession, rows: number[][]) {
  const out = await session.run(encoderFeeds(rows, ort.Tensor as unknown as Int64TensorClass<ort.Tensor>));
  const logits = out.logits!;
  return { data: logits.data as Float32Array, dims: logits.dims };
}

/** A package's tokenizer and label set: everything of a NerModel but the runtime. */
export async function readNerPackage(dir: string): Promise<Omit<NerModel, "run">> {
  const [tokenizerJson, config] = await Promise.all(
    ["tokenizer.json", "config.json"].map(async (f) => JSON.parse(await readFile(path.join(/*turbopackIgnore: true*/ dir, f), "utf8")) as unknown),
  );
  return nerPackageParts(WordPieceTokenizer.fromJson(tokenizerJson), config as PackageConfig);
}

export async function loadPackageModel(dir: string, file: "model.onnx" | "model_quantized.onnx"): Promise<NerModel & { session: ort.InferenceSession }> {
  const session = await openSession(path.join(dir, "onnx", file));
  return { ...(await readNerPackage(dir)), session, run: (rows) => runLogits(session, rows) };
}

type ParitySample = { input_ids: number[]; logits: number[][] };

async function parity(dir: string, fp32: NerModel, int8: NerModel) {
  const { samples } = JSON.parse(await readFile(path.join(dir, "parity.json"), "utf8")) as { samples: ParitySample[] };
  let maxDiff = 0;
  let agree = 0;
  let total = 0;
  for (const sample of samples) {
    const [a, b] = await Promise.all([fp32.run([sample.input_ids]), int8.run([sample.input_ids])]);
    const labelCount = a.dims[2]!;
    sample.logits.forEach((expected, t) => {
      const row = a.data.subarray(t * labelCount, (t + 1) * labelCount);
      expected.forEach((v, j) => (maxDiff = Math.max(maxDiff, Math.abs(v - row[j]!))));
      const torchBest = expected.indexOf(Math.max(...expected));
      agree += softmaxArgmax(b.data.subarray(t * labelCount, (t + 1) * labelCount)).index === torchBest ? 1 : 0;
      total++;
    });
  }
  return { samples: samples.length, fp32MaxAbsDiff: maxDiff, int8ArgmaxAgreement: total ? agree / total : 0 };
}

// About 40 tokens: one typed line of a form.
export const SENTENCE = "Name of the claimant: Ramesh Atram, Village: Kotgul, Tehsil: Korchi, District: Gadchiroli, Area: 1.25 ha";

const key = (e: { label: string; start: number; end: number }) => `${e.label}:${e.start}:${e.end}`;

function score(tp: number, gold: number, predicted: number): EntityScore {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1), support: gold };
}
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Character-level entity F1: an entity counts only with the same label, start and end as the gold span. */
export function entityF1(pairs: ReadonlyArray<{ gold: ReadonlyArray<{ label: string; start: number; end: number }>; predicted: readonly ExtractedEntity[] }>) {
  const tp = new Map<string, number>();
  const gold = new Map<string, number>();
  const pred = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const p of pairs) {
    const goldKeys = new Set(p.gold.map(key));
    p.gold.forEach((g) => bump(gold, g.label));
    p.predicted.forEach((e) => {
      bump(pred, e.label);
      if (goldKeys.has(key(e))) bump(tp, e.label);
    });
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const perEntity: Partial<Record<EntityType, EntityScore>> = {};
  for (const e of ENTITY_TYPES) if (gold.has(e) || pred.has(e)) perEntity[e] = score(tp.get(e) ?? 0, gold.get(e) ?? 0, pred.get(e) ?? 0);
  return { overall: score(sum(tp), sum(gold), sum(pred)), perEntity };
}

export async function testF1(testFile: string, model: NerModel) {
  const lines = (await readFile(testFile, "utf8")).split("\n").filter((l) => l.trim());
  const pairs = [];
  for (const [n, line] of lines.entries()) {
    const row = nerExampleSchema.safeParse(JSON.parse(line));
    if (!row.success) throw new Error(`${path.basename(testFile)} line ${n + 1}: ${row.error.issues[0]?.message}`);
    pairs.push({ gold: row.data.spans, predicted: await extractEntities(row.data.text, model) });
  }
  return { examples: pairs.length, ...entityF1(pairs) };
}

/** Median ms of `step` over `repeats` calls, after five to warm up. */
async function medianMs(step: () => Promise<unknown>, repeats: number): Promise<number> {
  const times = (await timedSamples(step, 5, repeats)).sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

/** Text to entities, as the app waits on it: tokenizing, the model, and grouping labels into fields. */
export const latencyMs = (model: NerModel, text: string = SENTENCE, repeats = 50) => medianMs(() => extractEntities(text, model), repeats);

/** The model alone on `text`'s windows, already tokenized and run one by one as the app runs them. */
export function modelLatencyMs(model: NerModel, text: string = SENTENCE, repeats = 50): Promise<number> {
  const { rows } = modelInput(markLineBreaks(text), model);
  return medianMs(async () => {
    for (const row of rows) await model.run([row]);
  }, repeats);
}

/** Measures a model package (a folder in the transformers.js layout with parity.json) on `testFile`. */
export async function checkOnnxPackage(dir: string, testFile: string): Promise<OnnxReport> {
  const fp32 = await loadPackageModel(dir, "model.onnx");
  const int8 = await loadPackageModel(dir, "model_quantized.onnx");
  try {
    const { size } = await stat(path.join(dir, "onnx", "model_quantized.onnx"));
    return {
      parity: await parity(dir, fp32, int8),
      test: await testF1(testFile, int8),
      latencyMsPerSentence: await latencyMs(int8),
      quantizedBytes: size,
    };
  } finally {
    await Promise.all([fp32.session.release(), int8.session.release()]);
  }
}
