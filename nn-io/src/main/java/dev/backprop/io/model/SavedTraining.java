package dev.backprop.io.model;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.core.train.TrainingConfig;
import java.util.Objects;

/**
 * The training plugins stored with a model: the loss and the optimizer, each by id with its
 * hyperparameters, so that training can continue with the same settings ({@code beta1},
 * {@code delta}, ...) after a load.
 *
 * @param loss                     the loss id
 * @param lossHyperparameters      the loss's settings
 * @param optimizer                the optimizer id
 * @param optimizerHyperparameters the optimizer's settings
 */
public record SavedTraining(PluginId loss, Hyperparameters lossHyperparameters, PluginId optimizer,
                            Hyperparameters optimizerHyperparameters) {

    /** Requires every component. */
    public SavedTraining {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(lossHyperparameters, "loss hyperparameters");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(optimizerHyperparameters, "optimizer hyperparameters");
    }

    /** The loss and optimizer of {@code config}. */
    public static SavedTraining of(TrainingConfig config) {
        return new SavedTraining(config.loss(), config.lossHyperparameters(), config.optimizer(),
                config.optimizerHyperparameters());
    }

    /** {@code builder} with this loss and optimizer (and their settings) applied. */
    public TrainingConfig.Builder applyTo(TrainingConfig.Builder builder) {
        return builder.loss(loss.value(), lossHyperparameters).optimizer(optimizer.value(), optimizerHyperparameters);
    }
}
