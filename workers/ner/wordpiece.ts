// The field model's tokenizer, with character offsets. A package's tokenizer.json (written by the trainer,
// trainer/fra_trainer/tokenizer.py) is a BERT WordPiece tokenizer: BertNormalizer (clean text, spaces
// around CJK, lowercase, accents kept), BertPreTokenizer, WordPiece. transformers.js tokenizes it the
// same way but says nowhere where a token came from, which the app needs to place each field on the
// page; here the offsets come out of the same single pass. Its tokens and ids are checked to equal
// transformers.js' on the shipped test set (test/unit/wordpiece.test.ts).
import { z } from "zod";

const addedTokenSchema = z.object({
  id: z.number().int().min(0),
  content: z.string().min(1),
  // Only the plain kind is read: matched in the raw text, no whitespace taken along.
  lstrip: z.literal(false),
  rstrip: z.literal(false),
  normalized: z.literal(false),
  single_word: z.literal(false),
});

const tokenizerJsonSchema = z.object({
  added_tokens: z.array(addedTokenSchema),
  normalizer: z.object({
    type: z.literal("BertNormalizer"),
    clean_text: z.literal(true),
    handle_chinese_chars: z.literal(true),
    // Stripping accents would delete Devanagari vowel signs; the trainer never writes it.
    strip_accents: z.literal(false),
    lowercase: z.literal(true),
  }),
  pre_tokenizer: z.object({ type: z.literal("BertPreTokenizer") }),
  model: z.object({
    type: z.literal("WordPiece"),
    vocab: z.record(z.string(), z.number().int().min(0)),
    unk_token: z.string(),
    continuing_subword_prefix: z.string(),
    max_input_chars_per_word: z.number().int().positive().default(100),
  }),
});

/** Tokens of a text with their ids and where each came from: [starts[i], ends[i]) in the text. */
export type EncodedText = { tokens: string[]; ids: number[]; starts: number[]; ends: number[] };

// How the normalizer and pre-tokenizer treat a character.
const enum CharKind {
  Word,
  Space,
  Punctuation, // a word of its own
  Cjk, // a word of its own (the normalizer puts spaces around it)
  Dropped, // NUL, U+FFFD and control characters
}

const PUNCTUATION = /^[\p{P}\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E]$/u;
const CONTROL = /^[\p{Cc}\p{Cf}\p{Co}\p{Cs}]$/u;

// transformers.js looks for CJK one UTF-16 unit at a time, so characters outside the BMP never count.
const isCjkUnit = (unit: number) => (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x3400 && unit <= 0x4dbf) || (unit >= 0xf900 && unit <= 0xfaff);

function charKind(ch: string, cp: number): CharKind {
  if (cp === 0 || cp === 0xfffd) return CharKind.Dropped;
  if (ch === "\t" || ch === "\n" || ch === "\r") return CharKind.Space;
  if (CONTROL.test(ch)) return CharKind.Dropped;
  if (/^\s$/u.test(ch)) return CharKind.Space;
  if (isCjkUnit(ch.charCodeAt(0))) return CharKind.Cjk;
  return PUNCTUATION.test(ch) ? CharKind.Punctuation : CharKind.Word;
}

// Vocabulary pieces by their UTF-16 units, to find the longest piece at a place in one walk.
type TrieNode = { next: Map<number, TrieNode>; piece: string | null; id: number };
const trieNode = (): TrieNode => ({ next: new Map(), piece: null, id: -1 });

function addPiece(root: TrieNode, units: string, piece: string, id: number) {
  let node = root;
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    let child = node.next.get(unit);
    if (!child) node.next.set(unit, (child = trieNode()));
    node = child;
  }
  node.piece = piece;
  node.id = id;
}

const ASCII_KINDS = Array.from({ length: 0x80 }, (_, cp) => charKind(String.fromCharCode(cp), cp));

export class WordPieceTokenizer {
  private readonly kinds = new Map<number, CharKind>(); // memo: a page has few distinct characters
  private readonly lowered = new Map<number, string>();
  private readonly firstPieces = trieNode(); // pieces that start a word
  private readonly nextPieces = trieNode(); // "##" pieces, without their "##"
  private readonly unkId: number;
  private readonly addedTokens: RegExp | null;
  // The word being cut: its lowercased UTF-16 units, and for each where its character is in the text.
  private readonly units: number[] = [];
  private readonly origins: number[] = [];
  private readonly originEnds: number[] = [];

