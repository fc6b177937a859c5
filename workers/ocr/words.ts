// From tesseract's page structure to words with character offsets into the page's text, and from a span
// of that text back to rectangles on the image: how an extracted field is highlighted on the photo.
import type { OcrWord } from "@/workers/db/field-db";

type Box = { x0: number; y0: number; x1: number; y1: number };
export type TesseractBlocks = ReadonlyArray<{ paragraphs: ReadonlyArray<{ lines: ReadonlyArray<{ words: ReadonlyArray<{ text: string; confidence: number; bbox: Box }> }> }> }>;

/**
 * Tesseract writes some Devanagari conjuncts with a joiner between two viramas ("ल्\u200d्ल" for "ल्ल"):
 * the same letters with one virama and no joiner are how the name is typed, stored and matched. And it
 * reads the pen's first touch on an answer line, or the rule's first dot, as a quote mark or underscore
 * before the answer ("‘Waman Kanake", "_Etapalli"), which makes the model less sure of the name: a line
 * that starts with such marks before a letter starts at the letter.
 */
export function cleanOcrText(text: string): string {
  return text.replace(/[\u200c\u200d]/g, "").replace(/\u094d{2,}/g, "\u094d").replace(/^[‘’“”'"`_]+(?=\p{L})/gmu, "");
}

/** A tesseract reading as the app keeps it: the cleaned text, and its words with offsets into it. */
export function pageReading(text: string, blocks: TesseractBlocks | null): { text: string; words: OcrWord[] } {
  const clean = cleanOcrText(text);
  return { text: clean, words: wordsWithOffsets(clean, blocks) };
}

/** Words in reading order with [start, end) offsets into `text` (tesseract's own text of the same page, cleaned). */
export function wordsWithOffsets(text: string, blocks: TesseractBlocks | null): OcrWord[] {
  const words: OcrWord[] = [];
  let cursor = 0;
  let line = 0;
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const l of paragraph.lines) {
        for (const w of l.words) {
          const wordText = cleanOcrText(w.text);
          const at = wordText ? text.indexOf(wordText, cursor) : -1;
          if (at < 0) continue; // tesseract's text and its word list disagree: leave the word out rather than misplace it
          cursor = at + wordText.length;
          words.push({ text: wordText, confidence: w.confidence, start: at, end: cursor, line, bbox: [w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1] });
        }
        line++;
      }
    }
  }
  return words;
}

export type Rect = { x: number; y: number; width: number; height: number };

/** One rectangle per OCR line that the span [start, end) touches, covering the words inside the span. */
export function highlightRects(words: readonly OcrWord[], start: number, end: number): Rect[] {
  const byLine = new Map<number, [number, number, number, number]>();
  for (const w of words) {
    if (w.end <= start || w.start >= end) continue;
    const r = byLine.get(w.line);
    byLine.set(w.line, r ? [Math.min(r[0], w.bbox[0]), Math.min(r[1], w.bbox[1]), Math.max(r[2], w.bbox[2]), Math.max(r[3], w.bbox[3])] : [...w.bbox]);
  }
  return [...byLine.values()].map(([x0, y0, x1, y1]) => ({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }));
}

/** Mean confidence (0-100) of the words, weighted by length: what says whether a page was readable. */
export function meanConfidence(words: readonly OcrWord[]): number {
  let weight = 0;
  let sum = 0;
  for (const w of words) {
    const n = [...w.text].length;
    weight += n;
    sum += w.confidence * n;
  }
  return weight ? sum / weight : 0;
}
