"""A BERT WordPiece tokenizer built from the training text, written as the tokenizer.json that
transformers.js reads. Normalization and splitting mirror its BertNormalizer (lowercase, accents kept:
stripping them would delete Devanagari vowel signs) and BertPreTokenizer, and we keep character offsets
so labels can be placed on tokens."""
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from .parallel import map_chunks

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
# The BERT normalizer turns a line break into a space, but on a form the break ends a field ("Area: 1.25 ha"
# / "6. Khasra"). Line breaks become this mark (one character for one: offsets do not move), which the
# pre-tokenizer keeps as a token of its own. The app's NER does the same (workers/ner/extract.ts).
LINE_MARK = "\u00b6"


def mark_lines(text: str) -> str:
    return text.replace("\n", LINE_MARK)
PAD, UNK, CLS, SEP = 0, 1, 2, 3
MAX_CHARS_PER_WORD = 100


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_control(ch: str) -> bool:
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")


class _PerCharacter(dict):
    """A str.translate table that computes a character's entry on first use and keeps it: a text's
    characters repeat, so each is classified once, not once per occurrence."""

    def __init__(self, entry):
        super().__init__()
        self.entry = entry

    def __missing__(self, code_point: int) -> str:
        value = self[code_point] = self.entry(chr(code_point))
        return value


def _lower(ch: str) -> str:
    # Character by character, as BertNormalizer does: str.lower() on a whole word would also apply
    # context rules (a final sigma) and let one character become two (İ), moving every offset after it.
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def _kind(ch: str) -> str:
    """d: dropped by the normalizer, s: space, p: punctuation (a word of its own), w: part of a word."""
    if ch in ("\0", "\ufffd") or _is_control(ch):
        return "d"
    ch = " " if ch.isspace() else _lower(ch)
    return "s" if ch.isspace() else "p" if _is_punct(ch) else "w"


_LOWER, _KINDS = _PerCharacter(_lower), _PerCharacter(_kind)
# A word: word characters, with dropped ones only between them; or one punctuation character.
_WORD = re.compile(r"w(?:d*w)*|p")


def pre_tokenize(text: str):
    """Words as (word, start, end, positions) in the original text: whitespace separates, punctuation
    stands alone; the word is normalized (lowercased character by character, control characters dropped)
    and positions holds each of its characters' index in the text."""
    kinds, lowered = text.translate(_KINDS), text.translate(_LOWER)
    spans = (match.span() for match in _WORD.finditer(kinds))
    if "d" not in kinds:  # nearly every text: a word is a plain slice
        return [(lowered[a:b], a, b, range(a, b)) for a, b in spans]
    words = []
    for a, b in spans:
        positions = [i for i in range(a, b) if kinds[i] != "d"]
        words.append(("".join(lowered[i] for i in positions), a, b, positions))
    return words


def _word_counts(texts: list) -> list:
    return [Counter(w for t in texts for w, *_ in pre_tokenize(mark_lines(t)))]


class WordPiece:
    def __init__(self, vocab: list):
        self.vocab = vocab
        self.ids = {piece: i for i, piece in enumerate(vocab)}
        self._encoded = {}  # word -> its pieces: a corpus repeats its words many times over

    def encode_word(self, word: str):
        """Greedy longest match first, as transformers.js does: [(piece id, first char, end char)] or None."""
        try:
            return self._encoded[word]
        except KeyError:
            pieces = self._encoded[word] = self._longest_match(word)
            return pieces

    def _longest_match(self, word: str):
        if len(word) > MAX_CHARS_PER_WORD:
            return None
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    pieces.append((self.ids[piece], start, end))
                    break
                end -= 1
            else:
                return None
            start = end
        return pieces

    def encode(self, text: str):
        """Token ids (no [CLS]/[SEP]) with (start, end) character offsets into the original text."""
        ids, offsets = [], []
        for word, w_start, w_end, positions in pre_tokenize(mark_lines(text)):
            pieces = self.encode_word(word)
            if pieces is None:
                ids.append(UNK)
                offsets.append((w_start, w_end))
                continue
            for piece_id, a, b in pieces:
                ids.append(piece_id)
                offsets.append((positions[a], positions[b - 1] + 1))
        return ids, offsets

    @staticmethod
    def train(texts, vocab_size: int, processes: int = 1, stop_if_asked=lambda: None) -> "WordPiece":
        """Every character (as a word start and as ##continuation), then the most useful whole words and
        word pieces of the corpus until vocab_size. Frequency times length favours pieces that save tokens.
        Pieces are ranked by (score, piece), so the order the words were counted in does not matter."""
        words = Counter()
        for counts in map_chunks(_word_counts, texts, processes, stop_if_asked):
            words.update(counts)
        alphabet = set("abcdefghijklmnopqrstuvwxyz0123456789" + LINE_MARK) | {chr(c) for c in range(0x0900, 0x0980)}
        alphabet |= {ch for w in words for ch in w}
        vocab = SPECIALS + sorted(alphabet) + sorted("##" + ch for ch in alphabet if not _is_punct(ch))
        candidates = Counter()
        for w, n in words.items():
            if len(w) < 2:
                continue
            candidates[w] += n
            for size in range(2, min(6, len(w))):
                candidates[w[:size]] += n
                for start in range(1, len(w) - size + 1):
                    candidates["##" + w[start:start + size]] += n
        seen = set(vocab)
        ranked = sorted(candidates.items(), key=lambda kv: (-kv[1] * (len(kv[0].lstrip("#")) - 1), kv[0]))
        for piece, _ in ranked:
            if len(vocab) >= vocab_size:
                break
            if piece not in seen:
                vocab.append(piece)
                seen.add(piece)
        return WordPiece(vocab)

    def save(self, out_dir: Path, max_length: int) -> None:
        """tokenizer.json and tokenizer_config.json in the layout transformers.js loads."""
        special = lambda i, t: {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
        tokenizer = {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": [special(i, t) for i, t in enumerate(SPECIALS)],
            "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": False, "lowercase": True},
            "pre_tokenizer": {"type": "BertPreTokenizer"},
            "post_processor": {
                "type": "TemplateProcessing",
                "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                         {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                "special_tokens": {t: {"id": t, "ids": [i], "tokens": [t]} for i, t in enumerate(SPECIALS) if t in ("[CLS]", "[SEP]")},
            },
            "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
            "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": MAX_CHARS_PER_WORD,
                      "vocab": {piece: i for i, piece in enumerate(self.vocab)}},
        }
        config = {
            "tokenizer_class": "BertTokenizer", "do_lower_case": True, "strip_accents": False, "tokenize_chinese_chars": True,
            "model_max_length": max_length, "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]",
        }
        (out_dir / "tokenizer.json").write_text(json.dumps(tokenizer, ensure_ascii=False))
        (out_dir / "tokenizer_config.json").write_text(json.dumps(config, indent=2))
        (out_dir / "vocab.txt").write_text("\n".join(self.vocab) + "\n", encoding="utf-8")

    @staticmethod
    def load(out_dir: Path) -> "WordPiece":
        return WordPiece((out_dir / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1])
