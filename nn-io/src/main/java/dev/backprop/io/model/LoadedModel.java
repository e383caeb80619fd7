package dev.backprop.io.model;

import dev.backprop.core.network.Network;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * A model file read once by {@link ModelFiles#open}: the network and whatever training information
 * was saved with it.
 *
 * @param network    the network with the saved weights
 * @param config     the training configuration, if saved (format version 3 on)
 * @param checkpoint the training state (completed epochs, optimizer state, history), if saved as a checkpoint
 */
public record LoadedModel(Network network, Optional<TrainingConfig> config, Optional<TrainingCheckpoint> checkpoint) {

    /** Requires every component. */
    public LoadedModel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** The epochs the network was trained for, when it was saved as a checkpoint; 0 otherwise. */
    public int trainedEpochs() {
        return checkpoint.map(TrainingCheckpoint::completedEpochs).orElse(0);
    }
}
