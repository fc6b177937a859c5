import json

from fra_trainer.features import bio_labels, windows
from fra_trainer.schema import LABEL_TO_ID, LABELS
from fra_trainer.tokenizer import CLS, SEP, UNK, WordPiece, mark_lines, pre_tokenize

TEXTS = ["Name of the claimant: Ramesh Atram\nVillage: Kotgul", "दावेदार का नाम: रमेश आत्राम, ग्राम कोटगुल", "Area: 1.25 ha; Khasra No. 123/4"] * 5


def test_offsets_point_at_the_token_text():
    tok = WordPiece.train(TEXTS, 300)
    for text in TEXTS + ["UNSEEN Wörds ÀND ñ"]:
        ids, offsets = tok.encode(text)
        for i, (a, b) in zip(ids, offsets):
            if i != UNK:
                assert mark_lines(text)[a:b].lower() == tok.vocab[i].removeprefix("##")


def test_punctuation_splits_and_devanagari_marks_survive():
    words = [w for w, *_ in pre_tokenize("Khasra No.123/4, रमेश।")]
    assert words == ["khasra", "no", ".", "123", "/", "4", ",", "रमेश", "।"]


def test_bio_labels_follow_spans():
    text = "Village: Kotgul Tola, District: Gadchiroli"
    spans = [{"start": 9, "end": 20, "label": "VILLAGE"}, {"start": 32, "end": 42, "label": "DISTRICT"}]
    tok = WordPiece.train([text], 300)
    ids, offsets = tok.encode(text)
    labels = [LABELS[x] for x in bio_labels(offsets, spans)]
    for span in spans:
        inside = [l for (a, _), l in zip(offsets, labels) if span["start"] <= a < span["end"]]
        assert len(inside) >= 2
        assert inside[0] == f"B-{span['label']}" and all(l == f"I-{span['label']}" for l in inside[1:])
    outside = [l for (a, _), l in zip(offsets, labels) if not any(s["start"] <= a < s["end"] for s in spans)]
    assert set(outside) == {"O"}


def test_windows_wrap_and_never_start_inside_an_entity():
    ids = list(range(10, 310))
    labels = [LABEL_TO_ID["O"]] * 300
    labels[120:140] = [LABEL_TO_ID["B-VILLAGE"]] + [LABEL_TO_ID["I-VILLAGE"]] * 19
    no_line_mark = 0
    out = list(windows(ids, labels, 128, no_line_mark, [False] * 300))
    assert all(w[0][0] == CLS and w[0][-1] == SEP and len(w[0]) <= 128 for w in out)
    scored = [l for w in out for l in w[1] if l != -100]
    assert scored == labels
    assert LABELS[next(l for l in out[1][1] if l != -100)] != "I-VILLAGE"


def test_training_windows_read_the_line_before_them_unscored():
    # Lines of 10 tokens, each ended by a line mark: a window after the first also reads, labelled -100,
    # the tokens before its own back to the last line mark (its line's start), as the app's windows do.
    mark = 5
    ids = [mark if (i + 1) % 10 == 0 else 100 + i for i in range(300)]
    labels = [LABEL_TO_ID["O"]] * 300
    out = list(windows(ids, labels, 128, mark, [False] * 300))
    assert len(out) > 1
    first_scored = [i for i, l in enumerate(out[1][1]) if l != -100][0]
    context = out[1][0][1:first_scored]
    start = len(out[0][0]) - 2
    assert 0 < len(context) <= 126 // 4
    assert context == ids[start - len(context):start] and ids[start - len(context) - 1] == mark
    assert [l for w in out for l in w[1] if l != -100] == labels


def test_saved_tokenizer_has_the_transformers_js_layout(tmp_path):
    tok = WordPiece.train(TEXTS, 300)
    tok.save(tmp_path, 128)
    data = json.loads((tmp_path / "tokenizer.json").read_text())
    assert data["model"]["type"] == "WordPiece" and data["normalizer"]["strip_accents"] is False
    assert data["model"]["vocab"]["[CLS]"] == CLS
    assert json.loads((tmp_path / "tokenizer_config.json").read_text())["tokenizer_class"] == "BertTokenizer"
    assert WordPiece.load(tmp_path).vocab == tok.vocab


def test_continuation_pieces_carry_no_label():
    text = "Village: Kotgultola"
    tok = WordPiece.train(["village kot"], 300)
    ids, offsets = tok.encode(text)
    continuation = [tok.vocab[i].startswith("##") for i in ids]
    labels = bio_labels(offsets, [{"start": 9, "end": 18, "label": "VILLAGE"}], continuation)
    assert any(continuation)
    assert all((l == -100) == c for l, c in zip(labels, continuation))
    assert [LABELS[l] for l in labels if l != -100] == ["O", "O", "B-VILLAGE"]


def test_line_breaks_become_a_token_and_offsets_stay_put():
    text = "Area: 1.25 ha\n6. Khasra"
    tok = WordPiece.train([text], 300)
    ids, offsets = tok.encode(text)
    pieces = [tok.vocab[i] for i in ids]
    assert "\u00b6" in pieces
    a, b = offsets[pieces.index("\u00b6")]
    assert text[a:b] == "\n"


def test_normalizer_drops_controls_and_lowers_character_by_character():
    # A zero-width joiner (a format character) is dropped inside a word and its position skipped; İ,
    # whose lower case is two characters, stays as it is; a final sigma lowers as σ, not by context.
    words = [(w, a, b, list(p)) for w, a, b, p in pre_tokenize("Ab\u200dCd İx ΟΔΟΣ, \u200b")]
    assert words == [("abcd", 0, 5, [0, 1, 3, 4]), ("İx", 6, 8, [6, 7]), ("οδοσ", 9, 13, [9, 10, 11, 12]), (",", 13, 14, [13])]
