package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks an indexed graph from its input to its output as a chain of dense layers: each a {@code Gemm},
 * or a {@code MatMul} and perhaps an {@code Add} of a bias, reading a constant weight matrix, followed by
 * the nodes of its activation up to the next dense layer. Shapes are checked from tensor dims alone
 * (nothing is read or allocated here): each weight's fan-in against the previous width, each bias's
 * length against the layer's width. Refuses anything that is not a single chain: a tensor read by two
 * paths, a node reading from outside its segment, a node whose result nothing uses.
 */
final class DenseChain {

    private final GraphIndex index;
    private final Set<NodeProto> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private final String output;

    private DenseChain(GraphIndex index) {
        this.index = index;
        this.output = index.output().getName();
    }

    /** The dense layers from input to output. */
    static List<DenseStep> walk(GraphIndex index) {
        return new DenseChain(index).walk();
    }

    private List<DenseStep> walk() {
        int width = matrixWidth(index.input(), "input");
        String current = skipLeadingPassThrough(index.input().getName());
        List<DenseStep> steps = new ArrayList<>();
        while (true) {
            DenseStep step = layerAt(current, steps.size() + 1, width, steps.isEmpty());
            steps.add(step);
            width = step.outputs();
            if (step.activation().output().equals(output)) {
                break;
            }
            current = step.activation().output();
        }
        int declared = matrixWidth(index.output(), "output");
        if (declared > 0 && declared != width) {
            throw index.refusal("the graph output '" + output + "' is declared with " + declared + " columns but the"
                    + " last dense layer has " + width + " outputs. The model is inconsistent: export it again.");
        }
        for (NodeProto node : index.nodes()) {
            if (!visited.contains(node)) {
                throw index.refusal(GraphIndex.describe(node) + " is not on the chain from the input '"
                        + index.input().getName() + "' to the output '" + output + "' (a branch, or a result nothing"
                        + " uses). Backprop imports single chains of dense layers: export the model without it.");
            }
        }
        return steps;
    }

    /** Identity, Dropout and Flatten right after the input pass it through; anything else must be a dense layer. */
    private String skipLeadingPassThrough(String tensor) {
        String current = tensor;
        while (!current.equals(output) && index.readers(current).size() == 1) {
            NodeProto node = index.readers(current).get(0);
            if (!OnnxOperators.PASS_THROUGH.contains(node.getOpType()) || !node.getInput(0).equals(current)) {
                break;
            }
            ElementwiseFunction.requirePassThrough(node, index);
            visited.add(node);
            requireSecondaryOutputsUnused(node);
            current = node.getOutput(0);
        }
        return current;
    }

