package dev.backprop.examples.bench;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.options.PluginSettings;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything a benchmark run trains with, resolved from {@code --peer-config} and the explicit options.
 * Validated: at least an input and an output layer, a batch of at least 1, at least 2 epochs (the first is an untimed warm-up)
 * and the accuracy epoch within them.
 *
 * @param name          the {@code config} column: C1, C2, C3 or custom
 * @param layers        the widths from input to output
 * @param activation    the hidden layers' activation id
 * @param loss          the loss id
 * @param optimizer     the optimizer id
 * @param learningRate  the optimizer's {@code learning_rate}
 * @param batch         examples per step
 * @param epochs        passes over the training data, the first untimed
 * @param accuracyAfter the epoch after which the test accuracy is measured
 * @param seed          the seed of the initial weights and the shuffling
 * @param pluginSettings further settings of the activation, the loss and the optimizer
 */
record BenchSettings(String name, List<Integer> layers, String activation, String loss, String optimizer,
                     double learningRate, int batch, int epochs, int accuracyAfter, long seed,
                     PluginSettings pluginSettings) {

    /** The loss after which the output layer is a softmax. */
    static final String CROSS_ENTROPY = "categorical_cross_entropy";
    /** The optimizer that takes {@link #MOMENTUM}. */
    static final String MOMENTUM_OPTIMIZER = "momentum";
    /** The momentum optimizer's hyperparameter. */
    static final String MOMENTUM = "momentum";
    /** The momentum optimizer's momentum, as the peers run it; {@code --optimizer-setting momentum=MU} overrides it. */
    static final double PEER_MOMENTUM = 0.9;

    BenchSettings {
        layers = List.copyOf(layers);
        Objects.requireNonNull(pluginSettings, "plugin settings");
        if (layers.size() < 2) {
            throw new InvalidConfigurationException("--layers needs at least an input and an output width, such as"
                    + " 784,128,10, but was given " + layers + ".");
        }
        if (batch < 1) {
            throw new InvalidConfigurationException("--batch must be at least 1 but was " + batch + ".");
        }
        if (epochs < 2) {
            throw new InvalidConfigurationException("--epochs must be at least 2 but was " + epochs + ": epoch 1 is an"
                    + " untimed warm-up and sec_per_epoch is the median of the epochs after it.");
        }
        if (accuracyAfter < 1 || accuracyAfter > epochs) {
            throw new InvalidConfigurationException("--acc-after must be an epoch from 1 to " + epochs
                    + " (the --epochs) but was " + accuracyAfter + ".");
        }
    }

    /** Softmax after categorical cross-entropy, else the hidden activation. */
    String outputActivation() {
        return CROSS_ENTROPY.equals(loss) ? "softmax" : activation;
    }

    /** {@code learning_rate}, {@code momentum} for the momentum optimizer, then the {@code --optimizer-setting}s. */
    Hyperparameters optimizerHyperparameters() {
        Hyperparameters settings = Hyperparameters.of(Optimizer.LEARNING_RATE, learningRate);
        return (MOMENTUM_OPTIMIZER.equals(optimizer) ? settings.with(MOMENTUM, PEER_MOMENTUM) : settings)
                .withAll(pluginSettings.optimizer());
    }

    /** The number of weights, biases not counted: the peers' convention for GFLOP/s. */
    long weightCount() {
        long weights = 0;
        for (int i = 0; i + 1 < layers.size(); i++) {
            weights += (long) layers.get(i) * layers.get(i + 1);
        }
        return weights;
    }

    /** A fresh network with these layers and activations (resolved by {@code registry}), its weights drawn with the seed. */
    Network buildNetwork(PluginRegistry registry) {
        NetworkBuilder builder = Network.builder().registry(registry).input(layers.get(0)).seed(seed);
        for (int i = 1; i < layers.size() - 1; i++) {
            builder.dense(layers.get(i), activation, pluginSettings.activation());
        }
        return builder.dense(layers.get(layers.size() - 1), outputActivation()).build();
    }

    /** Checks that the input and output widths match the data before any training starts. */
    void requireFits(Dataset data) {
        int input = layers.get(0);
        int output = layers.get(layers.size() - 1);
        if (input != data.featureWidth() || output != data.targetWidth()) {
            throw new InvalidConfigurationException("--layers " + layersText() + " does not fit the data: it has "
                    + data.featureWidth() + " features and " + data.targetWidth() + " classes per example, so the"
                    + " layers must start with " + data.featureWidth() + " and end with " + data.targetWidth()
                    + ", such as --layers " + data.featureWidth() + ",128," + data.targetWidth() + ".");
        }
    }

    /** One line for the progress output. */
    String describe() {
        return String.format(Locale.ROOT, "%s: %s %s->%s, %s, %s %s, batch %d, %d epochs (1 warm-up), accuracy after"
                        + " epoch %d, seed %d", name, layersText(),
                withSettings(activation, pluginSettings.activation()), outputActivation(), withSettings(loss, pluginSettings.loss()), optimizer, optimizerHyperparameters(),
                batch, epochs, accuracyAfter, seed);
    }

    /** {@code id}, followed by its settings when there are any. */
    private static String withSettings(String id, Hyperparameters settings) {
        return settings.isEmpty() ? id : id + " " + settings;
    }

    private String layersText() {
        return layers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
