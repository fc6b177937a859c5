// Text -> claim fields with any runtime that maps token ids to logits (transformers.js in the browser's
// NER worker, onnxruntime-node in the registry's evaluation). Long OCR text is cut into windows that fit
// the model and never split a word; labels from all windows are grouped against the original text.
import { groupEntities, type ExtractedEntity, type TokenPrediction } from "./decode";

export type NerTokenizer = {
  tokenize(text: string): string[];
  /** The vocabulary's ids of tokens `tokenize` made: a lookup, not a second pass over the text. */
  idsOf(tokens: string[]): number[];
};

export type Logits = { data: Float32Array; dims: readonly number[] }; // [batch, sequence, labels]
export type LogitsRunner = (inputIds: number[][]) => Promise<Logits>;

export type NerModel = {
  tokenizer: NerTokenizer;
  run: LogitsRunner;
  labels: readonly string[]; // id2label in index order
  maxLength: number;
  clsId: number;
  sepId: number;
};

// The BERT normalizer turns a line break into a space, but on a form a break ends a field; the model was
// trained with breaks replaced by this mark (one character for one, so offsets do not move).
export const LINE_MARK = "\u00b6";
export const markLineBreaks = (text: string) => text.replace(/\n/g, LINE_MARK);

/**
 * Window boundaries over `tokens`: each at most `room` long. A window ends after the last line mark it
 * holds (a form's field ends at a line break, so no field is cut in two) unless that would leave it
 * shorter than a quarter of `room`; then it ends before a word, never on a "##" piece. The trainer scores
 * its test set with the same cuts (trainer/fra_trainer/features.py, inference_windows).
 */
export function chunkTokens(tokens: readonly string[], room: number): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  const shortest = Math.floor(room / 4);
  let start = 0;
  while (start < tokens.length) {
    let end = Math.min(start + room, tokens.length);
    if (end < tokens.length) {
      let afterLine = end;
      while (afterLine > start + shortest && tokens[afterLine - 1] !== LINE_MARK) afterLine--;
      if (afterLine > start + shortest) end = afterLine;
      else while (end > start + 1 && tokens[end]!.startsWith("##")) end--;
    }
    windows.push([start, end]);
    start = end;
  }
  return windows;
}

/** The best label of one token's logits and its probability; reads `row[from, from + count)` in place. */
export function softmaxArgmax(row: Float32Array, from = 0, count = row.length - from): { index: number; probability: number } {
  let best = from;
  for (let j = from + 1; j < from + count; j++) if (row[j]! > row[best]!) best = j;
  let sum = 0;
  for (let j = from; j < from + count; j++) sum += Math.exp(row[j]! - row[best]!);
  return { index: best - from, probability: 1 / sum };
}

/** `text`'s tokens, their windows, and the id rows the model takes for them ([CLS] window [SEP]). */
export function modelInput(text: string, model: Omit<NerModel, "run">) {
  const tokens = model.tokenizer.tokenize(text);
  const ids = model.tokenizer.idsOf(tokens);
  const windows = chunkTokens(tokens, model.maxLength - 2);
  const rows = windows.map(([a, b]) => [model.clsId, ...ids.slice(a, b), model.sepId]);
  return { tokens, windows, rows };
}

/**
 * Labels per token of `text`, which must already have its line breaks marked (markLineBreaks). Each
 * window is its own run: padding windows to one width costs the model more than a run's own overhead.
 */
export async function tokenPredictions(text: string, model: NerModel): Promise<TokenPrediction[]> {
  const { tokens, windows, rows } = modelInput(text, model);
  const predictions: TokenPrediction[] = [];
  for (const [w, [a, b]] of windows.entries()) {
    const logits = await model.run([rows[w]!]);
    const labelCount = logits.dims[2]!;
    for (let i = a; i < b; i++) {
      const { index, probability } = softmaxArgmax(logits.data, (i - a + 1) * labelCount, labelCount); // +1: skip [CLS]
      predictions.push({ token: tokens[i]!, label: model.labels[index] ?? "O", score: probability });
    }
  }
  return predictions;
}

export async function extractEntities(text: string, model: NerModel): Promise<ExtractedEntity[]> {
  const marked = markLineBreaks(text);
  return groupEntities(marked, await tokenPredictions(marked, model)).map((e) => ({ ...e, text: text.slice(e.start, e.end) }));
}
