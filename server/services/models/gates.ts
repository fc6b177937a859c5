// Publish gates: what a model version must show before it reaches a channel. Stable needs every gate;
// beta needs the integrity gates only (so a team can try a candidate in the field before it is better).
import type { ModelChannel, ModelGates } from "@/configs/models";

export type GateResult = { gate: string; passed: boolean; detail: string; requiredFor: ModelChannel[] };

export type CandidateFigures = {
  f1: number; // int8 entity F1 on the candidate's held-out test set
  fp32MaxAbsDiff: number;
  int8ArgmaxAgreement: number;
  quantizedBytes: number;
  latencyMsPerSentence: number;
};

const fixed = (x: number, digits = 4) => x.toFixed(digits);

/** `stableF1`: the current stable model's F1 on the same test set, or null when there is no stable model. */
export function evaluateGates(c: CandidateFigures, stableF1: number | null, gates: ModelGates): GateResult[] {
  const both: ModelChannel[] = ["beta", "stable"];
  return [
    { gate: "parity", passed: c.fp32MaxAbsDiff <= gates.maxParityAbsDiff, requiredFor: both, detail: `fp32 ONNX vs PyTorch max |diff| ${c.fp32MaxAbsDiff.toExponential(2)} (limit ${gates.maxParityAbsDiff})` },
    { gate: "int8 agreement", passed: c.int8ArgmaxAgreement >= gates.minInt8ArgmaxAgreement, requiredFor: both, detail: `int8 labels agree with PyTorch on ${fixed(c.int8ArgmaxAgreement * 100, 2)}% of tokens (need ${gates.minInt8ArgmaxAgreement * 100}%)` },
    { gate: "size", passed: c.quantizedBytes <= gates.maxQuantizedBytes, requiredFor: both, detail: `int8 model ${c.quantizedBytes.toLocaleString("en")} bytes (budget ${gates.maxQuantizedBytes.toLocaleString("en")})` },
    { gate: "latency", passed: c.latencyMsPerSentence <= gates.maxLatencyMsPerSentence, requiredFor: ["stable"], detail: `${fixed(c.latencyMsPerSentence, 2)} ms per sentence, onnxruntime 1 thread (budget ${gates.maxLatencyMsPerSentence} ms)` },
    { gate: "minimum F1", passed: c.f1 >= gates.minF1, requiredFor: ["stable"], detail: `held-out entity F1 ${fixed(c.f1)} (floor ${gates.minF1})` },
    stableF1 === null
      ? { gate: "F1 vs stable", passed: true, requiredFor: ["stable"], detail: "no stable model yet" }
      : { gate: "F1 vs stable", passed: c.f1 >= stableF1 - gates.f1Tolerance, requiredFor: ["stable"], detail: `F1 ${fixed(c.f1)} vs stable ${fixed(stableF1)} on the same test set (tolerance ${gates.f1Tolerance})` },
  ];
}

export const failedFor = (results: readonly GateResult[], channel: ModelChannel) => results.filter((g) => g.requiredFor.includes(channel) && !g.passed);
