"""Dynamic int8 quantization of an ONNX graph, written with the onnx package alone (onnxruntime's Python
tools are not installable here). It produces the graph onnxruntime's quantize_dynamic makes:
  activation -> DynamicQuantizeLinear -> MatMulInteger(x_q, W_int8) -> Cast -> Mul(x_scale * w_scale)
for every MatMul whose weight is a constant, and an int8 embedding table read by Gather then
DequantizeLinear. Weights are symmetric per tensor (zero point 0)."""
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MIN_ELEMENTS = 1024  # smaller weights (biases, tiny heads) stay float: no size or speed to win


def _quantize_weight(w: np.ndarray):
    scale = float(np.abs(w).max()) / 127.0 or 1.0
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, np.float32(scale)


def quantize_dynamic(src: Path, dst: Path) -> dict:
    model = onnx.load(str(src))
    graph = model.graph
    weights = {t.name: t for t in graph.initializer}
    new_nodes, new_inits, replaced = [], [], set()
    counts = {"matmul": 0, "gather": 0}

    for node in graph.node:
        weight = weights.get(node.input[1]) if len(node.input) > 1 else None
        if node.op_type == "MatMul" and weight is not None and len(weight.dims) == 2 and np.prod(weight.dims) >= MIN_ELEMENTS:
            w = numpy_helper.to_array(weight)
            q, scale = _quantize_weight(w)
            base = node.name or node.output[0]
            wq, ws, wz = f"{weight.name}_quantized", f"{weight.name}_scale", f"{weight.name}_zero_point"
            if weight.name not in replaced:
                new_inits += [numpy_helper.from_array(q, wq), numpy_helper.from_array(scale, ws), numpy_helper.from_array(np.int8(0), wz)]
                replaced.add(weight.name)
            xq, xs, xz = f"{base}_x_q", f"{base}_x_scale", f"{base}_x_zero_point"
            new_nodes += [
                helper.make_node("DynamicQuantizeLinear", [node.input[0]], [xq, xs, xz], name=f"{base}_quant"),
                helper.make_node("MatMulInteger", [xq, wq, xz, wz], [f"{base}_int32"], name=f"{base}_matmul_int"),
                helper.make_node("Cast", [f"{base}_int32"], [f"{base}_float"], to=TensorProto.FLOAT, name=f"{base}_cast"),
                helper.make_node("Mul", [xs, ws], [f"{base}_scale"], name=f"{base}_scale_mul"),
                helper.make_node("Mul", [f"{base}_float", f"{base}_scale"], [node.output[0]], name=f"{base}_output_mul"),
            ]
            counts["matmul"] += 1
            continue
        table = weights.get(node.input[0]) if node.input else None
        if node.op_type == "Gather" and table is not None and len(table.dims) == 2 and np.prod(table.dims) >= MIN_ELEMENTS:
            q, scale = _quantize_weight(numpy_helper.to_array(table))
            base = node.name or node.output[0]
            tq, ts, tz = f"{table.name}_quantized", f"{table.name}_scale", f"{table.name}_zero_point"
            if table.name not in replaced:
                new_inits += [numpy_helper.from_array(q, tq), numpy_helper.from_array(scale, ts), numpy_helper.from_array(np.int8(0), tz)]
                replaced.add(table.name)
            new_nodes += [
                helper.make_node("Gather", [tq, node.input[1]], [f"{base}_int8"], axis=next((a.i for a in node.attribute if a.name == "axis"), 0), name=f"{base}_gather_int8"),
                helper.make_node("DequantizeLinear", [f"{base}_int8", ts, tz], [node.output[0]], name=f"{base}_dequant"),
            ]
            counts["gather"] += 1
            continue
        new_nodes.append(node)

    still_used = {i for n in new_nodes for i in n.input}
    kept = [t for t in graph.initializer if t.name not in replaced or t.name in still_used]
    del graph.node[:]
    graph.node.extend(new_nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept + new_inits)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))
    return counts
