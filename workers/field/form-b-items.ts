// Form B's own items, read by the form's layout: item 1, the claimant community, and item 7, the rights
// claimed, one printed line per right, each answered on its line ("Yes: firewood, bamboo" or "Nil"). The
// model, trained on Form A's items, takes item 1's village for a claimant and item 7's printed rights
// and typed uses for names and places; so no entity inside either item fills a field.
import { CLAIMED_ANSWERS, FORM_B_RIGHT_LINES, NOT_CLAIMED_ANSWERS, type CommunityRight } from "@/configs/community-rights";
import { nameSimilarity } from "./name-similarity";
import { LABEL_LINE, STRAY_AROUND } from "./printed-label";

type Span = { start: number; end: number };

const COMMUNITY_LABEL = /claimant\s+community|दावेदार\s+समुदाय/iu;
// Item 7's label, not the form's heading ("CLAIM FORM FOR COMMUNITY RIGHTS").
const RIGHTS_LABEL = /nature\s+of\s+community\s+rights|rights\s+enjoyed|अधिकारों\s+का\s+स्वरूप/iu;
// The item after item 7: its number at a line's start, or its printed words.
const NEXT_ITEM = /^\s*\d{1,2}\s*[.,)]|\bextent\b|\bevidence\b|क्षेत्रफल|साक्ष्य/iu;
// Seven right lines, and the blank or split lines OCR makes between them.
const MAX_ITEM_LINES = 14;
// A word OCR read a letter wrong is still the printed word ("Nistat"); a short word must be exact.
const PRINTED_WORD = 0.8;
// Typed letters OCR reads as others in the answers' words ("Ni1", "N0", "Ye5").
const OCR_LOOKALIKES: Array<[RegExp, string]> = [[/[1|]/g, "l"], [/0/g, "o"], [/5/g, "s"]];
const folded = (word: string) => OCR_LOOKALIKES.reduce((s, [misread, letter]) => s.replace(misread, letter), word.toLowerCase());
// A typed word of a use written out ("firewood, bamboo"): small letters after a capital at most. OCR's
// debris of a garbled "Nil" mixes capitals in ("NEw re Nfs) DE") or is shorter.
const WRITTEN_WORD = /^(?:\p{Lu}\p{Ll}{2,}|\p{Ll}{3,})$/u;

export type ClaimantCommunityItem = { span: Span; community: string | null };

export type CommunityRightsItem = {
  /** From item 7's label to its last right's line: what the model found in it fills no field. */
  span: Span;
  /** The rights answered as claimed, in the form's order. */
  claimed: CommunityRight[];
  /** The rights whose line OCR lost, or whose answer it garbled: the worker decides them from the page. */
  unread: CommunityRight[];
};

type Word = { text: string; folded: string; index: number };
const wordsOf = (line: string): Word[] => [...line.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({ text: m[0], folded: folded(m[0]), index: m.index }));

/** One of `answers`, read with at most one letter in three wrong but its first letter right; a word of two letters must be exact. */
function isAnswer(word: Word, answers: readonly string[]): boolean {
  return answers.some((a) => (a.length <= 2 || !/^[a-z]+$/.test(a) ? word.folded === a : word.folded[0] === a[0] && nameSimilarity(word.folded, a) >= 2 / 3));
}

// Each right's printed line with its label's own words, which are no answer.
const RIGHT_LINES = FORM_B_RIGHT_LINES.map((r) => ({ ...r, labelWords: new Set(wordsOf(r.label).map((w) => w.folded)) }));

/** The right a printed line names, and the words after its name: where the answer is. */
function rightOnLine(line: string): { right: CommunityRight; after: Word[]; labelWords: ReadonlySet<string> } | null {
  const words = wordsOf(line);
  for (const [i, word] of words.entries()) {
    const printed = RIGHT_LINES.find((r) => (r.word.length <= 4 ? word.folded === r.word : nameSimilarity(word.folded, r.word) >= PRINTED_WORD) || word.text === r.localWord);
    if (printed) return { right: printed.right, after: words.slice(i + 1), labelWords: printed.labelWords };
  }
  return null;
}

/** What a right's line answers: "Yes", a use written out, "Nil" or "No"; null where OCR left none of them. */
function answerOf(after: readonly Word[], labelWords: ReadonlySet<string>): boolean | null {
  if (after.some((w) => isAnswer(w, CLAIMED_ANSWERS))) return true;
  if (after.some((w) => isAnswer(w, NOT_CLAIMED_ANSWERS))) return false;
  const written = after.filter((w) => /^[a-z]+$/.test(w.folded) && WRITTEN_WORD.test(w.text) && !labelWords.has(w.folded));
  return written.length >= 2 ? true : null;
}

/** Lines of `text` from `from` on: each line's text and where it ends. */
function* linesFrom(text: string, from: number): Generator<{ line: string; end: number }> {
  let at = from;
  while (at < text.length) {
    const next = text.indexOf("\n", at);
    const end = next < 0 ? text.length : next;
    yield { line: text.slice(at, end), end };
    at = end + 1;
  }
}

/**
 * Item 7 of a Form B page's text: under its label, each line names a right and answers it. A right is
 * claimed when its line says "Yes" or writes a use out, not claimed on "Nil" or "No", and unread when
 * OCR lost its line or its answer. Null when the text has no such label (Form A, Form C).
 */
export function communityRightsItem(text: string): CommunityRightsItem | null {
  const label = RIGHTS_LABEL.exec(text);
  if (!label) return null;
  const answers = new Map<CommunityRight, boolean | null>();
  const labelLineEnd = text.indexOf("\n", label.index);
  let end = labelLineEnd < 0 ? text.length : labelLineEnd;
  let seen = 0;
  for (const { line, end: lineEnd } of linesFrom(text, end + 1)) {
    if (NEXT_ITEM.test(line) || ++seen > MAX_ITEM_LINES) break;
    const on = rightOnLine(line);
    if (!on || answers.has(on.right)) continue;
    answers.set(on.right, answerOf(on.after, on.labelWords));
    end = lineEnd;
  }
  const inOrder = FORM_B_RIGHT_LINES.map((r) => r.right);
  return {
    span: { start: label.index, end },
    claimed: inOrder.filter((r) => answers.get(r) === true),
    unread: inOrder.filter((r) => (answers.get(r) ?? null) === null),
  };
}

/** Item 1 of a Form B page's text: the community's name, typed after the label or on the line below it. */
export function claimantCommunityItem(text: string): ClaimantCommunityItem | null {
  const label = COMMUNITY_LABEL.exec(text);
  if (!label) return null;
  const labelLineEnd = text.indexOf("\n", label.index);
  const rest = text.slice(label.index + label[0].length, labelLineEnd < 0 ? text.length : labelLineEnd);
  const colon = rest.indexOf(":");
  const named = (line: string) => {
    const value = line.replace(STRAY_AROUND, "").trim();
    return (value.match(/\p{L}/gu)?.length ?? 0) >= 3 ? value : null;
  };
  const onLabelLine = colon >= 0 ? named(rest.slice(colon + 1)) : null;
  if (onLabelLine || labelLineEnd < 0) return { span: { start: label.index, end: labelLineEnd < 0 ? text.length : labelLineEnd }, community: onLabelLine };
  for (const { line, end } of linesFrom(text, labelLineEnd + 1)) {
    if (!line.trim()) continue;
    if (LABEL_LINE.test(line)) break;
    return { span: { start: label.index, end }, community: named(line) };
  }
  return { span: { start: label.index, end: labelLineEnd }, community: null };
}
