import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { groupEntities } from "@/workers/ner/decode";
import { chunkTokens, contextStart, softmaxArgmax } from "@/workers/ner/extract";

// Tokens placed on the text one after another, as the tokenizer's offsets place them (workers/ner/wordpiece.ts).
function placed(text: string, tokens: readonly string[]) {
  let at = 0;
  return tokens.map((token) => {
    const piece = token.replace(/^##/, "");
    const start = text.toLowerCase().indexOf(piece, at);
    at = start + piece.length;
    return { token, start, end: at };
  });
}

describe("BIO grouping", () => {
  const text = "Name: Ramesh Atram, Village: Kotgul";
  const tokens = ["name", ":", "ram", "##esh", "at", "##ram", ",", "village", ":", "kot", "##gul"];
  const labels = ["O", "O", "B-CLAIMANT", "I-CLAIMANT", "I-CLAIMANT", "I-CLAIMANT", "O", "O", "O", "B-VILLAGE", "I-VILLAGE"];

  it("groups B-/I- runs of words into fields with character offsets and the mean score of their words", () => {
    const entities = groupEntities(text, placed(text, tokens).map((t, i) => ({ ...t, label: labels[i]!, score: i === 2 ? 0.5 : 1 })));
    expect(entities).toEqual([
      { label: "CLAIMANT", start: 6, end: 18, text: "Ramesh Atram", score: 0.75 },
      { label: "VILLAGE", start: 29, end: 35, text: "Kotgul", score: 1 },
    ]);
  });

  it("keeps a word whole: continuation pieces follow their word whatever the model said for them", () => {
    const noisy = ["O", "O", "I-CLAIMANT", "O", "I-CLAIMANT", "B-VILLAGE", "O", "O", "O", "B-VILLAGE", "O"];
    const entities = groupEntities(text, placed(text, tokens).map((t, i) => ({ ...t, label: noisy[i]!, score: 1 })));
    expect(entities.map((e) => [e.label, e.text])).toEqual([["CLAIMANT", "Ramesh Atram"], ["VILLAGE", "Kotgul"]]);
  });

  it("opens a new entity on a repeated B- and on an I- of another type", () => {
    const place = "Kotgul Tola Pipgaon";
    const labels = ["B-VILLAGE", "B-VILLAGE", "I-TEHSIL", "O"];
    const entities = groupEntities(place, placed(place, ["kotgul", "tola", "pip", "##gaon"]).map((t, i) => ({ ...t, label: labels[i]!, score: 1 })));
    expect(entities.map((e) => [e.label, e.text])).toEqual([["VILLAGE", "Kotgul"], ["VILLAGE", "Tola"], ["TEHSIL", "Pipgaon"]]);
  });
});

describe("chunking", () => {
  it("cuts long token lists into windows that fit and never start on a continuation piece", () => {
    const tokens = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `w${i}` : `##p${i}`));
    const windows = chunkTokens(tokens, 126);
    expect(windows[0]!.start).toBe(0);
    expect(windows.at(-1)!.end).toBe(300);
    for (const { context, start, end } of windows) {
      expect(end - context).toBeLessThanOrEqual(126);
      expect(tokens[start]!.startsWith("##")).toBe(false);
      expect(tokens[context]!.startsWith("##")).toBe(false);
    }
    windows.slice(1).forEach(({ start }, i) => expect(start).toBe(windows[i]!.end));
  });

  it("ends a window after its last line mark, so that a field on one line stays in one window", () => {
    const line = ["village", "##s", ":", "pip", "##gaon", "\u00b6"]; // six tokens ending with a line break
    const tokens = Array.from({ length: 50 }, () => line).flat();
    const windows = chunkTokens(tokens, 126);
    expect(windows[0]).toEqual({ context: 0, start: 0, end: 126 }); // 21 whole lines
    // The next window reads the line before it along: 6 tokens, and 20 lines of its own.
    expect(windows[1]).toEqual({ context: 120, start: 126, end: 246 });
    for (const { end } of windows.slice(0, -1)) expect(tokens[end - 1]).toBe("\u00b6");
    expect(windows.at(-1)!.end).toBe(300);
  });

  it("falls back to a word boundary when the last line mark would leave a window too short", () => {
    const tokens = ["a", "\u00b6", ...Array.from({ length: 200 }, (_, i) => (i % 2 ? "##x" : "w"))];
    const [first] = chunkTokens(tokens, 126);
    expect(first!.end).toBeGreaterThan(126 / 4);
    expect(tokens[first!.end]!.startsWith("##")).toBe(false);
  });

  it("reads the line before a window along, so that a value at its top keeps its printed label", () => {
    const label = ["name", "of", "father", "/", "mother", "\u00b6", "\u00b6"];
    const tokens = [...Array.from({ length: 110 }, () => "w"), "\u00b6", ...label, "mar", "##oti", "matt", "##ami", "\u00b6"];
    const [, second] = chunkTokens(tokens, 126 - 8);
    expect(tokens.slice(second!.start, second!.end)).toEqual(["mar", "##oti", "matt", "##ami", "\u00b6"]);
    expect(tokens.slice(second!.context, second!.start)).toEqual(label);
    // A line longer than a quarter of the room gives its last words alone, from a word's first piece.
    const long = [...Array.from({ length: 60 }, (_, i) => (i % 2 ? "##x" : "w")), "\u00b6"];
    expect(contextStart(long, 61, 10)).toBe(52); // 51 is a "##" piece
    expect(contextStart(long, 0, 9)).toBe(0);
  });

  it("cuts the same windows as the trainer's test scoring (features.py, inference_windows)", () => {
    // Lines of 1 to 70 tokens, some words in several pieces: every rule of the cut gets exercised.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const tokens: string[] = [];
    while (tokens.length < 2000) {
      const words = 1 + Math.floor(random() ** 3 * 70);
      for (let w = 0; w < words; w++) tokens.push("w", ...(random() < 0.3 ? ["##x", "##y"] : []));
      tokens.push("\u00b6");
    }
    const script = [
      "import json, sys",
      "from fra_trainer.features import inference_windows",
      "t = json.load(sys.stdin)",
      "ids = [1 if x == '\u00b6' else 2 if x.startswith('##') else 3 for x in t['tokens']]",
      "cuts = inference_windows(ids, [0] * len(ids), t['room'] + 2, 1, [x.startswith('##') for x in t['tokens']])",
      "print(json.dumps([[next(i for i, y in enumerate(l[1:]) if y != -100), len(w) - 2] for w, l in cuts]))",
    ].join("\n");
    for (const room of [30, 126]) {
      // Per window: the length of its context and of the whole row.
      const lengths = JSON.parse(execFileSync("/usr/bin/python3", ["-c", script], { input: JSON.stringify({ tokens, room }), env: { ...process.env, PYTHONPATH: "trainer" } }).toString()) as number[][];
      expect(chunkTokens(tokens, room).map((w) => [w.start - w.context, w.end - w.context])).toEqual(lengths);
    }
  });

  it("returns no windows for no tokens", () => {
    expect(chunkTokens([], 126)).toEqual([]);
  });

  it("takes the most probable label with its probability", () => {
    const { index, probability } = softmaxArgmax(new Float32Array([1, 3, 2]));
    expect(index).toBe(1);
    expect(probability).toBeCloseTo(Math.exp(3) / (Math.exp(1) + Math.exp(3) + Math.exp(2)), 6);
  });
});

