package dev.backprop.io.config;

import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingConfig;
import java.util.Objects;

/**
 * A run as a configuration file writes it down ({@link ConfigFiles#load}, {@link ConfigFiles#save}):
 * the architecture, the seed of the initial weights and how to train. The same values the builders
 * produce ({@code Network.builder()...spec()}, {@code TrainingConfig.builder()...build()}). A plain
 * value: to train, build the loss and optimizer from {@link #training()} (with {@code BackpropModule}
 * or the registry) and hand them to a {@code Trainer}. Immutable.
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
}
