import { describe, expect, it } from "vitest";
import { DEFAULT_GATES } from "@/configs/models";
import { evaluateGates, failedFor } from "@/server/services/models/gates";

const good = { f1: 0.96, fp32MaxAbsDiff: 1e-6, int8ArgmaxAgreement: 0.999, quantizedBytes: 900_000, latencyMsPerSentence: 1.2 };

describe("publish gates", () => {
  it("passes a good candidate for both channels when there is no stable model", () => {
    const gates = evaluateGates(good, null, DEFAULT_GATES);
    expect(failedFor(gates, "stable")).toEqual([]);
  });

  it("allows an F1 drop within the tolerance and refuses one beyond it, for stable only", () => {
    expect(failedFor(evaluateGates(good, 0.965, DEFAULT_GATES), "stable")).toEqual([]);
    const worse = evaluateGates(good, 0.98, DEFAULT_GATES);
    expect(failedFor(worse, "stable").map((g) => g.gate)).toEqual(["F1 vs stable"]);
    expect(failedFor(worse, "beta")).toEqual([]);
  });

  it("holds size, parity and int8 agreement for every channel", () => {
    const broken = evaluateGates({ ...good, quantizedBytes: 3_000_000, fp32MaxAbsDiff: 0.2, int8ArgmaxAgreement: 0.5 }, null, DEFAULT_GATES);
    expect(failedFor(broken, "beta").map((g) => g.gate)).toEqual(["parity", "int8 agreement", "size"]);
    expect(failedFor(broken, "beta")[2]!.detail).toContain("3,000,000 bytes");
  });

  it("holds latency and the F1 floor for stable", () => {
    const slow = evaluateGates({ ...good, latencyMsPerSentence: 80, f1: 0.3 }, null, DEFAULT_GATES);
    expect(failedFor(slow, "stable").map((g) => g.gate)).toEqual(["latency", "minimum F1"]);
    expect(failedFor(slow, "beta")).toEqual([]);
  });
});