    private DenseStep layerAt(String tensor, int number, int width, boolean first) {
        List<NodeProto> readers = index.readers(tensor);
        if (readers.size() != 1) {
            throw index.refusal(readers.isEmpty()
                    ? "tensor '" + tensor + "' after the input is read by no node and is not the output, so the graph"
                    + " computes nothing from its input. Backprop imports chains with at least one dense layer."
                    : "tensor '" + tensor + "' feeds " + readers.size() + " nodes (" + describeAll(readers) + "), so"
                    + " the graph branches. Backprop imports single chains, where each result feeds one node.");
        }
        NodeProto node = readers.get(0);
        if (!isLinearReading(node, tensor)) {
            throw index.refusal(GraphIndex.describe(node) + " reads the input where Backprop expects the first dense"
                    + " layer: a Gemm or MatMul of the input by a constant weight matrix. " + OnnxOperators
                    .WHAT_IS_SUPPORTED);
        }
        visited.add(node);
        String layer = "layer " + number + " (" + GraphIndex.describe(node) + ")";
        ConstantTensor weight = index.constant(node.getInput(1));
        boolean outByIn;
        ConstantTensor bias = null;
        if (node.getOpType().equals("Gemm")) {
            outByIn = weight.transposed() ^ gemmTransB(node, layer);
            if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
                bias = index.constant(node.getInput(2));
                if (bias == null) {
                    throw index.refusal(layer + " adds '" + node.getInput(2) + "', which is not a constant; a dense"
                            + " layer's bias is an initializer or a Constant.");
                }
            }
        } else {
            outByIn = weight.transposed();
        }
        if (weight.rank() != 2) {
            throw index.refusal(layer + " multiplies by " + weight.origin() + " of shape " + weight.shape() + "; a"
                    + " dense layer's weights are a 2-D matrix.");
        }
        long[] dims = weight.storedDims();
        long inputs = outByIn ? dims[1] : dims[0];
        long outputs = outByIn ? dims[0] : dims[1];
        String orientation = outByIn ? "[out, in] = " : "[in, out] = ";
        if (inputs < 1 || outputs < 1 || inputs > Integer.MAX_VALUE || outputs > Integer.MAX_VALUE) {
            throw index.refusal(layer + " has weights " + weight.origin() + " of shape " + weight.shape() + "; each"
                    + " dimension must be between 1 and " + Integer.MAX_VALUE + ".");
        }
        if (width > 0 && inputs != width) {
            throw index.refusal(layer + " has weights " + weight.origin() + " of shape " + orientation + weight.shape()
                    + " as the node reads them, so it takes " + inputs + " inputs, but " + (first ? "the graph input"
                    + " has " : "the layer before it has ") + width + (first ? " features" : " outputs")
                    + ". The weights do not fit the chain: export the model again.");
        }
        String z = node.getOutput(0);
        if (bias == null) {
            NodeProto add = biasAdd(z, (int) outputs);
            if (add != null) {
                visited.add(add);
                bias = index.constant(add.getInput(0).equals(z) ? add.getInput(1) : add.getInput(0));
                z = add.getOutput(0);
            }
        }
        if (bias != null) {
            requireBiasShape(bias, (int) outputs, layer);
        }
        ActivationSegment activation = segmentAfter(z, layer);
        return new DenseStep(layer, weight, outByIn, bias, (int) inputs, (int) outputs, activation);
    }

    /** Gemm's transB, after refusing the attributes a dense layer does not have. */
    private boolean gemmTransB(NodeProto node, String layer) {
        float alpha = GraphIndex.floatAttribute(node, "alpha", 1f);
        float beta = GraphIndex.floatAttribute(node, "beta", 1f);
        long transA = GraphIndex.intAttribute(node, "transA", 0);
        long transB = GraphIndex.intAttribute(node, "transB", 0);
        boolean hasBias = node.getInputCount() > 2 && !node.getInput(2).isEmpty();
        if (transA != 0 || alpha != 1f || (hasBias && beta != 1f) || (transB != 0 && transB != 1)) {
            throw index.refusal(layer + " has transA=" + transA + ", transB=" + transB + ", alpha=" + alpha + ", beta="
                    + beta + "; Backprop's dense layer computes x·W + b, which is Gemm with transA=0, transB 0 or 1,"
                    + " alpha=1 and beta=1. Fold the scales into the weights and export again.");
        }
        return transB == 1;
    }

    /** The Add of a constant bias right after a bias-less layer, or null when what follows is no bias. */
    private NodeProto biasAdd(String z, int outputs) {
        List<NodeProto> readers = index.readers(z);
        if (readers.size() != 1 || !readers.get(0).getOpType().equals("Add") || z.equals(output)) {
            return null;
        }
        NodeProto add = readers.get(0);
        if (add.getInputCount() != 2) {
            return null;
        }
        String other = add.getInput(0).equals(z) ? add.getInput(1) : add.getInput(0);
        ConstantTensor constant = index.constant(other);
        if (constant == null || other.equals(z)) {
            return null;
        }
        // A single value added to several outputs is a shift inside the activation (x + 3 of a hard sigmoid).
        return TensorData.count(constant) == 1 && outputs != 1 ? null : add;
    }

    private void requireBiasShape(ConstantTensor bias, int outputs, String layer) {
        long[] dims = bias.storedDims();
        boolean vector = dims.length == 1 && dims[0] == outputs;
        boolean row = dims.length == 2 && dims[0] == 1 && dims[1] == outputs;
        boolean single = TensorData.count(bias) == 1;
        if (!(vector || row || single) || bias.transposed()) {
            throw index.refusal(layer + " has " + outputs + " outputs but its bias " + bias.origin() + " has shape "
                    + bias.shape() + "; a bias holds one value per output, shape [" + outputs + "] or [1, " + outputs
                    + "]. The bias does not fit the layer: export the model again.");
        }
    }

    /** The nodes from {@code z} to the next dense layer or the output, after checking they form one segment. */
    private ActivationSegment segmentAfter(String z, String layer) {
        List<NodeProto> members = new ArrayList<>();
        Set<NodeProto> memberSet = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> produced = new LinkedHashSet<>();
        Set<String> ends = new LinkedHashSet<>();
        Deque<String> frontier = new ArrayDeque<>();
        produced.add(z);
        frontier.add(z);
        while (!frontier.isEmpty()) {
            String tensor = frontier.poll();
            if (tensor.equals(output)) {
                ends.add(tensor);
            }
            for (NodeProto reader : index.readers(tensor)) {
                if (isLinearReading(reader, tensor)) {
                    ends.add(tensor);
                } else if (memberSet.add(reader)) {
                    if (visited.contains(reader)) {
                        throw index.refusal(GraphIndex.describe(reader) + " reads results of two dense layers; Backprop"
                                + " imports single chains without skip connections.");
                    }
                    members.add(reader);
                    for (String written : reader.getOutputList()) {
                        if (!written.isEmpty() && produced.add(written)) {
                            frontier.add(written);
                        }
                    }
                }
            }
        }
        if (ends.size() != 1) {
            throw index.refusal(ends.isEmpty()
                    ? "after " + layer + " the chain reaches neither another dense layer nor the output '" + output
                    + "'. Backprop imports single chains from the input to the output."
                    : "after " + layer + " the graph splits: " + ends + " each continue (to another dense layer or"
                    + " the output). Backprop imports single chains.");
        }
        String end = ends.iterator().next();
        if (end.equals(output) && !index.readers(end).isEmpty()) {
            throw index.refusal("the graph output '" + output + "' is also read by " + describeAll(index.readers(end))
                    + "; Backprop imports chains that end at their output.");
        }
        members.sort(Comparator.comparingInt(index::position));
        for (NodeProto member : members) {
            visited.add(member);
            for (String read : member.getInputList()) {
                if (!read.isEmpty() && !produced.contains(read) && !index.isConstant(read)) {
                    if (index.writer(read) == null && !read.equals(index.input().getName())) {
                        throw index.refusal(GraphIndex.describe(member) + ", after " + layer + ", reads '" + read
                                + "', which no node writes and which is no initializer. The model is incomplete:"
                                + " export it again.");
                    }
                    throw index.refusal(GraphIndex.describe(member) + ", after " + layer + ", reads '" + read + "' from"
                            + " outside the chain (a branch or a skip connection). Backprop imports single chains.");
                }
            }
            String result = member.getOutput(0);
            if (!result.equals(end) && index.readers(result).isEmpty()) {
                throw index.refusal(GraphIndex.describe(member) + ", after " + layer + ", writes '" + result + "', which"
                        + " no node reads and which is not the output. Backprop imports single chains.");
            }
            requireSecondaryOutputsUnused(member);
        }
        return new ActivationSegment(z, end, members, layer);
    }

    /** A Gemm or MatMul reading {@code tensor} as its data (first) operand and a constant as its weights. */
    private boolean isLinearReading(NodeProto node, String tensor) {
        return OnnxOperators.LINEAR.contains(node.getOpType()) && node.getInputCount() >= 2
                && node.getInput(0).equals(tensor) && index.isConstant(node.getInput(1));
    }

    /** Dropout's mask (its second output) may be named but must not be used. */
    private void requireSecondaryOutputsUnused(NodeProto node) {
        for (int i = 1; i < node.getOutputCount(); i++) {
            String extra = node.getOutput(i);
            if (!extra.isEmpty() && (!index.readers(extra).isEmpty() || extra.equals(output))) {
                throw index.refusal(GraphIndex.describe(node) + " has its output " + (i + 1) + " ('" + extra + "') used;"
                        + " Backprop reads only its first output (at inference a Dropout passes its input through).");
            }
        }
    }

    /** The declared column count of a {@code [batch, n]} float32 input or output, or -1 when n is not fixed. */
    private int matrixWidth(ValueInfoProto value, String role) {
        TypeProto type = value.getType();
        if (!type.hasTensorType()) {
            throw index.refusal("the graph " + role + " '" + value.getName() + "' is not a tensor; Backprop networks"
                    + " read and write float32 [batch, n] matrices.");
        }
        TypeProto.Tensor tensor = type.getTensorType();
        if (tensor.getElemType() != TensorProto.DataType.FLOAT.getNumber()) {
            TensorProto.DataType found = TensorProto.DataType.forNumber(tensor.getElemType());
            throw index.refusal("the graph " + role + " '" + value.getName() + "' holds " + (found == null ? "type "
                    + tensor.getElemType() : found.name()) + " values; Backprop imports float32 models only. Convert"
                    + " the model to float32 (for a PyTorch model: model.float() before torch.onnx.export).");
        }
        if (!tensor.hasShape()) {
            return -1;
        }
        TensorShapeProto shape = tensor.getShape();
        if (shape.getDimCount() != 2) {
            throw index.refusal("the graph " + role + " '" + value.getName() + "' has " + shape.getDimCount()
                    + " dimensions; Backprop networks read and write [batch, n] matrices. Export the model with a"
                    + " flat [batch, features] example input (for images: x.reshape(len(x), -1)).");
        }
        TensorShapeProto.Dimension columns = shape.getDim(1);
        if (!columns.hasDimValue()) {
            return -1;
        }
        if (columns.getDimValue() < 1 || columns.getDimValue() > Integer.MAX_VALUE) {
            throw index.refusal("the graph " + role + " '" + value.getName() + "' declares " + columns.getDimValue()
                    + " columns; a width lies between 1 and " + Integer.MAX_VALUE + ".");
        }
        return (int) columns.getDimValue();
    }

    private static String describeAll(List<NodeProto> nodes) {
        StringBuilder text = new StringBuilder();
        for (NodeProto node : nodes) {
            text.append(text.length() == 0 ? "" : ", ").append(GraphIndex.describe(node));
        }
        return text.toString();
    }
}
