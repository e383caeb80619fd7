package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph of an ONNX model, indexed for walking: its one data input and one output, the constants
 * (initializers, {@code Constant} nodes and transposed constants), and for every tensor the node that
 * writes it and the nodes that read it. Building the index refuses an operator Backprop cannot import,
 * several inputs or outputs, and tensors written twice.
 */
final class GraphIndex {

    /** The lowest opset of the default domain read (Gemm's broadcasting rules as today since 7). */
    static final int MIN_OPSET = 7;
    /** The highest opset of the default domain read (ONNX 1.23's). */
    static final int MAX_OPSET = 28;

    private final String source;
    private final GraphProto graph;
    private final int opset;
    private final Map<String, ConstantTensor> constants = new HashMap<>();
    private final Map<String, NodeProto> writers = new HashMap<>();
    private final Map<String, List<NodeProto>> readers = new HashMap<>();
    private final Map<NodeProto, Integer> positions = new IdentityHashMap<>();
    private final List<NodeProto> nodes = new ArrayList<>();
    private final ValueInfoProto input;
    private final ValueInfoProto output;

    GraphIndex(ModelProto model, String source) {
        this.source = source;
        this.graph = model.getGraph();
        this.opset = defaultOpset(model);
        for (TensorProto initializer : graph.getInitializerList()) {
            constants.put(initializer.getName(), new ConstantTensor(initializer,
                    "initializer '" + initializer.getName() + "'", false));
        }
        for (NodeProto node : graph.getNodeList()) {
            requireSupported(node);
            if (node.getOutputCount() == 0) {
                throw refusal(describe(node) + " writes no tensor, which ONNX does not allow. Export the model again.");
            }
            if (node.getOpType().equals("Constant")) {
                constants.put(node.getOutput(0), constantValue(node));
                continue;
            }
            if (node.getOpType().equals("Transpose") && isConstant(node.getInput(0))) {
                constants.put(node.getOutput(0), transposedConstant(node));
                continue;
            }
            positions.put(node, nodes.size());
            nodes.add(node);
            for (String name : node.getOutputList()) {
                if (!name.isEmpty() && writers.put(name, node) != null) {
                    throw refusal("tensor '" + name + "' is written by two nodes, " + describe(writers.get(name))
                            + " and " + describe(node) + ", which ONNX does not allow. Export the model again.");
                }
            }
            for (String name : node.getInputList()) {
                if (!name.isEmpty()) {
                    List<NodeProto> list = readers.computeIfAbsent(name, k -> new ArrayList<>());
                    if (list.stream().noneMatch(reader -> reader == node)) {   // Mul(x, x) is one reader of x
                        list.add(node);
                    }
                }
            }
        }
        this.input = onlyInput();
        this.output = onlyOutput();
    }

    /** The version of the default ONNX domain the model declares. */
    int opset() {
        return opset;
    }

    /** The data input ({@code [batch, features]}). */
    ValueInfoProto input() {
        return input;
    }

    /** The output. */
    ValueInfoProto output() {
        return output;
    }

    /** Whether {@code name} is a constant (an initializer, a Constant node's value, or one of those transposed). */
    boolean isConstant(String name) {
        return constants.containsKey(name);
    }

    /** The constant named {@code name}, or null. */
    ConstantTensor constant(String name) {
        return constants.get(name);
    }

    /** The nodes reading {@code tensor}, in graph order (never null). */
    List<NodeProto> readers(String tensor) {
        return readers.getOrDefault(tensor, List.of());
    }

    /** The node writing {@code tensor}, or null for the input and constants. */
    NodeProto writer(String tensor) {
        return writers.get(tensor);
    }

    /** The computing nodes (not Constant, not Transpose of a constant), in graph order. */
    List<NodeProto> nodes() {
        return nodes;
    }

    /** The position of {@code node} among {@link #nodes()} (graph order, which ONNX keeps topological). */
    int position(NodeProto node) {
        return positions.get(node);
    }

    /** {@code Cannot import SOURCE: DETAIL} as an exception. */
    OnnxImportException refusal(String detail) {
        return new OnnxImportException("Cannot import " + source + ": " + detail);
    }

    /** {@code Cannot import SOURCE: DETAIL} as an exception caused by {@code cause}. */
    OnnxImportException refusal(String detail, Throwable cause) {
        return new OnnxImportException("Cannot import " + source + ": " + detail, cause);
    }

    /** {@code node '/0/Gemm' (Gemm)}, or {@code the Gemm node writing 'y'} for a node without a name. */
    static String describe(NodeProto node) {
        if (!node.getName().isEmpty()) {
            return "node '" + node.getName() + "' (" + node.getOpType() + ")";
        }
        return "the " + node.getOpType() + " node writing '" + (node.getOutputCount() > 0 ? node.getOutput(0) : "")
                + "'";
    }

    /** The attribute {@code name} of {@code node}, or null. */
    static AttributeProto attribute(NodeProto node, String name) {
        for (AttributeProto attribute : node.getAttributeList()) {
            if (attribute.getName().equals(name)) {
                return attribute;
            }
        }
        return null;
    }

    /** The float attribute {@code name}, or {@code defaultValue}. */
    static float floatAttribute(NodeProto node, String name, float defaultValue) {
        AttributeProto attribute = attribute(node, name);
        return attribute == null ? defaultValue : attribute.getF();
    }

