// The app's WordPiece tokenizer against transformers.js' reading of the same tokenizer.json: the model was
// trained on these tokens, so they must be the same ones, and each must point at where it came from.
import { readFileSync } from "node:fs";
import { BertTokenizer } from "@huggingface/transformers";
import { describe, expect, it } from "vitest";
import { nerExampleSchema } from "@/configs/ner";
import { markLineBreaks } from "@/workers/ner/extract";
import { WordPieceTokenizer } from "@/workers/ner/wordpiece";

const SHIPPED = "models/fra-ner";
const tokenizerJson = JSON.parse(readFileSync(`${SHIPPED}/tokenizer.json`, "utf8")) as Record<string, unknown>;
const ours = WordPieceTokenizer.fromJson(tokenizerJson);
const theirs = new BertTokenizer(tokenizerJson, JSON.parse(readFileSync(`${SHIPPED}/tokenizer_config.json`, "utf8")) as object);

const testTexts = readFileSync(`${SHIPPED}/test.jsonl`, "utf8").split("\n").filter((l) => l.trim()).map((l) => nerExampleSchema.parse(JSON.parse(l)).text);

// What the normalizer and pre-tokenizer treat specially: control characters and U+FFFD (dropped), zero-width
// joiners in Devanagari (format characters: dropped), CJK (a word each), the specials written out, a
// letter whose lowercase is two characters, a character outside the BMP, a word past 100 characters.
const EDGE_CASES = [
  "Khasra\u0007 №123 ok\u0000 \ufffd done",
  "क्\u200dष Name:\u00a0RAMESH\u2003Atram\tGATTA\r\nVillage",
  "Pipgaon 村民 Tola㐀b 𠀀x",
  "[CLS] name [SEP]: [UNK]x[MASK]",
  "İstanbul ÀÉÎ Straße ΣΑΣ",
  "emoji 😀 plot 12/3",
  "a".repeat(101) + " " + "b".repeat(100),
  "",
  "  \n ",
];

describe("the app's WordPiece tokenizer", () => {
  it("gives transformers.js' tokens and ids on every text of the shipped model's test set and on the edge cases", () => {
    const texts = [...testTexts.map(markLineBreaks), ...EDGE_CASES];
    expect(testTexts.length).toBeGreaterThan(500);
    for (const text of texts) {
      const encoded = ours.encode(text);
      const tokens = theirs.tokenize(text);
      expect(encoded.tokens, text).toEqual(tokens);
      expect(encoded.ids, text).toEqual(theirs.convert_tokens_to_ids(tokens));
    }
  });

  it("points each token at the characters it was made of, case and spacing as written", () => {
    const text = markLineBreaks("Village:  KOTgul Tola\nरमेश №12 [SEP] done");
    const { tokens, starts, ends } = ours.encode(text);
    const pieces = tokens.map((t, i) => [t, text.slice(starts[i], ends[i])]);
    // Every piece is its text lowercased, an unknown word is all of it, a special is itself.
    for (const [token, slice] of pieces) {
      if (token === "[UNK]") expect(slice).toBe("№12");
      else if (token === "[SEP]") expect(slice).toBe("[SEP]");
      else expect(slice!.toLowerCase()).toBe(token!.replace(/^##/, ""));
    }
    expect(pieces.map(([, slice]) => slice).join("")).toBe(text.replace(/\s+/g, ""));
  });

  it("keeps offsets in the original text past dropped characters, surrogate pairs and two-character lowercase", () => {
    const text = "a\u0000İb 😀 Ram\u200desh";
    const { tokens, starts, ends } = ours.encode(text);
    expect(tokens).toEqual(theirs.tokenize(text));
    const last = tokens.length - 1;
    // NUL is dropped, not a space: "aİb" is one word, and "i̇" (İ lowercased) is in no vocabulary here.
    expect([tokens[0], text.slice(starts[0], ends[0])]).toEqual(["[UNK]", "a\u0000İb"]);
    expect(text.slice(starts[1], ends[1])).toBe("😀");
    expect(text.slice(starts[last], ends[last]).endsWith("esh")).toBe(true);
    for (let i = 0; i < tokens.length; i++) expect(ends[i]!).toBeGreaterThan(starts[i]!);
  });

  it("refuses a tokenizer.json it cannot run, saying what differs", () => {
    const withAccentsStripped = { ...tokenizerJson, normalizer: { ...(tokenizerJson.normalizer as object), strip_accents: true } };
    expect(() => WordPieceTokenizer.fromJson(withAccentsStripped)).toThrow(/not a BERT WordPiece tokenizer.*normalizer\.strip_accents/);
    expect(() => WordPieceTokenizer.fromJson({ ...tokenizerJson, model: { type: "BPE", vocab: {}, merges: [] } })).toThrow(/model\.type/);
    expect(() => WordPieceTokenizer.fromJson("not json at all")).toThrow(/not a BERT WordPiece tokenizer/);
    const noUnknown = { ...tokenizerJson, model: { ...(tokenizerJson.model as object), unk_token: "[NOPE]" } };
    expect(() => WordPieceTokenizer.fromJson(noUnknown)).toThrow(/unknown token \[NOPE\] is not in the vocabulary/);
  });
});
