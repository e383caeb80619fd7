package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import dev.backprop.api.BackpropException;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Recognises the Backprop activation an {@link ActivationSegment} computes. No nodes (or only Identity,
 * Dropout, Flatten) is {@code identity}; a lone {@code Softmax} over the last axis is {@code softmax}.
 * Anything else must be element-wise: the segment is evaluated at {@link #POINTS} and compared with
 * candidates in this order, the first that agrees everywhere within {@value #TOLERANCE}·(1 + |f(x)|)
 * being chosen:
 * <ol>
 *   <li>the activation Backprop's exporter recorded for the layer in the metadata, if any;</li>
 *   <li>the one a single operator names with its attribute: LeakyRelu → {@code leaky_relu} and Elu →
 *       {@code elu} with {@code alpha}, Gelu → {@code gelu} with {@code approximate} (a float32 attribute
 *       becomes the shortest decimal that rounds to it: 0.2f → 0.2);</li>
 *   <li>Backprop's built-in activations with their default settings.</li>
 * </ol>
 * So every form an exporter writes is recognised by what it computes, whatever the order of its operands
 * or its constants: {@code x·Sigmoid(x)} is {@code silu}, {@code Clip(x, 0, 6)} is {@code relu6}, PyTorch's
 * {@code Where(x > 20, x, Softplus(x))} is {@code softplus}. The points span −10³⁰ to 10³⁰, densely on
 * [−16, 16], so a bounded clip or a threshold is told apart. Activations are resolved through the registry
 * given, which must hold them.
 */
final class ActivationRecognizer {

    /** An activation id with its settings. */
    record Recognized(PluginId id, Hyperparameters settings) {
        Recognized {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(settings, "settings");
        }

        static Recognized of(String id) {
            return new Recognized(PluginId.of(id), Hyperparameters.none());
        }

        @Override
        public String toString() {
            return id.value() + (settings.isEmpty() ? "" : " " + settings);
        }
    }

    /** The largest difference allowed, relative to 1 + |f(x)|. */
    static final double TOLERANCE = 1e-6;
    /** Where a segment is compared with the candidates, ascending. */
    static final float[] POINTS = points();

    static final Recognized IDENTITY = Recognized.of("identity");
    static final Recognized SOFTMAX = Recognized.of("softmax");
    /** Backprop's built-in element-wise activations with their default settings, as candidates. */
    static final List<Recognized> BUILT_INS = List.of(Recognized.of("identity"), Recognized.of("relu"),
            Recognized.of("sigmoid"), Recognized.of("tanh"), Recognized.of("softplus"), Recognized.of("softsign"),
            Recognized.of("hard_sigmoid"), Recognized.of("hard_tanh"), Recognized.of("relu6"), Recognized.of("silu"),
            Recognized.of("mish"), Recognized.of("gelu"),
            new Recognized(PluginId.of("gelu"), Hyperparameters.of("approximate", "tanh")), Recognized.of("selu"),
            Recognized.of("elu"), Recognized.of("leaky_relu"));

    private final GraphIndex index;
    private final ElementwiseFunction function;
    private final PluginRegistry registry;

    ActivationRecognizer(GraphIndex index, ElementwiseFunction function, PluginRegistry registry) {
        this.index = index;
        this.function = function;
        this.registry = registry;
    }

    /**
     * The activation {@code segment} computes.
     *
     * @param recorded what the exporter's metadata says for this layer, or null
     * @throws OnnxImportException naming the layer and its nodes when none is found
     */
    Recognized recognize(ActivationSegment segment, Recognized recorded) {
        for (NodeProto node : segment.nodes()) {
            if (OnnxOperators.PASS_THROUGH.contains(node.getOpType())) {
                ElementwiseFunction.requirePassThrough(node, index);
            }
        }
        List<NodeProto> computing = segment.computing();
        if (computing.isEmpty()) {
            return IDENTITY;
        }
        if (computing.size() == 1 && computing.get(0).getOpType().equals("Softmax")) {
            return softmax(computing.get(0), segment);
        }
        double[] expected = function.evaluate(segment, POINTS);
        List<String> notInstalled = new ArrayList<>();
        for (Recognized candidate : candidates(recorded, computing)) {
            Activation activation;
            try {
                activation = registry.activation(candidate.id(), candidate.settings());
            } catch (BackpropException e) {
                notInstalled.add(candidate + ": " + e.getMessage());
                continue;
            }
            if (computes(activation, expected)) {
                return candidate;
            }
        }
        throw unrecognised(segment, computing, expected, notInstalled);
    }

    private Recognized softmax(NodeProto node, ActivationSegment segment) {
        long axis = GraphIndex.intAttribute(node, "axis", index.opset() >= 13 ? -1 : 1);
        if (axis != 1 && axis != -1) {
            throw index.refusal(GraphIndex.describe(node) + ", after " + segment.layer() + ", normalises over axis "
                    + axis + "; Backprop's softmax normalises each row of a [batch, n] matrix (axis 1 or -1).");
        }
        return SOFTMAX;
    }

    private List<Recognized> candidates(Recognized recorded, List<NodeProto> computing) {
        List<Recognized> candidates = new ArrayList<>();
        if (recorded != null && !recorded.id().equals(SOFTMAX.id())) {
            candidates.add(recorded);
        }
        if (computing.size() == 1) {
            NodeProto node = computing.get(0);
            switch (node.getOpType()) {
                case "LeakyRelu" -> candidates.add(withDefaultsDropped("leaky_relu",
                        Hyperparameters.of("alpha", decimal(GraphIndex.floatAttribute(node, "alpha", 0.01f)))));
                case "Elu" -> candidates.add(withDefaultsDropped("elu",
                        Hyperparameters.of("alpha", decimal(GraphIndex.floatAttribute(node, "alpha", 1f)))));
                default -> {
                    // the built-ins below cover every other single operator
                }
            }
        }
        candidates.addAll(BUILT_INS);
        return candidates;
    }

    /** {@code settings} without those equal to the installed plugin's defaults (unchanged if it is not installed). */
    private Recognized withDefaultsDropped(String id, Hyperparameters settings) {
        PluginId pluginId = PluginId.of(id);
        try {
            Hyperparameters defaults = registry.activation(pluginId, Hyperparameters.none()).hyperparameters();
            Map<String, Object> kept = new TreeMap<>();
            settings.asMap().forEach((name, value) -> {
                if (!value.equals(defaults.value(name))) {
                    kept.put(name, value);
                }
            });
            return new Recognized(pluginId, Hyperparameters.of(kept));
        } catch (BackpropException e) {
            return new Recognized(pluginId, settings);
        }
    }

    /** The shortest decimal that rounds to {@code value} as a double: 0.2f → 0.2, the setting a user typed. */
    static double decimal(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** Whether {@code activation} computes {@code expected} at every point. */
    static boolean computes(Activation activation, double[] expected) {
        float[] out = new float[POINTS.length];
        try {
            activation.forward(POINTS.clone(), out, 0, POINTS.length);
        } catch (RuntimeException e) {
            return false;   // a third-party activation that fails on some point does not compute the graph
        }
        for (int i = 0; i < out.length; i++) {
            double f = out[i];
            double g = expected[i];
            if (f == g || (Double.isNaN(f) && Double.isNaN(g))) {
                continue;
            }
            if (!(Math.abs(f - g) <= TOLERANCE * (1 + Math.abs(f)))) {
                return false;
            }
        }
        return true;
    }

    private OnnxImportException unrecognised(ActivationSegment segment, List<NodeProto> computing, double[] expected,
                                             List<String> notInstalled) {
        StringBuilder message = new StringBuilder().append("the activation after ").append(segment.layer())
                .append(", computed by ").append(segment.describeNodes()).append(", is none of Backprop's (compared at ")
                .append(POINTS.length).append(" points from -1e30 to 1e30 with ").append(BUILT_INS).append(").");
        if (computing.size() == 1) {
            message.append(' ').append(singleOperatorHint(computing.get(0), expected));
        }
        if (!notInstalled.isEmpty()) {
            message.append(" Candidates that could not be set up: ").append(String.join("; ", notInstalled))
                    .append('.');
        }
        message.append(' ').append(OnnxOperators.WHAT_IS_SUPPORTED);
        return index.refusal(message.toString());
    }

    /** Why a lone operator that looks like an activation is not one of Backprop's. */
    private static String singleOperatorHint(NodeProto node, double[] expected) {
        switch (node.getOpType()) {
            case "Selu":
                return "Backprop's selu has the fixed alpha = 1.6732632 and gamma = 1.0507010 (ONNX's defaults); this"
                        + " node has alpha = " + GraphIndex.floatAttribute(node, "alpha", ElementwiseFunction
                        .ONNX_SELU_ALPHA) + ", gamma = " + GraphIndex.floatAttribute(node, "gamma", ElementwiseFunction
                        .ONNX_SELU_GAMMA) + ", which has no Backprop equivalent.";
            case "HardSigmoid":
                return "Backprop's hard_sigmoid is max(0, min(1, x/6 + 1/2)), HardSigmoid with alpha = 1/6 and beta ="
                        + " 0.5 as PyTorch's Hardsigmoid writes it; this node has alpha = " + GraphIndex.floatAttribute(
                        node, "alpha", 0.2f) + ", beta = " + GraphIndex.floatAttribute(node, "beta", 0.5f) + " (ONNX's"
                        + " and Keras 2's default 0.2·x + 0.5 is a different function).";
            case "Clip":
                return "A Clip is relu (from 0, no upper bound), relu6 (0 to 6) or hard_tanh (-1 to 1); this one"
                        + " clips to [" + format(expected[0]) + ", " + format(expected[expected.length - 1]) + "].";
            default:
                return "";
        }
    }

    private static String format(double value) {
        return Math.abs(value) >= 1e29 ? (value < 0 ? "-inf" : "inf") : String.format(Locale.ROOT, "%g", value);
    }

    private static float[] points() {
        List<Float> points = new ArrayList<>();
        for (int k = -256; k <= 256; k++) {
            points.add(k / 16f);
        }
        for (float far : new float[] {20, 24, 30, 40, 64, 100, 1e3f, 1e4f, 1e6f, 1e30f, 1e-3f, 1e-6f, 1e-30f}) {
            points.add(far);
            points.add(-far);
        }
        float[] sorted = new float[points.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = points.get(i);
        }
        Arrays.sort(sorted);
        return sorted;
    }
}
