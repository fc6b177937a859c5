import { describe, expect, it } from "vitest";
import { estimateSkew, looksBlank, otsuThreshold, prepareForOcr, rotate, stretchContrast, type GrayImage } from "@/workers/ocr/preprocess";
import { sniffImageType } from "@/workers/ocr/photo-check";
import { cleanOcrText, highlightRects, meanConfidence, pageReading, wordsWithOffsets } from "@/workers/ocr/words";

// A page of "text": rows of dark word-like blocks on light paper, as a form's typed lines look to a scanner.
function textPage(width = 800, height = 1000, paper = 235, ink = 40): GrayImage {
  const data = new Uint8Array(width * height).fill(paper);
  for (let line = 0; line < 18; line++) {
    const y0 = 60 + line * 50;
    let x = 60 + ((line * 37) % 50);
    while (x < width - 120) {
      const w = 20 + ((x * 13 + line * 7) % 70);
      for (let y = y0; y < y0 + 14; y++) for (let i = x; i < Math.min(width - 60, x + w); i++) data[y * width + i] = ink;
      x += w + 14;
    }
  }
  return { data, width, height };
}

describe("page preprocessing", () => {
  it("measures how far a page is turned, either way, to within a quarter degree", () => {
    for (const angle of [-6, -2.5, 0, 1.2, 4]) {
      const turned = rotate(textPage(), angle);
      expect(Math.abs(estimateSkew(turned) - angle)).toBeLessThan(0.25);
    }
  });

  it("straightens a turned page and stretches a faded one to full contrast", () => {
    const faded = rotate(textPage(800, 1000, 200, 140), 3);
    const { image, skewDegrees, blank } = prepareForOcr(faded);
    expect(blank).toBe(false);
    expect(skewDegrees).toBeCloseTo(3, 0);
    expect(Math.abs(estimateSkew(image))).toBeLessThan(0.25);
    expect(image.data.reduce((a, v) => Math.min(a, v), 255)).toBeLessThanOrEqual(5);
    expect(image.data.reduce((a, v) => Math.max(a, v), 0)).toBeGreaterThanOrEqual(250);
  });

  it("calls a blank or nearly blank sheet blank, and a page with text not blank", () => {
    const noise = new Uint8Array(600 * 800).map((_, i) => 228 + ((i * 2654435761) % 9));
    expect(looksBlank({ data: noise, width: 600, height: 800 })).toBe(true);
    expect(looksBlank(textPage())).toBe(false);
  });

  it("leaves a flat image as it is and splits ink from paper with Otsu's threshold", () => {
    const flat = { data: new Uint8Array(100).fill(128), width: 10, height: 10 };
    expect(stretchContrast(flat)).toBe(flat);
    const t = otsuThreshold(textPage().data);
    expect(t).toBeGreaterThanOrEqual(40);
    expect(t).toBeLessThan(235);
  });

  it("recognises photos by their first bytes, not their names", () => {
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("%PDF-1.7\n"))).toBeNull();
  });
});

describe("OCR words", () => {
  const text = "Village / ग्राम\nPipgaon\nTehsil\nEtapalli Korchi\n";
  const word = (t: string, x: number, y: number, confidence = 90) => ({ text: t, confidence, bbox: { x0: x, y0: y, x1: x + 10 * t.length, y1: y + 20 } });
  const blocks = [{ paragraphs: [{ lines: [
    { words: [word("Village", 0, 0), word("/", 80, 0), word("ग्राम", 100, 0)] },
    { words: [word("Pipgaon", 0, 30)] },
    { words: [word("Tehsil", 0, 60)] },
    { words: [word("Etapalli", 0, 90, 60), word("Korchi", 100, 90, 30)] },
  ] }] }];

  it("finds each word's offsets in the page text", () => {
    const words = wordsWithOffsets(text, blocks);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(["Village", "/", "ग्राम", "Pipgaon", "Tehsil", "Etapalli", "Korchi"]);
    expect(words.map((w) => w.line)).toEqual([0, 0, 0, 1, 2, 3, 3]);
  });

  it("draws one rectangle per line a span touches, around the words in the span", () => {
    const words = wordsWithOffsets(text, blocks);
    const at = text.indexOf("Pipgaon");
    expect(highlightRects(words, at, at + 7)).toEqual([{ x: 0, y: 30, width: 70, height: 20 }]);
    const both = text.indexOf("Etapalli");
    expect(highlightRects(words, both, both + "Etapalli Korchi".length)).toEqual([{ x: 0, y: 90, width: 160, height: 20 }]);
    expect(highlightRects(words, text.indexOf("Tehsil"), text.indexOf("Korchi"))).toHaveLength(2);
  });

  it("cleans the text as names are typed: one virama in a conjunct, no stray mark before a line's first letter", () => {
    expect(cleanOcrText("पैकू पल\u094d\u200d\u094dलो")).toBe("पैकू पल्लो");
    expect(cleanOcrText("1. Name of the claimant(s)\n‘Waman Kanake (वामन कनाके)\n_Etapalli\n\"Ramesh")).toBe("1. Name of the claimant(s)\nWaman Kanake (वामन कनाके)\nEtapalli\nRamesh");
    // A mark inside a line, or before something that is not a letter, stays.
    expect(cleanOcrText("Gram 'Pipgaon'\n_ 12\n\"(")).toBe("Gram 'Pipgaon'\n_ 12\n\"(");
    // The words keep their places in the cleaned text.
    const read = pageReading("Claimant\n‘Waman Kanake", [{ paragraphs: [{ lines: [{ words: [word("Claimant", 0, 0)] }, { words: [word("‘Waman", 0, 30), word("Kanake", 80, 30)] }] }] }]);
    expect(read.text).toBe("Claimant\nWaman Kanake");
    expect(read.words.map((w) => [w.text, read.text.slice(w.start, w.end)])).toEqual([["Claimant", "Claimant"], ["Waman", "Waman"], ["Kanake", "Kanake"]]);
  });

  it("weighs confidence by word length", () => {
    const words = wordsWithOffsets(text, blocks).slice(5);
    expect(meanConfidence(words)).toBeCloseTo((60 * 8 + 30 * 6) / 14, 5);
    expect(meanConfidence([])).toBe(0);
  });
});
