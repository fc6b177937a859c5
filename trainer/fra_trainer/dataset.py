"""Dataset versions: synthetic train/validation/test splits plus field corrections, written as JSONL and
identified by the sha256 of their content. Every row from outside is validated before anything is written."""
import hashlib
import json
import random
from functools import partial
from pathlib import Path

from .errors import BadInput
from .lexicon import load_lexicon
from .parallel import map_chunks
from .schema import check
from .synth import make_example

SPLITS = ("train", "validation", "test")


def validate_row(row, where: str) -> dict:
    """The zod contract (via JSON Schema) plus the checks JSON Schema cannot express."""
    check("ner-example", row, where)
    text = row["text"]
    previous_end = 0
    for span in sorted(row["spans"], key=lambda s: s["start"]):
        if span["end"] <= span["start"]:
            raise BadInput(f"{where}: span {span['start']}-{span['end']} ends before it starts")
        if span["end"] > len(text):
            raise BadInput(f"{where}: span {span['start']}-{span['end']} runs past the text ({len(text)} chars)")
        if span["start"] < previous_end:
            raise BadInput(f"{where}: spans overlap at {span['start']}")
        if not text[span["start"]:span["end"]].strip():
            raise BadInput(f"{where}: span {span['start']}-{span['end']} covers only blank text")
        previous_end = span["end"]
    return row


def read_jsonl(path: Path) -> list:
    """All rows or none: the first bad row stops the read with its line number."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                raise BadInput(f"{path.name} line {n}: empty line")
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise BadInput(f"{path.name} line {n}: not JSON ({e.msg})") from None
            rows.append(validate_row(row, f"{path.name} line {n}"))
    return rows


def _examples(indices: range, lexicon, seed: int, salt: str, invent: float) -> list:
    # Each text has a generator of its own, seeded by its index: the same texts in any number of processes.
    return [make_example(random.Random(f"{seed}:{salt}:{i}"), lexicon, 0.5, invent) for i in indices]


def synthesize(config: dict, corrections: list, stop_if_asked=lambda: None) -> dict:
    """Train and validation draw names from the training lexicon; test only from held-out names."""
    train_lex, test_lex = load_lexicon("train"), load_lexicon("test")
    seed = config["seed"]
    make = lambda lex, n, salt, invent: map_chunks(partial(_examples, lexicon=lex, seed=seed, salt=salt, invent=invent), range(n), config.get("threads", 1), stop_if_asked)
    return {
        # Training invents most names from pieces of the training lists; test uses only held-out real names.
        "train": make(train_lex, config["train_examples"], "train", 0.7) + corrections,
        "validation": make(train_lex, config["eval_examples"], "validation", 0.7),
        "test": make(test_lex, config["eval_examples"], "test", 0.0),
    }


def synthesize_unlabeled(config: dict, stop_if_asked=lambda: None) -> list:
    """Texts like the training ones, their labels dropped: stands in for the scanned pages nobody corrected."""
    make = partial(_examples, lexicon=load_lexicon("train"), seed=config["seed"], salt="unlabeled", invent=0.7)
    return [example["text"] for example in map_chunks(make, range(config.get("unlabeled_examples", 0)), config.get("threads", 1), stop_if_asked)]


def write_unlabeled(texts: list, out_dir: Path) -> None:
    lines = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    (out_dir / "unlabeled.jsonl").write_text(lines, encoding="utf-8")


def load_unlabeled(dataset_dir: Path) -> list:
    return [json.loads(line)["text"] for line in (dataset_dir / "unlabeled.jsonl").read_text(encoding="utf-8").splitlines()]


def write_dataset(splits: dict, out_dir: Path) -> dict:
    out_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    counts = {}
    for split in SPLITS:
        lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in splits[split])
        (out_dir / f"{split}.jsonl").write_text(lines, encoding="utf-8")
        digest.update(split.encode() + b"\0" + lines.encode())
        counts[split] = len(splits[split])
    counts["corrections"] = sum(1 for row in splits["train"] if row["source"] != "synthetic")
    sha = digest.hexdigest()
    info = {"version": sha[:12], "sha256": sha, "counts": counts}
    (out_dir / "dataset.json").write_text(json.dumps(info, indent=2))
    return info


def load_split(dataset_dir: Path, split: str) -> list:
    return [json.loads(line) for line in (dataset_dir / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
