package dev.backprop.onnx;

import dev.backprop.api.activation.Activation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX form of every built-in activation (nn-activations and core's softmax). Like core, this module
 * never touches nn-activations' classes (only the example apps choose concrete plugins): settings are read
 * by name from {@link Activation#hyperparameters()}, which reports every setting, defaults included, and
 * SELU's fixed constants are restated here (the ONNX Runtime tests compare against the real plugin).
 */
final class BuiltInActivations {

    /** The ids written here; a layer with any other id needs an {@link OnnxActivationExporter}. */
    static final Set<String> IDS = Set.of("identity", "relu", "sigmoid", "tanh", "leaky_relu", "elu", "selu",
            "softplus", "softsign", "hard_sigmoid", "hard_tanh", "relu6", "gelu", "silu", "mish", "softmax");

    /** SELU's λ (ONNX's gamma) and α, as nn-activations' Selu.LAMBDA and Selu.ALPHA. */
    static final double SELU_LAMBDA = 1.0507009873554805;
    static final double SELU_ALPHA = 1.6732632423543772;
    private static final float SQRT_2 = (float) Math.sqrt(2.0);
    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);
    private static final float GELU_CUBIC = 0.044715f;

    private BuiltInActivations() {
    }

    static boolean handles(String id) {
        return IDS.contains(id);
    }

    /** Adds {@code activation} on {@code x}; returns the result's name. */
    static String export(Activation activation, String x, OnnxGraph graph) {
        String id = activation.id().value();
        switch (id) {
            case "identity":
                return graph.node("Identity", x);
            case "relu":
                return graph.node("Relu", x);
            case "sigmoid":
                return graph.node("Sigmoid", x);
            case "tanh":
                return graph.node("Tanh", x);
            case "softplus":
                return graph.node("Softplus", x);
            case "softsign":
                return graph.node("Softsign", x);
            case "softmax":
                return graph.node("Softmax", List.of(x), Map.of("axis", -1L));
            case "leaky_relu":
                return graph.node("LeakyRelu", List.of(x), Map.of("alpha", alpha(activation, 0.01)));
            case "elu":
                return graph.node("Elu", List.of(x), Map.of("alpha", alpha(activation, 1.0)));
            case "selu":
                return graph.node("Selu", List.of(x), Map.of("alpha", (float) SELU_ALPHA, "gamma", (float) SELU_LAMBDA));
            case "hard_sigmoid":
                // Backprop: min(max(x + 3, 0), 6) / 6 = max(0, min(1, x/6 + 1/2)).
                return graph.node("HardSigmoid", List.of(x), Map.of("alpha", 1f / 6f, "beta", 0.5f));
            case "hard_tanh":
                return graph.node("Clip", x, graph.scalar(-1f), graph.scalar(1f));
            case "relu6":
                return graph.node("Clip", x, graph.scalar(0f), graph.scalar(6f));
            case "silu":
                return graph.node("Mul", x, graph.node("Sigmoid", x));
            case "mish":
                return graph.node("Mul", x, graph.node("Tanh", graph.node("Softplus", x)));
            case "gelu":
                boolean tanh = "tanh".equals(activation.hyperparameters().text("approximate", "none"));
                return tanh ? tanhGelu(x, graph) : erfGelu(x, graph);
            default:
                throw new IllegalStateException("Not a built-in activation: " + id);
        }
    }

    /** The activation's {@code alpha} setting as a float attribute. */
    private static float alpha(Activation activation, double defaultValue) {
        return (float) activation.hyperparameters().get("alpha", defaultValue);
    }

    /** {@code x · 0.5 · (1 + erf(x / √2))}: opset 17 has no Gelu operator. */
    private static String erfGelu(String x, OnnxGraph graph) {
        String erf = graph.node("Erf", graph.node("Div", x, graph.scalar(SQRT_2)));
        String cdf = graph.node("Mul", graph.node("Add", erf, graph.scalar(1f)), graph.scalar(0.5f));
        return graph.node("Mul", x, cdf);
    }

    /** {@code 0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))}. */
    private static String tanhGelu(String x, OnnxGraph graph) {
        String cube = graph.node("Mul", x, graph.node("Mul", x, x));
        String inner = graph.node("Add", x, graph.node("Mul", cube, graph.scalar(GELU_CUBIC)));
        String tanh = graph.node("Tanh", graph.node("Mul", inner, graph.scalar(SQRT_2_OVER_PI)));
        String half = graph.node("Mul", x, graph.scalar(0.5f));
        return graph.node("Mul", half, graph.node("Add", tanh, graph.scalar(1f)));
    }
}
