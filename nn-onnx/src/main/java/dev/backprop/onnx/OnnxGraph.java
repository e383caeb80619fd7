package dev.backprop.onnx;

import java.util.List;
import java.util.Map;

/**
 * The small builder an {@link OnnxActivationExporter} adds its nodes with: no protobuf type appears
 * here, so plugins depend on nothing but nn-onnx. Tensors are named by strings; every method that
 * creates one returns its (unique) name.
 */
public interface OnnxGraph {

    /** The opset the model declares for the default ONNX domain (17 unless the caller chose another). */
    int opset();

    /**
     * Adds a node of the default ONNX domain with one output.
     *
     * @param opType     the ONNX operator, for example {@code "Mul"} or {@code "LeakyRelu"}
     * @param inputs     the input tensors' names, in the operator's order (an empty string skips an optional input)
     * @param attributes the attributes by name: {@link Float}/{@link Double} become FLOAT, {@link Integer}/{@link Long}
     *                   INT, {@link String} STRING, {@code float[]} FLOATS and {@code long[]}/{@code int[]} INTS
     * @return the name of the node's output
     */
    String node(String opType, List<String> inputs, Map<String, ?> attributes);

    /** Adds a node without attributes: {@code node(opType, inputs, Map.of())}. */
    default String node(String opType, String... inputs) {
        return node(opType, List.of(inputs), Map.of());
    }

    /** A float32 scalar constant (an initializer of rank 0), for example a {@code Clip} bound or a {@code Mul} factor. */
    String scalar(float value);

    /** A float32 constant tensor of shape {@code dims} ({@code values} row-major, as many as the dims' product). */
    String constant(float[] values, long... dims);
}
