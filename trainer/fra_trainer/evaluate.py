"""Entity-level precision, recall and F1: an entity counts only when its type and exact token extent match."""
import random
from collections import Counter

from .schema import ENTITIES, LABELS


def entities(label_ids) -> set:
    """(type, first token, last token) for each entity in a BIO sequence; an I- without its B- opens one."""
    found, current = set(), None
    for i, label_id in enumerate(list(label_ids) + [0]):
        label = LABELS[label_id] if label_id >= 0 else "O"
        kind = label[2:] if label != "O" else None
        if current and (label == "O" or label.startswith("B-") or kind != current[0]):
            found.add((current[0], current[1], i - 1))
            current = None
        if kind and current is None:
            current = (kind, i)
    return found


def entity_f1(gold_sequences, predicted_sequences) -> dict:
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    for gold, pred in zip(gold_sequences, predicted_sequences):
        g, p = entities(gold), entities(pred)
        for e in g & p:
            tp[e[0]] += 1
        for e in g:
            n_gold[e[0]] += 1
        for e in p:
            n_pred[e[0]] += 1
    def score(t, g, p):
        precision = t / p if p else 0.0
        recall = t / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "support": g}
    per_entity = {e: score(tp[e], n_gold[e], n_pred[e]) for e in ENTITIES if n_gold[e] or n_pred[e]}
    overall = score(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values()))
    return {"overall": overall, "per_entity": per_entity}


def paired_bootstrap_gain(gold_sequences, predicted_a, predicted_b, resamples: int = 1000, seed: int = 0) -> dict:
    """F1(a) - F1(b) over the same texts, and its 95% interval from resampling those texts (both models
    scored on each resample): how much of a gain the test set's own sampling could explain."""
    rows = []
    for gold, a, b in zip(gold_sequences, predicted_a, predicted_b):
        g, pa, pb = entities(gold), entities(a), entities(b)
        rows.append((len(g & pa), len(pa), len(g & pb), len(pb), len(g)))

    def gain(sample) -> float:
        ta, na, tb, nb, ng = (sum(col) for col in zip(*sample)) if sample else (0, 0, 0, 0, 0)
        f1 = lambda t, n: 2 * t / (ng + n) if ng + n else 0.0
        return f1(ta, na) - f1(tb, nb)

    rng = random.Random(seed)
    gains = sorted(gain([rows[rng.randrange(len(rows))] for _ in rows]) for _ in range(resamples)) if rows else [0.0]
    low, high = gains[int(0.025 * (len(gains) - 1))], gains[int(0.975 * (len(gains) - 1))]
    return {"gain": round(gain(rows), 4), "ci95": [round(low, 4), round(high, 4)], "resamples": resamples}