describe("line breaks", () => {
  it("become the one-character mark the model was trained with, so offsets stay put", async () => {
    const { markLineBreaks, LINE_MARK } = await import("@/workers/ner/extract");
    const text = "Area: 1.25 ha\n6. Khasra: 212/3";
    const marked = markLineBreaks(text);
    expect(marked).toHaveLength(text.length);
    expect(marked.indexOf(LINE_MARK)).toBe(text.indexOf("\n"));
  });
});

describe("encoder inputs", () => {
  it("pads rows to one width with a mask over the real tokens", async () => {
    const { encoderFeeds } = await import("@/workers/ner/feeds");
    class T {
      constructor(readonly type: string, readonly data: BigInt64Array, readonly dims: number[]) {}
    }
    const feeds = encoderFeeds([[2, 10, 11, 3], [2, 12, 3]], T);
    expect(feeds.input_ids.dims).toEqual([2, 4]);
    expect([...feeds.input_ids.data]).toEqual([2n, 10n, 11n, 3n, 2n, 12n, 3n, 0n]);
    expect([...feeds.attention_mask.data]).toEqual([1n, 1n, 1n, 1n, 1n, 1n, 1n, 0n]);
    expect([...feeds.token_type_ids.data].every((v) => v === 0n)).toBe(true);
  });
});

describe("windows run one by one", () => {
  it("label a page as one padded batch of its windows would, with the shipped student in onnxruntime-node", async () => {
    const { loadPackageModel } = await import("@/server/services/models/onnx-check");
    const { markLineBreaks, modelInput, tokenPredictions } = await import("@/workers/ner/extract");
    const model = await loadPackageModel("models/fra-ner", "model_quantized.onnx");
    try {
      const line = (n: number) => `${n}. Name of the claimant: Ramesh Usendi, Village: Pipgaon, Tehsil: Etapalli, Area: 1.${n} ha`;
      const page = markLineBreaks(Array.from({ length: 14 }, (_, n) => line(n + 1)).join("\n"));
      const { windows, rows } = modelInput(page, model);
      expect(new Set(rows.map((r) => r.length)).size).toBeGreaterThan(1); // a short last window, which a batch pads
      const batch = await model.run(rows);
      const [, width, labelCount] = batch.dims as [number, number, number];
      const batchLabels = windows.flatMap(({ context, start, end }, w) =>
        Array.from({ length: end - start }, (_, i) => model.labels[softmaxArgmax(batch.data, (w * width + start - context + i + 1) * labelCount, labelCount).index]),
      );
      const labels = (await tokenPredictions(page, model)).map((p) => p.label);
      expect(labels).toEqual(batchLabels);
      expect(labels.filter((l) => l === "B-VILLAGE")).toHaveLength(14);
    } finally {
      await model.session.release();
    }
  });
});
