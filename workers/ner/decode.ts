// From token-classification output to claim fields. transformers.js gives one label per WordPiece token,
// with no grouping and no character offsets, so we (1) align tokens back to the original text and
// (2) group B-/I- runs into entities with character spans and a confidence.
import type { EntityType } from "@/configs/ner";

export type TokenPrediction = {
  token: string; // as the tokenizer writes it: "##" marks a continuation piece
  label: string; // "O", "B-VILLAGE", "I-VILLAGE", ...
  score: number; // probability of that label
};

export type ExtractedEntity = {
  label: EntityType;
  start: number; // character offsets into the original text, end exclusive
  end: number;
  text: string;
  score: number; // mean token probability
};

const SPECIAL = new Set(["[CLS]", "[SEP]", "[PAD]", "[MASK]"]);

// The tokenizer lowercases and turns control characters away; keep where each kept character came from.
function normalizeWithOrigin(text: string): { chars: string[]; origin: number[] } {
  const chars: string[] = [];
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const isControl = /^[\p{Cc}\p{Cf}\p{Co}\p{Cs}]$/u.test(ch) && !"\t\n\r".includes(ch);
    if (cp !== 0 && cp !== 0xfffd && !isControl) {
      const lower = ch.toLowerCase();
      chars.push(/\s/u.test(ch) ? " " : [...lower].length === 1 ? lower : ch);
      origin.push(i);
    }
    i += ch.length;
  }
  return { chars, origin };
}

const isPunctuation = (ch: string) => /^[\p{P}\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E]$/u.test(ch);

/** Character span [start, end) in `text` of each token, or null for special tokens. */
export function alignTokens(text: string, tokens: readonly string[]): Array<{ start: number; end: number } | null> {
  const { chars, origin } = normalizeWithOrigin(text);
  const endOf = (k: number) => (k < origin.length ? origin[k]! : text.length);
  const spans: Array<{ start: number; end: number } | null> = [];
  let k = 0;
  for (const token of tokens) {
    if (SPECIAL.has(token)) {
      spans.push(null);
      continue;
    }
    const continuation = token.startsWith("##");
    if (!continuation) while (k < chars.length && chars[k] === " ") k++;
    const from = k;
    if (token === "[UNK]") {
      // An unknown word: everything up to the next space or punctuation mark.
      if (k < chars.length && isPunctuation(chars[k]!)) k++;
      else while (k < chars.length && chars[k] !== " " && !isPunctuation(chars[k]!)) k++;
    } else {
      k += [...(continuation ? token.slice(2) : token)].length;
    }
    k = Math.min(k, chars.length);
    spans.push(from < chars.length ? { start: origin[from]!, end: k > from ? endOf(k - 1) + charLength(text, endOf(k - 1)) : origin[from]! } : null);
  }
  return spans;
}

const charLength = (text: string, at: number) => ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);

/**
 * Groups BIO-labelled tokens into entities. The model labels words by their first piece; a "##"
 * continuation piece belongs to its word (extends the entity its word is in, whatever its own label).
 * An I- that does not continue an entity of its type opens one.
 */
export function groupEntities(text: string, predictions: readonly TokenPrediction[]): ExtractedEntity[] {
  const spans = alignTokens(text, predictions.map((p) => p.token));
  const entities: ExtractedEntity[] = [];
  let open: { label: EntityType; start: number; end: number; scores: number[] } | null = null;
  const close = () => {
    if (open) entities.push({ label: open.label, start: open.start, end: open.end, text: text.slice(open.start, open.end), score: open.scores.reduce((a, b) => a + b, 0) / open.scores.length });
    open = null;
  };
  predictions.forEach((p, i) => {
    const span = spans[i];
    if (!span) return;
    if (p.token.startsWith("##")) {
      if (open) open.end = span.end;
      return;
    }
    if (p.label === "O") return close();
    const kind = p.label.slice(2) as EntityType;
    const continues = open !== null && p.label.startsWith("I-") && open.label === kind;
    if (!continues) {
      close();
      open = { label: kind, start: span.start, end: span.end, scores: [p.score] };
    } else {
      open!.end = span.end;
      open!.scores.push(p.score);
    }
  });
  close();
  return entities;
}
