import random

from fra_trainer.dataset import validate_row
from fra_trainer.lexicon import load_lexicon
from fra_trainer.schema import ENTITIES
from fra_trainer.synth import make_example


def examples(part, n, noise=0.5):
    lex = load_lexicon(part)
    return [make_example(random.Random(i), lex, noise) for i in range(n)]


def test_every_example_satisfies_the_app_contract():
    for i, row in enumerate(examples("train", 400)):
        validate_row(row, f"example {i}")
        for span in row["spans"]:
            assert span["label"] in ENTITIES
            assert row["text"][span["start"]:span["end"]].strip() == row["text"][span["start"]:span["end"]]


def test_all_entity_types_and_languages_occur():
    rows = examples("train", 400)
    seen = {s["label"] for r in rows for s in r["spans"]}
    assert seen == set(ENTITIES)
    assert {r["lang"] for r in rows} == {"en", "hi", "mixed"}
    assert any("\u0900" <= ch <= "\u097f" for r in rows for ch in r["text"])


def test_field_order_and_separators_vary():
    first_lines = {r["text"].split("\n")[0][:12] for r in examples("train", 100) if "\n" in r["text"]}
    assert len(first_lines) > 30


def test_test_names_and_villages_never_occur_in_training_lexicon():
    train, test = load_lexicon("train"), load_lexicon("test")
    for field in ("male", "female", "st_surnames", "otfd_surnames", "village_prefixes", "real_villages"):
        for script in (0, 1):  # neither the English nor the Devanagari spelling crosses the split
            train_names = {p[script] for p in getattr(train, field)}
            test_names = {p[script] for p in getattr(test, field)}
            assert test_names, field
            assert not train_names & test_names, (field, train_names & test_names)


def test_public_name_lists_join_the_hand_written_ones():
    import json
    from fra_trainer.lexicon import PUBLIC_NAMES_PATH

    public = json.loads(PUBLIC_NAMES_PATH.read_text())
    train, test = load_lexicon("train"), load_lexicon("test")
    villages = {p[0] for p in train.real_villages + test.real_villages}
    assert {p[0] for p in public["villages"]} <= villages
    assert "Mendha (Lekha)" in villages  # a hand-written one stays
    assert {p[0] for p in public["tehsils"]} <= {p[0] for p in train.tehsils}
    surnames = {p[0] for p in train.otfd_surnames + test.otfd_surnames}
    assert len(surnames) > 100 and {"Bhoyar", "Agarwal"} <= surnames


def test_test_split_uses_only_held_out_person_names():
    train = load_lexicon("train")
    train_given = {p[0] for p in train.male + train.female} | {p[1] for p in train.male + train.female}
    train_surnames = {p[0] for p in train.st_surnames + train.otfd_surnames} | {p[1] for p in train.st_surnames + train.otfd_surnames}
    for row in examples("test", 200, noise=0.0):
        for span in row["spans"]:
            if span["label"] == "CLAIMANT":
                words = set(row["text"][span["start"]:span["end"]].replace(".", " ").split())
                assert not words & train_surnames, row["text"]


def test_noise_changes_text_but_keeps_spans_meaningful():
    clean = examples("train", 50, noise=0.0)
    noisy = examples("train", 50, noise=1.0)
    assert sum(a["text"] != b["text"] for a, b in zip(clean, noisy)) > 40
    for row in noisy:
        validate_row(row, "noisy")


def test_generation_is_reproducible():
    assert examples("train", 20) == examples("train", 20)