  private constructor(
    private readonly vocab: ReadonlyMap<string, number>,
    private readonly added: ReadonlyMap<string, number>,
    private readonly unkToken: string,
    prefix: string,
    private readonly maxCharsPerWord: number,
  ) {
    const unkId = vocab.get(unkToken);
    if (unkId === undefined) throw new Error(`tokenizer.json: the unknown token ${unkToken} is not in the vocabulary`);
    this.unkId = unkId;
    for (const [piece, id] of vocab) {
      if (piece.startsWith(prefix)) addPiece(this.nextPieces, piece.slice(prefix.length), piece, id);
      else addPiece(this.firstPieces, piece, piece, id);
    }
    const escaped = [...added.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    this.addedTokens = escaped.length ? new RegExp(escaped.join("|"), "g") : null;
  }

  /** From a package's tokenizer.json; a tokenizer of another kind is refused with what differs. */
  static fromJson(json: unknown): WordPieceTokenizer {
    const parsed = tokenizerJsonSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`tokenizer.json is not a BERT WordPiece tokenizer this app can run: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    }
    const { model, added_tokens } = parsed.data;
    return new WordPieceTokenizer(
      new Map(Object.entries(model.vocab)),
      new Map(added_tokens.map((t) => [t.content, t.id])),
      model.unk_token,
      model.continuing_subword_prefix,
      model.max_input_chars_per_word,
    );
  }

  /** The id of a token of the vocabulary (or an added token); an error for one it does not have. */
  idOf(token: string): number {
    const id = this.added.get(token) ?? this.vocab.get(token);
    if (id === undefined) throw new Error(`the tokenizer has no token ${token}`);
    return id;
  }

  encode(text: string): EncodedText {
    const out: EncodedText = { tokens: [], ids: [], starts: [], ends: [] };
    let from = 0;
    if (this.addedTokens) {
      for (const match of text.matchAll(this.addedTokens)) {
        this.encodeSection(text, from, match.index, out);
        push(out, match[0], this.added.get(match[0])!, match.index, match.index + match[0].length);
        from = match.index + match[0].length;
      }
    }
    this.encodeSection(text, from, text.length, out);
    return out;
  }

  // One stretch of text between added tokens: normalize, split into words, cut each into pieces.
  private encodeSection(text: string, from: number, to: number, out: EncodedText) {
    for (let i = from; i < to; ) {
      const cp = text.codePointAt(i)!;
      const size = cp > 0xffff ? 2 : 1;
      let kind = cp < 0x80 ? ASCII_KINDS[cp]! : this.kinds.get(cp);
      if (kind === undefined) this.kinds.set(cp, (kind = charKind(String.fromCodePoint(cp), cp)));
      if (kind === CharKind.Word) this.take(cp, i, size);
      else if (kind !== CharKind.Dropped) {
        this.cutWord(out);
        if (kind === CharKind.Punctuation || kind === CharKind.Cjk) {
          this.take(cp, i, size);
          this.cutWord(out);
        }
      }
      i += size;
    }
    this.cutWord(out);
  }

  // Adds a character, lowercased, to the word being read. Per character, not per text as transformers.js
  // does: the same but for the Greek final sigma, which no vocabulary here holds (either sigma is unknown).
  private take(cp: number, at: number, size: number) {
    if (cp < 0x80) {
      this.units.push(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp);
      this.origins.push(at);
      this.originEnds.push(at + size);
      return;
    }
    let lower = this.lowered.get(cp);
    if (lower === undefined) this.lowered.set(cp, (lower = String.fromCodePoint(cp).toLowerCase()));
    for (let u = 0; u < lower.length; u++) {
      this.units.push(lower.charCodeAt(u));
      this.origins.push(at);
      this.originEnds.push(at + size);
    }
  }

  // Greedy longest match first, as WordPiece does; a word with a place no piece fits is one unknown token.
  private cutWord(out: EncodedText) {
    const { units, origins, originEnds } = this;
    if (!units.length) return;
    const mark = out.tokens.length;
    let unknown = countCodePoints(units) > this.maxCharsPerWord;
    for (let start = 0; start < units.length && !unknown; ) {
      let node: TrieNode | undefined = start === 0 ? this.firstPieces : this.nextPieces;
      let best: TrieNode | null = null;
      let bestEnd = start;
      for (let j = start; j < units.length; j++) {
        node = node.next.get(units[j]!);
        if (!node) break;
        // A piece never ends inside a character.
        if (node.piece !== null && !isLowSurrogate(units[j + 1] ?? 0)) [best, bestEnd] = [node, j + 1];
      }
      if (!best) unknown = true;
      else {
        push(out, best.piece!, best.id, origins[start]!, originEnds[bestEnd - 1]!);
        start = bestEnd;
      }
    }
    if (unknown) {
      out.tokens.length = out.ids.length = out.starts.length = out.ends.length = mark;
      push(out, this.unkToken, this.unkId, origins[0]!, originEnds[originEnds.length - 1]!);
    }
    units.length = origins.length = originEnds.length = 0;
  }
}

function push(out: EncodedText, token: string, id: number, start: number, end: number) {
  out.tokens.push(token);
  out.ids.push(id);
  out.starts.push(start);
  out.ends.push(end);
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

function countCodePoints(units: readonly number[]): number {
  let n = 0;
  for (const unit of units) if (!isLowSurrogate(unit)) n++;
  return n;
}
