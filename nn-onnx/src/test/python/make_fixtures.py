"""Writes the ONNX import fixtures of nn-onnx's tests (OnnxImportFixturesTest).

Small nn.Sequential MLPs are exported with both of PyTorch's exporters, TorchScript
(torch.onnx.export(..., dynamo=False), opset 17) and dynamo (the default exporter, which writes
weights over 256 bytes as external data in MODEL.onnx.data), and two Keras/tf2onnx-style graphs are
built with onnx.helper. For each model the expected outputs on the shared inputs are recorded: PyTorch's
own for the PyTorch models, ONNX Runtime's (Python) for the hand-built ones.

Run from anywhere, in a venv with torch, onnx, onnxscript and onnxruntime:

    python3 -m venv /tmp/onnx-venv && /tmp/onnx-venv/bin/pip install torch onnx onnxscript onnxruntime
    /tmp/onnx-venv/bin/python nn-onnx/src/test/python/make_fixtures.py

It rewrites nn-onnx/src/test/resources/dev/backprop/onnx/fixtures/: the models, inputs-6.txt (rows of
6 inputs), NAME.expected.txt (one row of outputs per input row) and fixtures.tsv, the manifest the test
reads (model file, expected file, the Backprop activation ids expected per layer, a description).
Numbers are written with 9 significant digits, which read back to the same float32.
"""
import contextlib
import io
import logging
import os
import shutil
import warnings

import numpy as np
import onnx
import onnxruntime
import torch
from onnx import TensorProto, helper, numpy_helper

ROWS = 200
WIDTH = 6
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "dev", "backprop", "onnx", "fixtures")

nn = torch.nn


def models():
    """(name, module, Backprop activation per layer) for the PyTorch fixtures."""
    torch.manual_seed(1)
    yield "relu_tanh_softmax", nn.Sequential(
        nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 5), nn.Tanh(), nn.Linear(5, 3), nn.Softmax(dim=1)), \
        "relu,tanh,softmax"
    torch.manual_seed(2)
    yield "sigmoid_leaky_elu", nn.Sequential(
        nn.Linear(6, 8), nn.Sigmoid(), nn.Linear(8, 5), nn.LeakyReLU(0.2), nn.Linear(5, 4), nn.ELU(0.5),
        nn.Linear(4, 3)), "sigmoid,leaky_relu{alpha=0.2},elu{alpha=0.5},identity"
    torch.manual_seed(3)
    yield "gelu_silu_dropout", nn.Sequential(
        nn.Linear(6, 16), nn.GELU(), nn.Dropout(0.3), nn.Linear(16, 5), nn.SiLU(), nn.Linear(5, 3),
        nn.Softmax(dim=-1)), "gelu,silu,softmax"
    torch.manual_seed(4)
    yield "flatten_mish_softplus", nn.Sequential(
        nn.Flatten(), nn.Linear(6, 8), nn.Mish(), nn.Linear(8, 5), nn.Softplus(), nn.Linear(5, 4),
        nn.Hardsigmoid(), nn.Linear(4, 3)), "mish,softplus,hard_sigmoid,identity"
    torch.manual_seed(5)
    yield "relu6_hardtanh_selu_softsign", nn.Sequential(
        nn.Linear(6, 8), nn.ReLU6(), nn.Linear(8, 5), nn.Hardtanh(), nn.Linear(5, 5), nn.SELU(),
        nn.Linear(5, 4), nn.Softsign(), nn.Linear(4, 3, bias=False), nn.GELU(approximate="tanh")), \
        "relu6,hard_tanh,selu,softsign,gelu{approximate=tanh}"
    torch.manual_seed(6)
    yield "consecutive_linear", nn.Sequential(
        nn.Linear(6, 8), nn.Linear(8, 5), nn.Tanh(), nn.Linear(5, 3)), "identity,tanh,identity"


def quietly(call):
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return call()


def export_torchscript(module, example, path):
    quietly(lambda: torch.onnx.export(
        module, (example,), path, dynamo=False, opset_version=17, input_names=["input"],
        output_names=["output"], dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}}))