def test_invented_training_names_never_hit_a_held_out_name():
    train, test = load_lexicon("train"), load_lexicon("test")
    held_out = {p[0].lower() for p in test.male + test.female + test.st_surnames + test.otfd_surnames + test.village_prefixes}
    assert train.forbidden >= held_out
    rows = [make_example(random.Random(i), train, 0.0, invent=1.0) for i in range(1500)]
    for row in rows:
        for span in row["spans"]:
            if span["label"] in ("CLAIMANT", "RELATIVE"):
                words = {w.lower() for w in row["text"][span["start"]:span["end"]].replace(".", " ").split()}
                assert not words & held_out, row["text"][span["start"]:span["end"]]
    listed = {p[0].lower() for p in train.male + train.female + train.st_surnames + train.otfd_surnames}
    claimants = [r["text"][s["start"]:s["end"]] for r in rows for s in r["spans"] if s["label"] == "CLAIMANT" and r["text"][s["start"]].isascii()]
    invented = [c for c in claimants if any(len(w) > 2 and w.lower() not in listed for w in c.split())]
    assert len(invented) > len(claimants) // 2


def test_unlabeled_pool_is_reproducible_and_carries_no_labels(tmp_path):
    from fra_trainer.dataset import load_unlabeled, synthesize_unlabeled, write_unlabeled
    from fra_trainer.features import UNLABELED, featurize_unlabeled
    from fra_trainer.tokenizer import WordPiece

    config = {"seed": 3, "unlabeled_examples": 40}
    texts = synthesize_unlabeled(config)
    assert len(texts) == 40 and texts == synthesize_unlabeled(config)
    write_unlabeled(texts, tmp_path)
    assert load_unlabeled(tmp_path) == texts
    tokenizer = WordPiece.train(texts, 400)
    windows = featurize_unlabeled(texts, tokenizer, 32)
    labels = {y for _ids, ys in windows for y in ys}
    assert labels == {UNLABELED, -100}
    # Every word of every text is scored in exactly one window (a window may also read the line before it, unscored).
    firsts = sum(sum(1 for i in tokenizer.encode(t)[0] if not tokenizer.vocab[i].startswith("##")) for t in texts)
    assert sum(y == UNLABELED for _ids, ys in windows for y in ys) == firsts


def test_test_windows_are_cut_as_the_app_cuts_them():
    """The same cuts as workers/ner/extract.ts chunkTokens (see test/unit/ner-decode.test.ts): after the
    last line mark, so a field on one line is never split, every token scored exactly once, and each
    window after the first reads the line before it unscored."""
    from fra_trainer.features import featurize
    from fra_trainer.tokenizer import LINE_MARK, WordPiece

    rows = examples("train", 60)
    long_text = "\n".join(r["text"] for r in rows[:12])  # several windows long
    spans = [{**s, "start": s["start"] + offset, "end": s["end"] + offset}
             for offset, r in zip([sum(len(x["text"]) + 1 for x in rows[:k]) for k in range(12)], rows[:12]) for s in r["spans"]]
    tokenizer = WordPiece.train([r["text"] for r in rows], 600)
    ids, _ = tokenizer.encode(long_text)
    cut = featurize([{"text": long_text, "spans": spans}], tokenizer, 64, as_the_app_cuts=True)
    assert len(cut) > 3

    def context(labels):  # a window's own first token is a word's first piece: labelled, never -100
        return next(i for i, y in enumerate(labels[1:]) if y != -100)

    assert context(cut[0][1]) == 0
    assert all(0 < context(labels) <= 62 // 4 for _, labels in cut[1:])
    own = [window[1 + context(labels):-1] for window, labels in cut]
    assert sum(len(body) for body in own) == len(ids)
    assert [t for body in own for t in body] == ids
    line_mark = tokenizer.ids[LINE_MARK]
    ends_on_line = 0
    for (window, labels), body, following in zip(cut, own, own[1:]):
        assert len(window) <= 64 and len(window) == len(labels)
        if body[-1] == line_mark:
            ends_on_line += 1
        else:  # no line mark late enough to cut at: a cut before a word
            assert line_mark not in body[62 // 4:]
            assert not tokenizer.vocab[following[0]].startswith("##")
    assert ends_on_line >= len(cut) // 2
