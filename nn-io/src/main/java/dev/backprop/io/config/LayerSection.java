package dev.backprop.io.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.api.activation.Activation;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.WeightPenalty;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One element of {@code network.layers}: read into a {@link LayerSpec} with its activation and
 * initialiser checked through the registry, and written back.
 * <pre>{@code
 * {width: 16, activation: leaky_relu, hyperparameters: {alpha: 0.1},
 *  initializer: {id: constant, hyperparameters: {value: 0.1}}, l1: 0.0, l2: 0.0001, dropout: 0.2}
 * }</pre>
 * {@code width} and {@code activation} are required; {@code initializer} is an id or
 * {@code {id, hyperparameters}} (default: the activation's own); {@code l1}, {@code l2} and
 * {@code dropout} default to 0.
 */
final class LayerSection {

    /** The keys a layer may have, in the order messages list them. */
    static final List<String> KEYS = List.of("width", "activation", "initializer", "hyperparameters", "l1", "l2",
            "dropout");
    /** A one-line layer, for fixes. */
    static final String EXAMPLE = "{width: 128, activation: relu}";

    /** Core's row-wise softmax, which is not a registry plugin and takes no settings. */
    private static final PluginId SOFTMAX = PluginId.of("softmax");
    private static final String INITIALIZER_EXAMPLE = "{id: constant, hyperparameters: {value: 0.1}}";

    private LayerSection() {
    }

    /** Reads and checks one layer. */
    static LayerSpec read(ConfigNode node, PluginRegistry registry) {
        node.requireMapping(KEYS, EXAMPLE);
        int width = node.required("width", "width: 128").intValue(1, NetworkSection.MAX_TENSOR_VALUES, "128");
        ConfigNode activationNode = node.required("activation", "activation: relu");
        PluginReference activation = new PluginReference(PluginReference.readId(activationNode, "relu"),
                activationNode, node.optional("hyperparameters").map(h -> h.hyperparameters("{alpha: 0.1}"))
                .orElse(Hyperparameters.none()), node.pathOf("hyperparameters"));
        Optional<PluginReference> initializer = node.optional("initializer")
                .map(n -> PluginReference.read(n, "glorot_uniform", INITIALIZER_EXAMPLE));
        activation.resolve(h -> checkActivation(registry, activation.id(), h, initializer.isEmpty()),
                () -> acceptedActivationSettings(registry, activation.id()), "");
        initializer.ifPresent(i -> i.resolve(h -> registry.initializer(i.id(), h),
                () -> acceptedInitializerSettings(registry, i.id()), " In a config file, set "
                        + i.idNode().path() + " to one of these, or leave it out for the activation's default."));
        return new LayerSpec(width, activation.id(), activation.hyperparameters(),
                initializer.map(PluginReference::id).orElse(null),
                initializer.map(PluginReference::hyperparameters).orElse(Hyperparameters.none()),
                penalty(node), dropout(node));
    }

    /** {@code layer} as a config file writes it; keys at their defaults are left out. */
    static ObjectNode write(LayerSpec layer) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("width", layer.width());
        node.put("activation", layer.activation().value());
        if (!layer.activationHyperparameters().isEmpty()) {
            node.set("hyperparameters", PluginReference.writeSettings(layer.activationHyperparameters()));
        }
        layer.explicitInitializer().ifPresent(id -> node.set("initializer",
                PluginReference.write(id, layer.initializerHyperparameters())));
        if (layer.penalty().l1() != 0) {
            node.put("l1", layer.penalty().l1());
        }
        if (layer.penalty().l2() != 0) {
            node.put("l2", layer.penalty().l2());
        }
        if (layer.dropout() != 0) {
            node.put("dropout", layer.dropout());
        }
        return node;
    }

    /**
     * Resolves the activation as a network would: softmax is core's and takes no settings; any other
     * id is a registry plugin, whose default initialiser must be installed too when the layer names none.
     */
    private static Object checkActivation(PluginRegistry registry, PluginId id, Hyperparameters hyperparameters,
                                          boolean usesDefaultInitializer) {
        if (SOFTMAX.equals(id)) {
            hyperparameters.requireKnownNames(id, Set.of());
            return id;
        }
        Activation activation;
        try {
            activation = registry.activation(id, hyperparameters);
        } catch (UnknownPluginException e) {
            throw new UnknownPluginException(registry.unknownIdMessage(PluginKind.ACTIVATION, id, List.of(SOFTMAX)),
                    e);
        }
        if (usesDefaultInitializer) {
            registry.initializer(activation.defaultInitializer(), Hyperparameters.none());
        }
        return activation;
    }

    private static Set<String> acceptedActivationSettings(PluginRegistry registry, PluginId activation) {
        if (SOFTMAX.equals(activation)) {
            return Set.of();
        }
        try {
            return registry.activation(activation, Hyperparameters.none()).hyperparameters().names();
        } catch (UnknownPluginException e) {
            return Set.of();
        }
    }

    private static Set<String> acceptedInitializerSettings(PluginRegistry registry, PluginId initializer) {
        try {
            return registry.initializer(initializer, Hyperparameters.none()).hyperparameters().names();
        } catch (UnknownPluginException e) {
            return Set.of();
        }
    }

    /** The layer's optional {@code dropout} rate (default 0), in [0, 1). */
    private static double dropout(ConfigNode node) {
        Optional<ConfigNode> dropoutNode = node.optional("dropout");
        double rate = dropoutNode.map(n -> n.doubleValue("0.2")).orElse(0.0);
        if (!(rate >= 0 && rate < 1)) {
            ConfigNode at = dropoutNode.orElseThrow();
            throw at.wrap(at.path(), new InvalidConfigurationException("A dropout rate must lie in [0, 1) but was "
                    + rate + ": for example dropout: 0.2."));
        }
        return rate;
    }

    /** The layer's optional {@code l1} and {@code l2} weight penalties (default 0). */
    private static WeightPenalty penalty(ConfigNode node) {
        Optional<ConfigNode> l1Node = node.optional("l1");
        Optional<ConfigNode> l2Node = node.optional("l2");
        double l1 = l1Node.map(n -> n.doubleValue("0.0001")).orElse(0.0);
        double l2 = l2Node.map(n -> n.doubleValue("0.0001")).orElse(0.0);
        try {
            return new WeightPenalty(l1, l2);
        } catch (InvalidConfigurationException e) {
            ConfigNode at = l1 < 0 || !Double.isFinite(l1) ? l1Node.orElseThrow() : l2Node.orElseThrow();
            throw at.wrap(at.path(), e);
        }
    }
}
