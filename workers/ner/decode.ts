// From token-classification output to claim fields: one label per WordPiece token (transformers.js gives
// no grouping), grouped into entities with character spans and a confidence. Each token carries where it
// came from in the text (workers/ner/wordpiece.ts).
import type { EntityType } from "@/configs/ner";

export type TokenPrediction = {
  token: string; // as the tokenizer writes it: "##" marks a continuation piece
  start: number; // where it came from in the text, end exclusive
  end: number;
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

/**
 * Groups BIO-labelled tokens into entities. The model labels words by their first piece; a "##"
 * continuation piece belongs to its word (extends the entity its word is in, whatever its own label).
 * An I- that does not continue an entity of its type opens one.
 */
export function groupEntities(text: string, predictions: readonly TokenPrediction[]): ExtractedEntity[] {
  const entities: ExtractedEntity[] = [];
  let open: { label: EntityType; start: number; end: number; scores: number[] } | null = null;
  const close = () => {
    if (open) entities.push({ label: open.label, start: open.start, end: open.end, text: text.slice(open.start, open.end), score: open.scores.reduce((a, b) => a + b, 0) / open.scores.length });
    open = null;
  };
  for (const p of predictions) {
    if (p.token.startsWith("##")) {
      if (open) open.end = p.end;
      continue;
    }
    if (p.label === "O") {
      close();
      continue;
    }
    const kind = p.label.slice(2) as EntityType;
    const continues = open !== null && p.label.startsWith("I-") && open.label === kind;
    if (!continues) {
      close();
      open = { label: kind, start: p.start, end: p.end, scores: [p.score] };
    } else {
      open!.end = p.end;
      open!.scores.push(p.score);
    }
  }
  close();
  return entities;
}
