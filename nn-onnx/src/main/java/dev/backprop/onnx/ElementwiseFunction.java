package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Evaluates an activation segment as the element-wise function it is, in double, at given points: the
 * importer recognises an activation by comparing these values with those of Backprop's activations.
 * Only element-wise operators with single-valued constants are evaluated (a node that mixes elements,
 * such as a Softmax among other nodes, or a per-neuron constant, is refused), following the ONNX
 * definitions of each operator (defaults as in the opset the model declares).
 *
 * <p>The error function is Abramowitz and Stegun's 7.1.26 (absolute error below 1.5·10⁻⁷): good enough to
 * tell the exact GELU from its tanh approximation (they differ by up to 3·10⁻⁴), and never used to compute
 * a network's outputs.
 */
final class ElementwiseFunction {

    private static final double SQRT_2 = Math.sqrt(2.0);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
    /** ONNX's Selu defaults, as float32 values. */
    static final float ONNX_SELU_ALPHA = 1.67326319217681884765625f;
    static final float ONNX_SELU_GAMMA = 1.05070102214813232421875f;

    private final GraphIndex index;
    private final TensorData data;

    ElementwiseFunction(GraphIndex index, TensorData data) {
        this.index = index;
        this.data = data;
    }

    /**
     * The segment's output at each of {@code points}.
     *
     * @throws OnnxImportException naming the node when one is not element-wise or uses a constant that is
     *                             not a single float32 value
     */
    double[] evaluate(ActivationSegment segment, float[] points) {
        Map<String, double[]> values = new HashMap<>();
        double[] x = new double[points.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = points[i];
        }
        values.put(segment.input(), x);
        for (NodeProto node : segment.nodes()) {
            values.put(node.getOutput(0), apply(node, segment, values, points.length));
        }
        return values.get(segment.output());
    }