def export_dynamo(module, example, path, opset=None, dynamic=True):
    shapes = ({0: torch.export.Dim("batch")},) if dynamic else None
    kwargs = {} if opset is None else {"opset_version": opset}
    quietly(lambda: torch.onnx.export(module, (example,), path, dynamo=True, dynamic_shapes=shapes, **kwargs))
    data = path + ".data"
    if os.path.exists(data) and os.path.getsize(data) == 0:
        os.remove(data)   # nothing was large enough to go external


def write_matrix(path, rows):
    with open(path, "w") as f:
        for row in rows:
            f.write(" ".join("%.9g" % v for v in row) + "\n")


def keras_dense(nodes, initializers, layer, x, weights, bias, bias_first=False):
    """A Keras Dense layer as tf2onnx writes it: MatMul by [in, out], then Add of the bias."""
    w = "sequential/%s/MatMul/ReadVariableOp:0" % layer
    b = "sequential/%s/BiasAdd/ReadVariableOp:0" % layer
    initializers.append(numpy_helper.from_array(weights, w))
    initializers.append(helper.make_tensor(b, TensorProto.FLOAT, bias.shape, bias.tolist()))   # float_data
    product = "sequential/%s/MatMul:0" % layer
    nodes.append(helper.make_node("MatMul", [x, w], [product], name="sequential/%s/MatMul" % layer))
    out = "sequential/%s/BiasAdd:0" % layer
    operands = [b, product] if bias_first else [product, b]
    nodes.append(helper.make_node("Add", operands, [out], name="sequential/%s/BiasAdd" % layer))
    return out


def keras_models(rng):
    """Two graphs in the forms tf2onnx writes for Keras Sequential models (opset 13)."""
    def weights(i, o):
        return (rng.standard_normal((i, o)) / np.sqrt(i)).astype(np.float32)

    def bias(o):
        return (rng.standard_normal(o) * 0.3).astype(np.float32)

    io_in = helper.make_tensor_value_info("dense_input", TensorProto.FLOAT, ["unk__6", WIDTH])

    nodes, inits = [], []
    x = keras_dense(nodes, inits, "dense", "dense_input", weights(6, 8), bias(8))
    nodes.append(helper.make_node("Relu", [x], ["sequential/dense/Relu:0"], name="sequential/dense/Relu"))
    x = keras_dense(nodes, inits, "dense_1", "sequential/dense/Relu:0", weights(8, 5), bias(5), bias_first=True)
    nodes.append(helper.make_node("Sigmoid", [x], ["sequential/dense_1/Sigmoid:0"], name="sequential/dense_1/Sigmoid"))
    x = keras_dense(nodes, inits, "dense_2", "sequential/dense_1/Sigmoid:0", weights(5, 3), bias(3))
    nodes.append(helper.make_node("Softmax", [x], ["dense_2"], name="sequential/dense_2/Softmax", axis=-1))
    graph = helper.make_graph(nodes, "sequential", [io_in],
                              [helper.make_tensor_value_info("dense_2", TensorProto.FLOAT, ["unk__7", 3])], inits)
    yield "keras_matmul_add", graph, "relu,sigmoid,softmax"

    # Weights as Constant nodes, one behind Transpose(perm [1, 0]); a Gemm; relu6 as Min(Relu(x), 6);
    # LeakyReLU with Keras's default 0.3; Identity and Dropout passing through.
    nodes = []
    w0 = weights(6, 8)
    nodes.append(helper.make_node("Constant", [], ["w0_t"], name="const_w0", value=numpy_helper.from_array(
        np.ascontiguousarray(w0.T), "w0_t")))
    nodes.append(helper.make_node("Transpose", ["w0_t"], ["w0"], name="transpose_w0", perm=[1, 0]))
    nodes.append(helper.make_node("Constant", [], ["b0"], name="const_b0", value=numpy_helper.from_array(bias(8), "b0")))
    nodes.append(helper.make_node("MatMul", ["dense_input", "w0"], ["mm0"], name="sequential/dense/MatMul"))
    nodes.append(helper.make_node("Add", ["mm0", "b0"], ["z0"], name="sequential/dense/BiasAdd"))
    nodes.append(helper.make_node("Relu", ["z0"], ["r0"], name="sequential/dense/Relu"))
    nodes.append(helper.make_node("Constant", [], ["six"], name="const_six", value_float=6.0))
    nodes.append(helper.make_node("Min", ["r0", "six"], ["a0"], name="sequential/dense/Relu6"))
    nodes.append(helper.make_node("Identity", ["a0"], ["a0_id"], name="sequential/dense/Identity"))
    nodes.append(helper.make_node("Constant", [], ["w1"], name="const_w1", value=numpy_helper.from_array(
        weights(8, 5), "w1")))
    nodes.append(helper.make_node("Constant", [], ["b1"], name="const_b1", value=numpy_helper.from_array(bias(5), "b1")))
    nodes.append(helper.make_node("Gemm", ["a0_id", "w1", "b1"], ["z1"], name="sequential/dense_1/Gemm", transB=0))
    nodes.append(helper.make_node("LeakyRelu", ["z1"], ["a1"], name="sequential/dense_1/LeakyRelu", alpha=0.3))
    nodes.append(helper.make_node("Dropout", ["a1"], ["a1_d"], name="sequential/dropout/Identity"))
    inits = [numpy_helper.from_array(weights(5, 2), "w2"), numpy_helper.from_array(bias(2), "b2")]
    nodes.append(helper.make_node("MatMul", ["a1_d", "w2"], ["mm2"], name="sequential/dense_2/MatMul"))
    nodes.append(helper.make_node("Add", ["mm2", "b2"], ["dense_2"], name="sequential/dense_2/BiasAdd"))
    graph = helper.make_graph(nodes, "sequential", [io_in],
                              [helper.make_tensor_value_info("dense_2", TensorProto.FLOAT, ["unk__7", 2])], inits)
    yield "keras_constants_transpose", graph, "relu6,leaky_relu{alpha=0.3},identity"


