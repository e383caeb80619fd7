package dev.backprop.io.model;

import dev.backprop.core.network.Network;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * A model file read once by {@link ModelFiles#open}: the network and whatever training information
 * was saved with it. The loss and optimizer are ids with settings, not resolved plugins, so a program
 * that only predicts needs neither installed.
 *
 * @param network    the network with the saved weights
 * @param training   the loss and optimizer with their settings, if saved (format version 2 on; from
 *                   version 3 the same as {@code config}'s)
 * @param config     the whole training configuration, if saved (format version 3 on)
 * @param checkpoint the training state (completed epochs, optimizer state, history), if saved as a checkpoint
 */
public record LoadedModel(Network network, Optional<SavedTraining> training, Optional<TrainingConfig> config,
                          Optional<TrainingCheckpoint> checkpoint) {

    /** Requires every component. */
    public LoadedModel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** The epochs the network was trained for, when it was saved as a checkpoint; 0 otherwise. */
    public int trainedEpochs() {
        return checkpoint.map(TrainingCheckpoint::completedEpochs).orElse(0);
    }
}
