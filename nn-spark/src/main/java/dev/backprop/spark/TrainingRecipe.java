package dev.backprop.spark;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import java.io.Serializable;

/**
 * Everything an executor needs to rebuild the training step of a run, as plain serialisable values:
 * the architecture, the loss and optimizer ids, the learning rate and the seed. Plugins are resolved
 * by id through {@link PluginRegistry#discovered()} on whichever JVM asks (the driver and every
 * executor see the same jars).
 */
final class TrainingRecipe implements Serializable {

    private static final long serialVersionUID = 1L;

    private final NetworkRecipe network;
    private final String loss;
    private final String optimizer;
    private final double learningRate;
    private final long seed;

    TrainingRecipe(NetworkRecipe network, String loss, String optimizer, double learningRate, long seed) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.learningRate = learningRate;
        this.seed = seed;
    }

    /** The network with its initial weights (drawn with the run's seed). */
    Network newNetwork() {
        return network.build(seed);
    }

    NetworkRecipe network() {
        return network;
    }

    Loss loss() {
        return PluginRegistry.discovered().loss(loss);
    }

    Optimizer optimizer() {
        return PluginRegistry.discovered().optimizer(PluginId.of(optimizer),
                Hyperparameters.of(Optimizer.LEARNING_RATE, learningRate));
    }

    long seed() {
        return seed;
    }
}
