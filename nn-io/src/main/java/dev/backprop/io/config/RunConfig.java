package dev.backprop.io.config;

import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import java.util.List;
import java.util.Objects;

/**
 * A run read from a configuration file by {@link ConfigFiles#load}: the architecture, the seed of the
 * initial weights and how to train. The same values the builders produce
 * ({@code Network.builder()...spec()}, {@code TrainingConfig.builder()...build()}). Immutable.
 *
 * @param network     the architecture
 * @param networkSeed the seed of the initial weights (same seed, same weights)
 * @param training    the loss, optimizer, epochs, batch size, schedule and clipping
 */
public record RunConfig(NetworkSpec network, long networkSeed, TrainingConfig training) {

    /** Requires the architecture and the training configuration. */
    public RunConfig {
        Objects.requireNonNull(network, "network spec");
        Objects.requireNonNull(training, "training config");
    }

    /** A freshly initialised network of this architecture, its activations resolved through {@code registry}. */
    public Network buildNetwork(PluginRegistry registry) {
        return Network.create(network, registry, networkSeed);
    }

    /** A freshly initialised network of this architecture, its activations from the discovered plugins. */
    public Network buildNetwork() {
        return buildNetwork(PluginRegistry.discovered());
    }

    /** A trainer whose loss and optimizer are resolved through {@code registry}, calling {@code listeners}. */
    public Trainer trainer(PluginRegistry registry, List<? extends TrainingListener> listeners) {
        return new Trainer(training.settings(), registry.loss(training.loss(), training.lossHyperparameters()),
                registry.optimizer(training.optimizer(), training.optimizerHyperparameters()), listeners);
    }

    /** A trainer whose loss and optimizer come from the discovered plugins, without listeners. */
    public Trainer trainer() {
        return trainer(PluginRegistry.discovered(), List.of());
    }
}
