"""Examples -> model inputs: token ids with BIO label ids, cut into windows of the model's length."""
from functools import partial

from .parallel import map_chunks
from .schema import LABEL_TO_ID, LABELS
from .tokenizer import CLS, LINE_MARK, SEP, WordPiece

# A word's first piece in a text nobody labelled: the teacher's distribution is its only target.
UNLABELED = -1


def bio_labels(offsets: list, spans: list, continuation: list | None = None) -> list:
    """Each word takes the entity its first character falls in: B- for the first word of a span, I- after.
    Labels go on a word's first piece only; its "##" continuation pieces get -100 (no loss) and inherit
    the word's label when the app groups entities, so a name is never cut inside a word."""
    spans = sorted(spans, key=lambda s: s["start"])
    labels, k, previous = [], 0, None
    for i, (start, _end) in enumerate(offsets):
        if continuation and continuation[i]:
            labels.append(-100)
            continue
        while k < len(spans) and spans[k]["end"] <= start:
            k += 1
        span = spans[k] if k < len(spans) and spans[k]["start"] <= start < spans[k]["end"] else None
        if span is None:
            labels.append(LABEL_TO_ID["O"])
        else:
            prefix = "I" if previous is span else "B"
            labels.append(LABEL_TO_ID[f"{prefix}-{span['label']}"])
        previous = span
    return labels


def _cut(ids: list, labels: list, max_length: int, end_before, context_from=lambda start: start):
    """Consecutive windows of at most max_length - 2 tokens, each wrapped in [CLS] ... [SEP]. Where a
    window must end before the text does, end_before(start, end) moves its end back to a good cut. A
    window may also read tokens before its own, from context_from(start), unscored (-100), in its room."""
    room = max_length - 2
    start = 0
    while start < len(ids) or start == 0:
        context = context_from(start)
        end = min(start + room - (start - context), len(ids))
        if end < len(ids):
            end = end_before(start, end)
        yield [CLS] + ids[context:end] + [SEP], [-100] * (1 + start - context) + labels[start:end] + [-100]
        if end >= len(ids):
            break
        start = end


def windows(ids: list, labels: list, max_length: int, line_mark: int, continuation: list):
    """Training windows. A window never starts inside a word or an entity: it backs off to the entity's
    B- token (the labels say where entities are, which only training may use). Each window after the
    first reads the line before it, unscored, as the app's windows do (inference_windows): the model
    learns to use a printed label that a window's first line left in the window before."""
    half_room = (max_length - 2) // 2

    def back_to_entity_start(start: int, end: int) -> int:
        while end > start + half_room and (labels[end] == -100 or (labels[end] != LABEL_TO_ID["O"] and not _is_begin(labels[end]))):
            end -= 1
        return end

    return _cut(ids, labels, max_length, back_to_entity_start, _line_before(ids, max_length, line_mark, continuation))


def context_start(ids: list, start: int, most: int, line_mark: int, continuation: list) -> int:
    """Where the context of a window starting at `start` begins (workers/ner/extract.ts, contextStart):
    the last line with text before it, its blank lines too, at most `most` tokens, never inside a word."""
    limit = max(0, start - most)
    i = start
    while i > limit and ids[i - 1] == line_mark:
        i -= 1
    while i > limit and ids[i - 1] != line_mark:
        i -= 1
    while i < start and continuation[i]:
        i += 1
    return i


def _line_before(ids: list, max_length: int, line_mark: int, continuation: list):
    """Where each window's unscored context starts: the line before it, at most a quarter of the room;
    training and the app's windows read the same."""
    most = (max_length - 2) // 4
    return lambda start: context_start(ids, start, most, line_mark, continuation)


def inference_windows(ids: list, labels: list, max_length: int, line_mark: int, continuation: list):
    """The windows the app cuts (workers/ner/extract.ts, chunkTokens), which cannot see labels: a window
    ends after its last line mark unless that leaves it shorter than a quarter of the room, else before a
    word. Each window also reads the line before it (no labels: -100), so that a value at its top keeps
    its printed label. Scoring the test set on these windows measures what the app will get."""
    shortest = (max_length - 2) // 4

    def after_last_line(start: int, end: int) -> int:
        after_line = end
        while after_line > start + shortest and ids[after_line - 1] != line_mark:
            after_line -= 1
        if after_line > start + shortest:
            return after_line
        while end > start + 1 and continuation[end]:
            end -= 1
        return end

    return _cut(ids, labels, max_length, after_last_line, _line_before(ids, max_length, line_mark, continuation))


def _is_begin(label_id: int) -> bool:
    return label_id >= 0 and LABELS[label_id].startswith("B-")


def featurize(examples: list, tokenizer: WordPiece, max_length: int, as_the_app_cuts: bool = False, processes: int = 1, stop_if_asked=lambda: None) -> list:
    """Windows with labels; `as_the_app_cuts` cuts them as the app does (for scoring), else as training does."""
    return map_chunks(partial(_windows_of, tokenizer=tokenizer, max_length=max_length, as_the_app_cuts=as_the_app_cuts), examples, processes, stop_if_asked)


def _windows_of(examples: list, tokenizer: WordPiece, max_length: int, as_the_app_cuts: bool) -> list:
    line_mark = tokenizer.ids[LINE_MARK]
    features = []
    for example in examples:
        ids, offsets = tokenizer.encode(example["text"])
        continuation = [tokenizer.vocab[i].startswith("##") for i in ids]
        labels = bio_labels(offsets, example["spans"], continuation)
        cut = inference_windows(ids, labels, max_length, line_mark, continuation) if as_the_app_cuts else windows(ids, labels, max_length, line_mark, continuation)
        features.extend(cut)
    return features


def featurize_unlabeled(texts: list, tokenizer: WordPiece, max_length: int, processes: int = 1, stop_if_asked=lambda: None) -> list:
    """Windows of texts without labels: UNLABELED on each word's first piece, -100 on the rest. Cut as a
    text without entities would be (all O), then every O becomes UNLABELED."""
    outside = LABEL_TO_ID["O"]
    cut = featurize([{"text": t, "spans": []} for t in texts], tokenizer, max_length, processes=processes, stop_if_asked=stop_if_asked)
    return [(ids, [UNLABELED if y == outside else y for y in labels]) for ids, labels in cut]