def main():
    logging.disable(logging.WARNING)
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    rng = np.random.default_rng(20240601)
    inputs = (rng.uniform(-3, 3, size=(ROWS, WIDTH))).astype(np.float32)
    write_matrix(os.path.join(OUT, "inputs-6.txt"), inputs)
    example = torch.from_numpy(inputs[:2])
    manifest = []

    for name, module, activations in models():
        module.eval()
        with torch.no_grad():
            expected = module(torch.from_numpy(inputs)).numpy()
        write_matrix(os.path.join(OUT, name + ".expected.txt"), expected)
        export_torchscript(module, example, os.path.join(OUT, name + ".torchscript.onnx"))
        manifest.append((name + ".torchscript.onnx", name, activations, "PyTorch TorchScript exporter, opset 17"))
        fixed = name == "consecutive_linear"
        export_dynamo(module, example[:1] if fixed else example, os.path.join(OUT, name + ".dynamo.onnx"),
                      dynamic=not fixed)
        manifest.append((name + ".dynamo.onnx", name, activations, "PyTorch dynamo exporter, default opset"
                         + (", batch fixed at 1" if fixed else "")))
        if name in ("gelu_silu_dropout", "relu6_hardtanh_selu_softsign"):
            export_dynamo(module, example, os.path.join(OUT, name + ".dynamo18.onnx"), opset=18)
            manifest.append((name + ".dynamo18.onnx", name, activations, "PyTorch dynamo exporter, opset 18"
                             " (decomposed GELU)"))

    for name, graph, activations in keras_models(rng):
        model = helper.make_model(graph, producer_name="tf2onnx", producer_version="1.16.1",
                                  opset_imports=[helper.make_opsetid("", 13)])
        model.ir_version = 7
        onnx.checker.check_model(model, full_check=True)
        path = os.path.join(OUT, name + ".onnx")
        onnx.save(model, path)
        session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
        expected = session.run(None, {"dense_input": inputs})[0]
        write_matrix(os.path.join(OUT, name + ".expected.txt"), expected)
        manifest.append((name + ".onnx", name, activations, "tf2onnx-style graph built with onnx.helper, opset 13;"
                         " expected outputs from ONNX Runtime"))

    with open(os.path.join(OUT, "fixtures.tsv"), "w") as f:
        f.write("# model\texpected\tactivations\tdescription  (torch %s, onnx %s, onnxscript %s, onnxruntime %s)\n"
                % (torch.__version__, onnx.__version__, __import__("onnxscript").__version__,
                   onnxruntime.__version__))
        for row in manifest:
            f.write("\t".join(row) + "\n")
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print("wrote %d fixtures, %d files, %d bytes, to %s" % (len(manifest), len(os.listdir(OUT)), total,
                                                            os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
