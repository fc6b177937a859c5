import { describe, expect, it } from "vitest";
import type { MetricsLine } from "@/configs/ner";
import { readLaunchersConfig } from "@/configs/training";
import { parseMetrics, parseRunState, stateFrom } from "@/server/services/training/launchers/run-files";
import { shellQuote } from "@/server/services/training/launchers/trainer-args";
import { curves, overallProgress } from "@/server/services/training/runs";
import { parseVerifiedPath } from "@/workers/ner/verified-cache";

const line = (stage: MetricsLine["stage"], event: MetricsLine["event"], progress: number, extra: Partial<MetricsLine> = {}): MetricsLine => ({ time: "2026-11-22T10:00:00.000Z", stage, event, progress, ...extra });

describe("reading a trainer run", () => {
  it("keeps whole metrics lines and leaves the one being written", () => {
    const text = [JSON.stringify(line("teacher", "progress", 0.5, { step: 10, metrics: { loss: 0.4 } })), '{"time": "2026-11-22T10:00:01', ""].join("\n");
    expect(parseMetrics(text)).toHaveLength(1);
    expect(parseMetrics(null)).toEqual([]);
    expect(parseRunState("{not json")).toBeNull();
  });

  it("tells running from lost by whether a process still runs it, and trusts the trainer's own end state", () => {
    expect(stateFrom(null, true).state).toBe("running");
    expect(stateFrom(null, false).state).toBe("lost");
    const run = { status: "failed", error: { code: "bad_input", message: "corrections.jsonl line 2: spans.0.label" } } as never;
    expect(stateFrom(run, false)).toEqual({ state: "failed", error: "bad_input: corrections.jsonl line 2: spans.0.label" });
    expect(stateFrom({ status: "cancelled", error: null } as never, true).state).toBe("running"); // still writing its checkpoint
    expect(stateFrom({ status: "succeeded", error: null } as never, false).state).toBe("succeeded");
  });

  it("weighs the stages into one progress, and draws loss and F1 curves per model", () => {
    const metrics = [line("dataset", "end", 1), line("teacher", "progress", 0.5, { step: 5, metrics: { loss: 1.2 } }), line("teacher", "epoch", 0.5, { epoch: 1, metrics: { loss: 1, val_f1: 0.6 } })];
    expect(overallProgress(metrics, ["dataset", "tokenizer"])).toEqual({ stage: "teacher", progress: 0.275 });
    expect(overallProgress([], [])).toEqual({ stage: null, progress: 0 });
    expect(curves(metrics)).toEqual({ teacher: { loss: [[5, 1.2]], valF1: [[1, 0.6]] } });
  });
});

describe("launcher settings", () => {
  it("defaults to the local launcher and refuses a malformed configuration with the reason", () => {
    expect(readLaunchersConfig(undefined)).toEqual({ local: { slots: 1, python: "/usr/bin/python3" } });
    expect(() => readLaunchersConfig("{")).toThrow(/not JSON/);
    expect(() => readLaunchersConfig('{"ssh": {"host": "gpu1"}}')).toThrow(/ssh.user/);
    expect(readLaunchersConfig('{"ray": {"address": "http://head:8265", "sharedDir": "/mnt/fra", "trainerDir": "/opt/fra/trainer"}}').ray).toMatchObject({ slots: 4, gpus: 1 });
  });

  it("quotes any path for the remote shell", () => {
    expect(shellQuote("/srv/fra runs/it's")).toBe("'/srv/fra runs/it'\\''s'");
  });

  it("maps only verified-model paths to model files", () => {
    expect(parseVerifiedPath("/verified-models/fra-ner/3/onnx/model_quantized.onnx")).toEqual({ model: "fra-ner/3", path: "onnx/model_quantized.onnx" });
    expect(parseVerifiedPath("https://huggingface.co/fra-ner/3/resolve/main/config.json")).toBeNull();
    expect(parseVerifiedPath("/verified-models/Fra_Ner/x/config.json")).toBeNull();
  });
});
