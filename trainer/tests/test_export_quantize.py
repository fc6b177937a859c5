import json

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from fra_trainer.export import export_onnx, write_parity_samples
from fra_trainer.model import EncoderConfig, TokenClassifier
from fra_trainer.quantize import quantize_dynamic


def model():
    torch.manual_seed(0)
    return TokenClassifier(EncoderConfig(vocab_size=400, max_length=64, hidden=64, layers=2, heads=2, ffn=128, num_labels=23)).eval()


def test_export_has_the_inputs_transformers_js_feeds(tmp_path):
    export_onnx(model(), tmp_path / "model.onnx")
    graph = onnx.load(str(tmp_path / "model.onnx")).graph
    assert [i.name for i in graph.input] == ["input_ids", "attention_mask", "token_type_ids"]
    assert [o.name for o in graph.output] == ["logits"]
    dims = graph.input[0].type.tensor_type.shape.dim
    assert dims[0].dim_param == "batch" and dims[1].dim_param == "sequence"


def test_parity_samples_hold_pytorch_logits(tmp_path):
    m = model()
    features = [([2, 10, 11, 12, 3], [-100, 0, 0, 0, -100])]
    write_parity_samples(m, features, tmp_path / "parity.json")
    sample = json.loads((tmp_path / "parity.json").read_text())["samples"][0]
    x = torch.tensor([sample["input_ids"]])
    expected = m(x, torch.ones_like(x), torch.zeros_like(x))[0]
    assert np.allclose(np.array(sample["logits"]), expected.detach().numpy(), atol=1e-5)


def test_dynamic_quantization_makes_the_matmulinteger_graph_and_shrinks_the_file(tmp_path):
    export_onnx(model(), tmp_path / "model.onnx")
    counts = quantize_dynamic(tmp_path / "model.onnx", tmp_path / "model_quantized.onnx")
    q = onnx.load(str(tmp_path / "model_quantized.onnx"))
    ops = [n.op_type for n in q.graph.node]
    assert counts["matmul"] == ops.count("MatMulInteger") >= 2 * 4  # qkv, out, ffn1, ffn2 per layer
    assert ops.count("DynamicQuantizeLinear") == counts["matmul"]
    constants = {t.name for t in q.graph.initializer}
    assert all(n.input[1] not in constants for n in q.graph.node if n.op_type == "MatMul")  # only q@k and p@v stay float
    assert counts["gather"] >= 1 and "DequantizeLinear" in ops
    int8 = [numpy_helper.to_array(t) for t in q.graph.initializer if t.data_type == onnx.TensorProto.INT8 and len(t.dims) == 2]
    assert int8 and all(np.abs(w).max() <= 127 for w in int8)
    assert (tmp_path / "model_quantized.onnx").stat().st_size < 0.4 * (tmp_path / "model.onnx").stat().st_size
