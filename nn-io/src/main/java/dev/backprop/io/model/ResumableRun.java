package dev.backprop.io.model;

import dev.backprop.core.network.Network;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import java.util.Objects;

/**
 * A training run read back from a checkpoint file: hand all three to {@code Trainer.resume}.
 *
 * @param network    the network with the weights of the checkpoint's epoch
 * @param config     the run's configuration as it was saved (raise its epochs to train longer)
 * @param checkpoint the completed epochs, optimizer state and history
 */
public record ResumableRun(Network network, TrainingConfig config, TrainingCheckpoint checkpoint) {

    /** Requires every component. */
    public ResumableRun {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }
}
