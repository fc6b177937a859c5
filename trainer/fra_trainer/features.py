"""Examples -> model inputs: token ids with BIO label ids, cut into windows of the model's length."""
from .schema import LABEL_TO_ID, LABELS
from .tokenizer import CLS, SEP, WordPiece

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


def windows(ids: list, labels: list, max_length: int):
    """Consecutive windows of at most max_length - 2 tokens, each wrapped in [CLS] ... [SEP].
    A window never starts inside a word or an entity: it backs off to the entity's B- token."""
    room = max_length - 2
    start = 0
    while start < len(ids) or start == 0:
        end = min(start + room, len(ids))
        if end < len(ids):
            back = end
            while back > start + room // 2 and (labels[back] == -100 or (labels[back] != LABEL_TO_ID["O"] and not _is_begin(labels[back]))):
                back -= 1
            end = back
        yield [CLS] + ids[start:end] + [SEP], [-100] + labels[start:end] + [-100]
        if end >= len(ids):
            break
        start = end


def _is_begin(label_id: int) -> bool:
    return label_id >= 0 and LABELS[label_id].startswith("B-")


def featurize(examples: list, tokenizer: WordPiece, max_length: int) -> list:
    features = []
    for example in examples:
        ids, offsets = tokenizer.encode(example["text"])
        labels = bio_labels(offsets, example["spans"], [tokenizer.vocab[i].startswith("##") for i in ids])
        features.extend(windows(ids, labels, max_length))
    return features


def featurize_unlabeled(texts: list, tokenizer: WordPiece, max_length: int) -> list:
    """Windows of texts without labels: UNLABELED on each word's first piece, -100 on the rest. Cut as a
    text without entities would be (all O), then every O becomes UNLABELED."""
    outside = LABEL_TO_ID["O"]
    cut = featurize([{"text": t, "spans": []} for t in texts], tokenizer, max_length)
    return [(ids, [UNLABELED if y == outside else y for y in labels]) for ids, labels in cut]
