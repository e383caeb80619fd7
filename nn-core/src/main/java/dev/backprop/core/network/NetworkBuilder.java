package dev.backprop.core.network;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link Network} layer by layer:
 * <pre>{@code
 * Network net = Network.builder()
 *         .input(784)
 *         .dense(128, "relu")
 *         .dense(10, "softmax")
 *         .seed(7)
 *         .build();
 * }</pre>
 * Activations are named by id (resolved through {@link PluginRegistry#discovered()} unless
 * {@link #registry} says otherwise) or given as instances, which skips discovery for that layer.
 * The seed (default {@value #DEFAULT_SEED}) fixes the initial weights. Not thread-safe.
 */
public final class NetworkBuilder {

    /** The seed used when {@link #seed} is not called. */
    public static final long DEFAULT_SEED = 42;

    private int inputWidth = -1;
    private final List<LayerSpec> layers = new ArrayList<>();
    private final List<Activation> instances = new ArrayList<>();
    private PluginRegistry registry;
    private long seed = DEFAULT_SEED;

    NetworkBuilder() {
    }

    /** The number of input features. */
    public NetworkBuilder input(int width) {
        if (width < 1) {
            throw new InvalidConfigurationException("input(width) needs at least 1 feature but was given " + width + ".");
        }
        this.inputWidth = width;
        return this;
    }

    /**
     * Adds a dense layer of {@code width} neurons with the activation {@code activationId}.
     *
     * @throws InvalidConfigurationException if {@code width} is below 1 or its weights (fan-in × width) would
     *                                       not fit in one Java array
     */
    public NetworkBuilder dense(int width, String activationId) {
        return dense(width, activationId, Hyperparameters.none());
    }

    /** Adds a dense layer whose activation {@code activationId} gets {@code hyperparameters}. */
    public NetworkBuilder dense(int width, String activationId, Hyperparameters hyperparameters) {
        requireInput();
        return addLayer(new LayerSpec(width, PluginId.of(activationId), hyperparameters, null), null);
    }

    /** Adds a dense layer with this activation instance (no discovery for this layer). */
    public NetworkBuilder dense(int width, Activation activation) {
        requireInput();
        Objects.requireNonNull(activation, "activation");
        return addLayer(new LayerSpec(width, activation.id(), activation.hyperparameters(), null), activation);
    }

    /** Adds {@code layer} once its weights are known to fit in one array (checked now, before anything is built). */
    private NetworkBuilder addLayer(LayerSpec layer, Activation instance) {
        int fanIn = layers.isEmpty() ? inputWidth : layers.get(layers.size() - 1).width();
        SizeLimits.requireLayerFits(layers.size() + 1, fanIn, layer.width());
        layers.add(layer);
        instances.add(instance);
        return this;
    }

    /** Sets the weight initialiser of the layer added last ({@code glorot_uniform}, {@code he_normal}, ...). */
    public NetworkBuilder withInitializer(String initializerId) {
        return withInitializer(initializerId, Hyperparameters.none());
    }

    /** Sets the weight initialiser of the layer added last, with settings ({@code constant}, {@code value=0.1}). */
    public NetworkBuilder withInitializer(String initializerId, Hyperparameters hyperparameters) {
        PluginId id = PluginId.of(initializerId);
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        return changeLastLayer("withInitializer(\"" + initializerId + "\")",
                layer -> layer.withInitializer(id, hyperparameters));
    }

    /**
     * Penalises the weights of the layer added last: {@code l1·Σ|w| + l2·Σw²} is added to the loss
     * (for example {@code withWeightPenalty(0, 1e-4)} for L2 regularisation).
     */
    public NetworkBuilder withWeightPenalty(double l1, double l2) {
        return changeLastLayer("withWeightPenalty(" + l1 + ", " + l2 + ")",
                layer -> layer.withPenalty(new WeightPenalty(l1, l2)));
    }

    /**
     * Drops the fraction {@code rate} of the outputs of the layer added last during training (inverted
     * dropout, Srivastava et al. 2014: kept outputs are scaled by {@code 1/(1 − rate)}, so nothing
     * changes at inference). Not allowed on the output layer.
     */
    public NetworkBuilder dropout(double rate) {
        return changeLastLayer("dropout(" + rate + ")", layer -> layer.withDropout(rate));
    }

    /** The registry that resolves activation ids (default: {@link PluginRegistry#discovered()}). */
    public NetworkBuilder registry(PluginRegistry pluginRegistry) {
        this.registry = Objects.requireNonNull(pluginRegistry, "registry");
        return this;
    }

    /** The seed of the initial weights. */
    public NetworkBuilder seed(long initialisationSeed) {
        this.seed = initialisationSeed;
        return this;
    }

    /** The architecture described so far. */
    public NetworkSpec spec() {
        if (inputWidth < 1) {
            throw new InvalidConfigurationException("The network has no input width: call input(n) first.");
        }
        return new NetworkSpec(inputWidth, layers);
    }

    /**
     * Resolves the activations and initialises the weights.
     *
     * @throws dev.backprop.api.InvalidConfigurationException if the network would not fit in this JVM's heap
     *         ({@link NetworkSpec#requireFitsInMemory()}), before anything is allocated
     */
    public Network build() {
        NetworkSpec spec = spec();
        PluginRegistry plugins = registry;
        List<LayerActivation> activations = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Activation instance = instances.get(i);
            if (instance != null) {
                activations.add(LayerActivations.of(instance));
            } else {
                if (plugins == null) {
                    plugins = PluginRegistry.discovered();
                }
                LayerSpec layer = layers.get(i);
                activations.add(LayerActivations.resolve(plugins, layer.activation(), layer.activationHyperparameters()));
            }
        }
        Network network = new Network(spec, activations);
        network.initialise(plugins != null ? plugins : PluginRegistry.discovered(), seed);
        return network;
    }

    /** Replaces the layer added last by {@code change} of it; {@code call} names the builder call for errors. */
    private NetworkBuilder changeLastLayer(String call, UnaryOperator<LayerSpec> change) {
        if (layers.isEmpty()) {
            throw new InvalidConfigurationException(call + " applies to the layer added last, but no layer has been"
                    + " added: call dense(...) first.");
        }
        int last = layers.size() - 1;
        layers.set(last, change.apply(layers.get(last)));
        return this;
    }

    private void requireInput() {
        if (inputWidth < 1) {
            throw new InvalidConfigurationException("dense(...) needs to know its fan-in: call input(n) before the"
                    + " first dense layer.");
        }
    }
}
