package dev.backprop.io.model;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a checkpoint ({@link ModelFiles#saveCheckpoint}) to one file every {@code every} epochs and
 * when training ends (after the configured last epoch, after the epoch at which a listener such as
 * early stopping ends training, or after the batch at which a listener asked to stop inside an epoch,
 * which the checkpoint then records), replacing the previous one atomically: a run killed at any moment leaves the
 * last complete checkpoint, which {@link ModelFiles#loadCheckpoint} and {@code Trainer.resume} go on
 * from. A failed save stops training with its {@link ModelFormatException}, the previous file intact.
 */
public final class Checkpointer implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Path file;
    private final int every;

    /**
     * @param file  the checkpoint file, created or replaced; its directory must exist
     * @param every the interval in epochs, at least 1
     */
    public Checkpointer(Path file, int every) {
        this.file = Objects.requireNonNull(file, "file");
        if (every < 1) {
            throw new InvalidConfigurationException("Checkpoints need an interval of at least 1 epoch, found " + every
                    + ": for example every 5 epochs.");
        }
        this.every = every;
    }

    @Override
    public void onTrainingStart(TrainingConfig config, int examples) {
        TrainingSection.requireStorable(config);
    }

    @Override
    public void onCheckpoint(Network network, TrainingConfig config, TrainingCheckpoint checkpoint, boolean last) {
        int epoch = checkpoint.completedEpochs();
        if (epoch % every == 0 || last) {
            ModelFiles.saveCheckpoint(network, config, checkpoint, file);
            LOG.info("checkpoint {} saved to {}", checkpoint.position(), file);
        }
    }
}
