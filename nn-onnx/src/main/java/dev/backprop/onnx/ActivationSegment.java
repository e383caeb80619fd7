package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;

/**
 * The nodes between a dense layer's pre-activations and the next dense layer (or the graph output):
 * what the importer recognises as that layer's activation.
 *
 * @param input  the pre-activations {@code z}, written by the layer's Gemm, MatMul or bias Add
 * @param output the activations, read by the next dense layer or the graph output ({@code input} itself
 *               when there are no nodes in between)
 * @param nodes  the nodes in between, in graph (topological) order
 * @param layer  the dense layer as messages name it: {@code layer 2 (node '/2/Gemm' (Gemm))}
 */
record ActivationSegment(String input, String output, List<NodeProto> nodes, String layer) {

    ActivationSegment {
        nodes = List.copyOf(nodes);
    }

    /** The nodes that compute something (not Identity, Dropout or Flatten). */
    List<NodeProto> computing() {
        return nodes.stream().filter(node -> !OnnxOperators.PASS_THROUGH.contains(node.getOpType())).toList();
    }

    /** The nodes as messages list them: {@code Sigmoid 'a', Mul 'b'}. */
    String describeNodes() {
        StringBuilder text = new StringBuilder();
        for (NodeProto node : nodes) {
            text.append(text.length() == 0 ? "" : ", ").append(node.getOpType()).append(" '")
                    .append(node.getName().isEmpty() ? node.getOutput(0) : node.getName()).append('\'');
        }
        return text.toString();
    }
}
