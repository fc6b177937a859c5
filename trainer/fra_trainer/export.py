"""PyTorch -> ONNX with the inputs transformers.js feeds (input_ids, attention_mask, token_type_ids) and
one output (logits), batch and sequence dynamic. Also writes parity samples: inputs and PyTorch's logits,
which the app's registry replays in onnxruntime before it accepts the model."""
import inspect
import json
from pathlib import Path

import onnx
import torch

from .model import TokenClassifier

INPUTS = ["input_ids", "attention_mask", "token_type_ids"]
OPSET = 14
# torch 2.9 and later export through dynamo by default, which needs opset 18 and writes another graph; the
# quantizer and the app's checks read the TorchScript exporter's graph, so ask for it where there is a choice.
LEGACY_EXPORTER = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}


def export_onnx(model: TokenClassifier, path: Path) -> None:
    model.eval()
    ids = torch.randint(5, model.config.vocab_size, (2, 12))
    mask = torch.ones_like(ids)
    mask[1, 9:] = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        model, (ids, mask, torch.zeros_like(ids)), str(path),
        input_names=INPUTS, output_names=["logits"],
        dynamic_axes={name: {0: "batch", 1: "sequence"} for name in INPUTS + ["logits"]},
        opset_version=OPSET, do_constant_folding=True, **LEGACY_EXPORTER,
    )
    onnx.checker.check_model(onnx.load(str(path)))


@torch.no_grad()
def write_parity_samples(model: TokenClassifier, features: list, path: Path, count: int = 8) -> None:
    model.eval()
    samples = []
    for ids, _labels in features[:count]:
        x = torch.tensor([ids])
        mask, types = torch.ones_like(x), torch.zeros_like(x)
        logits = model(x, mask, types)[0]
        samples.append({"input_ids": ids, "logits": [[round(v, 6) for v in row] for row in logits.tolist()]})
    path.write_text(json.dumps({"samples": samples}))
