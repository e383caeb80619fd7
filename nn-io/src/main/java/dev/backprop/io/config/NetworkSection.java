package dev.backprop.io.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code network} section of a config file: the input width, the seed of the initial weights and
 * the layers ({@link LayerSection}). Reads it into a {@link NetworkSpec} and a seed, and writes them back.
 * <pre>{@code
 * network: {input: 784, seed: 42, layers: [{width: 10, activation: softmax}]}
 * }</pre>
 */
final class NetworkSection {

    /** The keys of the section. */
    static final List<String> KEYS = List.of("input", "seed", "layers");
    /** The most values one tensor (a Java array) holds, as in {@code ArraysSupport.SOFT_MAX_ARRAY_LENGTH}. */
    static final int MAX_TENSOR_VALUES = Integer.MAX_VALUE - 8;
    /** A minimal section, for fixes. */
    static final String EXAMPLE = "network: {input: 784, layers: [{width: 10, activation: softmax}]}";

    private NetworkSection() {
    }

    /** The architecture and the seed of its initial weights, as read. */
    record SeededSpec(NetworkSpec spec, long seed) {
    }

    /** Reads and checks the section at {@code node}. */
    static SeededSpec read(ConfigNode node, PluginRegistry registry) {
        node.requireMapping(KEYS, EXAMPLE);
        long seed = node.optional("seed").map(n -> n.longValue("42")).orElse(NetworkBuilder.DEFAULT_SEED);
        int input = node.required("input", "input: 784").intValue(1, MAX_TENSOR_VALUES, "784");
        List<ConfigNode> layerNodes = node.required("layers", "layers: [" + LayerSection.EXAMPLE + "]")
                .elements("[" + LayerSection.EXAMPLE + "]");
        List<LayerSpec> layers = new ArrayList<>();
        int fanIn = input;
        for (ConfigNode layerNode : layerNodes) {
            LayerSpec layer = LayerSection.read(layerNode, registry);
            requireWeightsFit(layerNode, fanIn, layer.width());
            layers.add(layer);
            fanIn = layer.width();
        }
        try {
            return new SeededSpec(new NetworkSpec(input, layers), seed);
        } catch (InvalidConfigurationException e) {
            ConfigNode last = layerNodes.get(layerNodes.size() - 1);
            throw last.wrap(last.pathOf("dropout"), e);
        }
    }

    /**
     * Refuses a layer whose weight matrix ({@code fanIn × width}, computed in {@code long}) is more than one
     * Java array holds, before any network is built: such a run could not allocate its weights.
     */
    private static void requireWeightsFit(ConfigNode layerNode, int fanIn, int width) {
        long values = (long) fanIn * width;
        if (values > MAX_TENSOR_VALUES) {
            throw layerNode.required("width", "width: 128").error("a width whose weights (fan-in × width) fit one"
                    + " Java array, at most " + MAX_TENSOR_VALUES + " values", width + " (fan-in " + fanIn + " × "
                    + width + " = " + values + " values)", "use a narrower layer, or narrow the layer before it");
        }
    }

    /** {@code spec} and {@code seed} as the section is written. */
    static ObjectNode write(NetworkSpec spec, long seed) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("input", spec.inputWidth());
        node.put("seed", seed);
        ArrayNode layers = node.putArray("layers");
        for (LayerSpec layer : spec.layers()) {
            layers.add(LayerSection.write(layer));
        }
        return node;
    }
}