    /** Checks that an Identity, Dropout or Flatten passes a {@code [batch, width]} matrix through unchanged. */
    static void requirePassThrough(NodeProto node, GraphIndex index) {
        if (node.getOpType().equals("Flatten")) {
            long axis = GraphIndex.intAttribute(node, "axis", 1);
            if (axis != 1 && axis != -1) {
                throw index.refusal(GraphIndex.describe(node) + " flattens from axis " + axis + ", which reshapes a"
                        + " [batch, n] matrix; Backprop passes through only Flatten with axis 1 (as nn.Flatten).");
            }
        }
        if (node.getOpType().equals("Dropout")) {
            if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
                ConstantTensor mode = index.constant(node.getInput(2));
                boolean off = mode != null && mode.tensor().getDataType() == TensorProto.DataType.BOOL.getNumber()
                        && TensorData.count(mode) == 1 && (mode.tensor().getInt32DataCount() == 1
                        ? mode.tensor().getInt32Data(0) == 0
                        : mode.tensor().getRawData().size() == 1 && mode.tensor().getRawData().byteAt(0) == 0);
                if (!off) {
                    throw index.refusal(GraphIndex.describe(node) + " takes training_mode from '" + node.getInput(2)
                            + "', which is not the constant false; at inference a Dropout must pass its input"
                            + " through. Export the model in eval mode (model.eval()).");
                }
            }
        }
    }

    private double[] apply(NodeProto node, ActivationSegment segment, Map<String, double[]> values, int n) {
        String op = node.getOpType();
        switch (op) {
            case "Identity", "Dropout", "Flatten": {
                requirePassThrough(node, index);
                return input(node, 0, segment, values, n);
            }
            case "Relu":
                return unary(node, segment, values, n, v -> v > 0 ? v : v == v ? 0 : v);
            case "Sigmoid":
                return unary(node, segment, values, n, v -> 1 / (1 + Math.exp(-v)));
            case "Tanh":
                return unary(node, segment, values, n, Math::tanh);
            case "Softplus":
                return unary(node, segment, values, n, ElementwiseFunction::softplus);
            case "Softsign":
                return unary(node, segment, values, n, v -> v / (1 + Math.abs(v)));
            case "Mish":
                return unary(node, segment, values, n, v -> v * Math.tanh(softplus(v)));
            case "Neg":
                return unary(node, segment, values, n, v -> -v);
            case "Abs":
                return unary(node, segment, values, n, Math::abs);
            case "Exp":
                return unary(node, segment, values, n, Math::exp);
            case "Log":
                return unary(node, segment, values, n, Math::log);
            case "Sqrt":
                return unary(node, segment, values, n, Math::sqrt);
            case "Reciprocal":
                return unary(node, segment, values, n, v -> 1 / v);
            case "Erf":
                return unary(node, segment, values, n, ElementwiseFunction::erf);
            case "LeakyRelu": {
                double alpha = GraphIndex.floatAttribute(node, "alpha", 0.01f);
                return unary(node, segment, values, n, v -> v >= 0 ? v : alpha * v);
            }
            case "Elu": {
                double alpha = GraphIndex.floatAttribute(node, "alpha", 1f);
                return unary(node, segment, values, n, v -> v >= 0 ? v : alpha * Math.expm1(v));
            }
            case "Selu": {
                double alpha = GraphIndex.floatAttribute(node, "alpha", ONNX_SELU_ALPHA);
                double gamma = GraphIndex.floatAttribute(node, "gamma", ONNX_SELU_GAMMA);
                return unary(node, segment, values, n, v -> gamma * (v > 0 ? v : alpha * Math.expm1(v)));
            }
            case "HardSigmoid": {
                double alpha = GraphIndex.floatAttribute(node, "alpha", 0.2f);
                double beta = GraphIndex.floatAttribute(node, "beta", 0.5f);
                return unary(node, segment, values, n, v -> Math.max(0, Math.min(1, alpha * v + beta)));
            }
            case "Gelu": {
                String approximate = GraphIndex.stringAttribute(node, "approximate", "none");
                if (approximate.equals("tanh")) {
                    return unary(node, segment, values, n,
                            v -> 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v))));
                }
                if (!approximate.equals("none")) {
                    throw index.refusal(GraphIndex.describe(node) + " has approximate='" + approximate + "'; ONNX"
                            + " defines 'none' and 'tanh'.");
                }
                return unary(node, segment, values, n, v -> 0.5 * v * (1 + erf(v / SQRT_2)));
            }
            case "Clip":
                return clip(node, segment, values, n);
            case "Add":
                return binary(node, segment, values, n, Double::sum);
            case "Sub":
                return binary(node, segment, values, n, (a, b) -> a - b);
            case "Mul":
                return binary(node, segment, values, n, (a, b) -> a * b);
            case "Div":
                return binary(node, segment, values, n, (a, b) -> a / b);
            case "Pow":
                return binary(node, segment, values, n, Math::pow);
            case "Greater":
                return binary(node, segment, values, n, (a, b) -> a > b ? 1 : 0);
            case "Less":
                return binary(node, segment, values, n, (a, b) -> a < b ? 1 : 0);
            case "GreaterOrEqual":
                return binary(node, segment, values, n, (a, b) -> a >= b ? 1 : 0);
            case "LessOrEqual":
                return binary(node, segment, values, n, (a, b) -> a <= b ? 1 : 0);
            case "Max", "Min":
                return variadic(node, segment, values, n, op.equals("Max") ? Math::max : Math::min);
            case "Where": {
                double[] condition = input(node, 0, segment, values, n);
                double[] whenTrue = input(node, 1, segment, values, n);
                double[] whenFalse = input(node, 2, segment, values, n);
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = condition[i] != 0 ? whenTrue[i] : whenFalse[i];
                }
                return out;
            }
            default:
                throw notElementwise(node, segment);
        }
    }

    private OnnxImportException notElementwise(NodeProto node, ActivationSegment segment) {
        String why = switch (node.getOpType()) {
            case "Softmax" -> "a Softmax normalises each row, so it must be the whole activation (optionally with"
                    + " Identity or Dropout), not one step of it";
            case "Gemm", "MatMul" -> "it multiplies by '" + (node.getInputCount() > 1 ? node.getInput(1) : "")
                    + "', not a constant weight matrix, or reads the data as its second operand";
            case "Transpose" -> "it transposes the data, which a dense chain never does";
            default -> "it is not an element-wise operator";
        };
        return index.refusal(GraphIndex.describe(node) + ", after " + segment.layer() + ", cannot be part of an"
                + " activation: " + why + ". " + OnnxOperators.WHAT_IS_SUPPORTED);
    }

    private double[] clip(NodeProto node, ActivationSegment segment, Map<String, double[]> values, int n) {
        double[] x = input(node, 0, segment, values, n);
        double low;
        double high;
        if (index.opset() < 11) {
            low = GraphIndex.floatAttribute(node, "min", Float.NEGATIVE_INFINITY);
            high = GraphIndex.floatAttribute(node, "max", Float.POSITIVE_INFINITY);
        } else {
            low = bound(node, 1, segment, Double.NEGATIVE_INFINITY);
            high = bound(node, 2, segment, Double.POSITIVE_INFINITY);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(Math.max(x[i], low), high);
        }
        return out;
    }

    private double bound(NodeProto node, int position, ActivationSegment segment, double absent) {
        if (node.getInputCount() <= position || node.getInput(position).isEmpty()) {
            return absent;
        }
        return constantInput(node, position, segment);
    }

    private double[] unary(NodeProto node, ActivationSegment segment, Map<String, double[]> values, int n,
                           DoubleUnaryOperator f) {
        double[] x = input(node, 0, segment, values, n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = f.applyAsDouble(x[i]);
        }
        return out;
    }

    private double[] binary(NodeProto node, ActivationSegment segment, Map<String, double[]> values, int n,
                            DoubleBinaryOperator f) {
        if (node.getInputCount() != 2) {
            throw index.refusal(GraphIndex.describe(node) + " has " + node.getInputCount() + " inputs; ONNX's "
                    + node.getOpType() + " has two. Export the model again.");
        }
        double[] a = input(node, 0, segment, values, n);
        double[] b = input(node, 1, segment, values, n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = f.applyAsDouble(a[i], b[i]);
        }
        return out;
    }

    private double[] variadic(NodeProto node, ActivationSegment segment, Map<String, double[]> values, int n,
                              DoubleBinaryOperator f) {
        double[] out = input(node, 0, segment, values, n).clone();
        for (int k = 1; k < node.getInputCount(); k++) {
            double[] next = input(node, k, segment, values, n);
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(out[i], next[i]);
            }
        }
        return out;
    }

    /** Input {@code position}: a value computed in the segment, or a constant repeated at every point. */
    private double[] input(NodeProto node, int position, ActivationSegment segment, Map<String, double[]> values,
                           int n) {
        if (node.getInputCount() <= position || node.getInput(position).isEmpty()) {
            throw index.refusal(GraphIndex.describe(node) + " lacks its input " + (position + 1) + ". Export the model"
                    + " again.");
        }
        double[] computed = values.get(node.getInput(position));
        if (computed != null) {
            return computed;
        }
        double value = constantInput(node, position, segment);
        double[] repeated = new double[n];
        Arrays.fill(repeated, value);
        return repeated;
    }

    private double constantInput(NodeProto node, int position, ActivationSegment segment) {
        String name = node.getInput(position);
        ConstantTensor constant = index.constant(name);
        if (constant == null) {
            throw index.refusal(GraphIndex.describe(node) + ", after " + segment.layer() + ", reads '" + name
                    + "', which is neither computed in the activation nor a constant.");
        }
        return data.scalar(constant, "read by " + GraphIndex.describe(node) + " after " + segment.layer());
    }

    /** {@code log(1 + e^x)} without overflow. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** The error function, Abramowitz and Stegun 7.1.26 (absolute error below 1.5·10⁻⁷). */
    static double erf(double x) {
        if (x != x) {
            return x;
        }
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429))));
        double value = 1 - polynomial * Math.exp(-x * x);
        return x >= 0 ? value : -value;
    }
}
