// Text -> claim fields with any runtime that maps token ids to logits (transformers.js in the browser's
// NER worker, onnxruntime-node in the registry's evaluation). Long OCR text is cut into windows that fit
// the model and never split a word; labels from all windows are grouped against the original text.
import { groupEntities, type ExtractedEntity, type TokenPrediction } from "./decode";
import type { EncodedText } from "./wordpiece";

/** Tokens of a text, their ids, and where each came from (workers/ner/wordpiece.ts). */
export type NerTokenizer = { encode(text: string): EncodedText };

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
 * Tokens the model reads at once: [start, end) are labelled from this window; [context, start), the last
 * line with text before it, is read along and not labelled, so that a value at the top of a window still
 * has its printed label ("Name of father / mother" above "Maroti Mattami").
 */
export type TokenWindow = { context: number; start: number; end: number };

/** Where the context of a window starting at `start` begins: the last line with text before it (its blank lines too), at most `most` tokens, never inside a word. */
export function contextStart(tokens: readonly string[], start: number, most: number): number {
  const limit = Math.max(0, start - most);
  let from = start;
  while (from > limit && tokens[from - 1] === LINE_MARK) from--;
  while (from > limit && tokens[from - 1] !== LINE_MARK) from--;
  while (from < start && tokens[from]!.startsWith("##")) from++;
  return from;
}

/**
 * Windows over `tokens`: each, with its context (at most a quarter of `room`), at most `room` long. A
 * window ends after the last line mark it holds (a form's field ends at a line break, so no field is cut
 * in two) unless that would leave it shorter than a quarter of `room`; then it ends before a word, never
 * on a "##" piece. The trainer scores its test set with the same cuts (trainer/fra_trainer/features.py,
 * inference_windows).
 */
export function chunkTokens(tokens: readonly string[], room: number): TokenWindow[] {
  const windows: TokenWindow[] = [];
  const shortest = Math.floor(room / 4);
  let start = 0;
  while (start < tokens.length) {
    const context = contextStart(tokens, start, shortest);
    let end = Math.min(start + room - (start - context), tokens.length);
    if (end < tokens.length) {
      let afterLine = end;
      while (afterLine > start + shortest && tokens[afterLine - 1] !== LINE_MARK) afterLine--;
      if (afterLine > start + shortest) end = afterLine;
      else while (end > start + 1 && tokens[end]!.startsWith("##")) end--;
    }
    windows.push({ context, start, end });
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

/** `text`'s tokens, their windows, and the id rows the model takes for them ([CLS] context window [SEP]). */
export function modelInput(text: string, model: Omit<NerModel, "run">) {
  const encoded = model.tokenizer.encode(text);
  const windows = chunkTokens(encoded.tokens, model.maxLength - 2);
  const rows = windows.map((w) => [model.clsId, ...encoded.ids.slice(w.context, w.end), model.sepId]);
  return { encoded, windows, rows };
}

/**
 * Labels per token of `text`, which must already have its line breaks marked (markLineBreaks). Each
 * window is its own run: padding windows to one width costs the model more than a run's own overhead.
 */
export async function tokenPredictions(text: string, model: NerModel): Promise<TokenPrediction[]> {
  const { encoded, windows, rows } = modelInput(text, model);
  const predictions: TokenPrediction[] = [];
  for (const [w, { context, start, end }] of windows.entries()) {
    const logits = await model.run([rows[w]!]);
    const labelCount = logits.dims[2]!;
    for (let i = start; i < end; i++) {
      const { index, probability } = softmaxArgmax(logits.data, (i - context + 1) * labelCount, labelCount); // +1: skip [CLS]
      predictions.push({ token: encoded.tokens[i]!, start: encoded.starts[i]!, end: encoded.ends[i]!, label: model.labels[index] ?? "O", score: probability });
    }
  }
  return predictions;
}

export async function extractEntities(text: string, model: NerModel): Promise<ExtractedEntity[]> {
  const marked = markLineBreaks(text);
  return groupEntities(marked, await tokenPredictions(marked, model)).map((e) => ({ ...e, text: text.slice(e.start, e.end) }));
}
