package dev.backprop.core.train;

import dev.backprop.core.plugin.PluginRegistry;
import java.util.List;

/** Tests' shorthand: a trainer whose loss and optimizer are resolved from a configuration's ids. */
public final class TestTrainers {

    private TestTrainers() {
    }

    /** {@code new Trainer(config.settings(), loss, optimizer, listeners)} with the plugins resolved by {@code registry}. */
    public static Trainer of(TrainingConfig config, PluginRegistry registry,
                                     List<? extends TrainingListener> listeners) {
        return new Trainer(config.settings(), registry.loss(config.loss(), config.lossHyperparameters()),
                registry.optimizer(config.optimizer(), config.optimizerHyperparameters()), listeners);
    }
}