    /** The integer attribute {@code name}, or {@code defaultValue}. */
    static long intAttribute(NodeProto node, String name, long defaultValue) {
        AttributeProto attribute = attribute(node, name);
        return attribute == null ? defaultValue : attribute.getI();
    }

    /** The string attribute {@code name}, or {@code defaultValue}. */
    static String stringAttribute(NodeProto node, String name, String defaultValue) {
        AttributeProto attribute = attribute(node, name);
        return attribute == null ? defaultValue : attribute.getS().toStringUtf8();
    }

    private void requireSupported(NodeProto node) {
        String domain = node.getDomain();
        if (!(domain.isEmpty() || domain.equals("ai.onnx")) || !OnnxOperators.SUPPORTED.contains(node.getOpType())) {
            throw refusal(describe(node) + (domain.isEmpty() ? "" : " of domain '" + domain + "'") + " is not supported. "
                    + OnnxOperators.WHAT_IS_SUPPORTED);
        }
    }

    private int defaultOpset(ModelProto model) {
        for (OperatorSetIdProto set : model.getOpsetImportList()) {
            if (set.getDomain().isEmpty() || set.getDomain().equals("ai.onnx")) {
                long version = set.getVersion();
                if (version < MIN_OPSET || version > MAX_OPSET) {
                    throw refusal("the model declares opset " + version + " of the default ONNX domain; Backprop reads"
                            + " opsets " + MIN_OPSET + " to " + MAX_OPSET + ". Export it again with an opset in that"
                            + " range (torch.onnx.export(..., opset_version=17)).");
                }
                return (int) version;
            }
        }
        throw refusal("the model declares no opset of the default ONNX domain, so its operators have no meaning."
                + " Export it again.");
    }

    /** The value of a Constant node, as a tensor. */
    private ConstantTensor constantValue(NodeProto node) {
        String origin = "Constant node '" + (node.getName().isEmpty() ? node.getOutput(0) : node.getName()) + "'";
        if (node.getAttributeCount() != 1) {
            throw refusal(describe(node) + " has " + node.getAttributeCount() + " attributes; a Constant has exactly"
                    + " one value. Export the model again.");
        }
        AttributeProto value = node.getAttribute(0);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(node.getOutput(0));
        switch (value.getName()) {
            case "value":
                return new ConstantTensor(value.getT(), origin, false);
            case "value_float":
                tensor.setDataType(TensorProto.DataType.FLOAT.getNumber()).addFloatData(value.getF());
                break;
            case "value_floats":
                tensor.setDataType(TensorProto.DataType.FLOAT.getNumber()).addDims(value.getFloatsCount())
                        .addAllFloatData(value.getFloatsList());
                break;
            case "value_int":
                tensor.setDataType(TensorProto.DataType.INT64.getNumber()).addInt64Data(value.getI());
                break;
            case "value_ints":
                tensor.setDataType(TensorProto.DataType.INT64.getNumber()).addDims(value.getIntsCount())
                        .addAllInt64Data(value.getIntsList());
                break;
            default:
                throw refusal(describe(node) + " holds a '" + value.getName() + "' value; Backprop reads Constant"
                        + " nodes holding a dense float32 tensor ('value', 'value_float' or 'value_floats').");
        }
        return new ConstantTensor(tensor.build(), origin, false);
    }

    /** {@code Transpose} of a constant: only the 2-D transpose (perm [1, 0], or no perm). */
    private ConstantTensor transposedConstant(NodeProto node) {
        ConstantTensor of = constants.get(node.getInput(0));
        AttributeProto perm = attribute(node, "perm");
        boolean swap = perm == null || (perm.getIntsCount() == 2 && perm.getInts(0) == 1 && perm.getInts(1) == 0);
        if (of.rank() != 2 || !swap) {
            throw refusal(describe(node) + " permutes " + of.origin() + " of shape " + of.shape() + " by "
                    + (perm == null ? "reversing its axes" : perm.getIntsList()) + "; Backprop reads only the"
                    + " transpose of a 2-D weight matrix (perm [1, 0]).");
        }
        return of.flipped(node.getName().isEmpty() ? node.getOutput(0) : node.getName());
    }

    private ValueInfoProto onlyInput() {
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto value : graph.getInputList()) {
            if (!constants.containsKey(value.getName())) {   // models before IR 4 list initializers as inputs
                inputs.add(value);
            }
        }
        if (inputs.size() != 1) {
            throw refusal("the graph has " + inputs.size() + " data inputs " + names(inputs) + "; a Backprop network"
                    + " has exactly one, a float32 [batch, features] matrix. Export a model with a single input.");
        }
        return inputs.get(0);
    }

    private ValueInfoProto onlyOutput() {
        if (graph.getOutputCount() != 1) {
            throw refusal("the graph has " + graph.getOutputCount() + " outputs " + names(graph.getOutputList())
                    + "; a Backprop network has exactly one, a float32 [batch, outputs] matrix. Export a model with a"
                    + " single output.");
        }
        return graph.getOutput(0);
    }

    private static String names(List<ValueInfoProto> values) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (ValueInfoProto value : values) {
            names.add("'" + value.getName() + "'");
        }
        return names.toString();
    }
}
