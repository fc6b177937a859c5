"""A model folder in the layout transformers.js loads, plus its model card (README.md and card.json)."""
import hashlib
import json
import shutil
from pathlib import Path

from .schema import LABELS

REQUIRED_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx", "onnx/model_quantized.onnx"]


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_package(out: Path, *, role: str, encoder: dict, tokenizer_dir: Path, onnx_dir: Path, parity: Path, card: dict) -> None:
    if out.exists():
        shutil.rmtree(out)
    (out / "onnx").mkdir(parents=True)
    config = {
        "model_type": "bert",
        "architectures": ["BertForTokenClassification"],
        "id2label": {str(i): label for i, label in enumerate(LABELS)},
        "label2id": {label: i for i, label in enumerate(LABELS)},
        "vocab_size": encoder["vocab_size"],
        "hidden_size": encoder["hidden"],
        "num_hidden_layers": encoder["layers"],
        "num_attention_heads": encoder["heads"],
        "intermediate_size": encoder["ffn"],
        "max_position_embeddings": encoder["max_length"],
        "type_vocab_size": 2,
        "fra_role": role,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2))
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(tokenizer_dir / name, out / name)
    for name in ("model.onnx", "model_quantized.onnx"):
        shutil.copy(onnx_dir / name, out / "onnx" / name)
    shutil.copy(parity, out / "parity.json")
    card["files"] = {name: {"bytes": (out / name).stat().st_size, "sha256": sha256_file(out / name)} for name in REQUIRED_FILES}
    (out / "card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False))
    (out / "README.md").write_text(render_card(card), encoding="utf-8")


def distillation_result(card: dict) -> str:
    """The pool and the gain over the same student trained without the teacher, where the card has them."""
    d, baseline = card["distillation"], card["metrics"].get("baseline_student_test")
    text = f", {d['unlabeled_examples']:,} unlabelled texts labelled by the teacher" if d.get("unlabeled_examples") else ""
    if baseline and "gain_f1" in d:
        low, high = d["gain_ci95"]
        text += (f"; the same student trained without the teacher scores test F1 {baseline['f1']:.4f}, a gain of "
                 f"{d['gain_f1']:+.4f} (95% interval {low:+.4f} to {high:+.4f}, paired bootstrap over the test texts)")
    return text


def distillation_line(card: dict) -> str:
    """How a student learned from its teacher; a teacher's card has no such line."""
    if card["role"] != "student":
        return ""
    d = card["distillation"]
    return f"- Distillation: alpha {d['alpha']}, temperature {d['temperature']}{distillation_result(card)}.\n"


def render_card(card: dict) -> str:
    m = card["metrics"]
    rows = "\n".join(f"| {e} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['support']} |" for e, s in m["test"]["per_entity"].items())
    sizes = "\n".join(f"| {name} | {info['bytes']:,} |" for name, info in card["files"].items())
    return f"""# {card['name']} ({card['role']})

Token-classification model that extracts Forest Rights Act claim fields from OCR text, trained by the FRA
Atlas trainer (trainer/). Labels: BIO over {', '.join(card['entities'])}.

- Run: `{card['run_id']}`, preset `{card['preset']}`, trained {card['trained_at']}
- Dataset version: `{card['dataset']['version']}` (sha256 {card['dataset']['sha256']}); counts {json.dumps(card['dataset']['counts'])}.
  Synthetic English/Hindi claim text with names from public lists and hand-written tribal surnames (see the app
  README, credits); the test split uses person names, surnames and villages that never occur in training.
- Architecture: BERT-style encoder, hidden {card['encoder']['hidden']}, {card['encoder']['layers']} layers,
  {card['encoder']['heads']} heads, FFN {card['encoder']['ffn']}, vocabulary {card['encoder']['vocab_size']}, max length {card['encoder']['max_length']};
  {card['parameters']:,} parameters.
- Teacher: {card['teacher'] or 'none (this is the teacher)'}. Parent: {card['parent'] or 'none'}.
{distillation_line(card)}- Latency (PyTorch, CPU, 1 thread, per sentence of ~40 tokens): {card['latency_ms_torch_cpu']} ms.

## Held-out test set (unseen names and villages), PyTorch fp32

Overall entity F1 {m['test']['overall']['f1']:.4f} (precision {m['test']['overall']['precision']:.4f}, recall {m['test']['overall']['recall']:.4f}).

| entity | precision | recall | F1 | support |
| --- | --- | --- | --- | --- |
{rows}

## Files

| file | bytes |
| --- | --- |
{sizes}

The int8 file is dynamically quantized (MatMulInteger, int8 embeddings). The app's registry replays
parity.json in onnxruntime and evaluates the int8 model on the same test set before publishing.
"""
