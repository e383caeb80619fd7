package dev.backprop.core.train;

/**
 * Observes training. Every method has a no-op default, so a listener overrides only what it needs.
 * Listeners are called on the training thread, in registration order; they must not modify the
 * network while training runs.
 */
public interface TrainingListener {

    /** Before the first epoch. */
    default void onTrainingStart(TrainingConfig config, int examples) {
    }

    /** After each mini-batch update. */
    default void onBatchEnd(BatchReport report) {
    }

    /** After each epoch. */
    default void onEpochEnd(EpochReport report) {
    }

    /**
     * After each epoch's {@link #onEpochEnd} and the {@link #stopRequested} poll: what
     * {@link Trainer#resume} needs to go on from here. The checkpoint holds the trainer's live optimizer
     * state: save it (for example with nn-io's {@code Checkpointer}) or {@link TrainingCheckpoint#copy()}
     * it during the call, and change neither it nor the network. Early stopping's own state (its best
     * value and patience) is not part of a checkpoint, and its best-weights restore happens after the
     * last checkpoint, in {@link #onTrainingEnd}.
     *
     * @param network    the network being trained, with the weights after this epoch
     * @param config     the run's configuration
     * @param checkpoint the completed epochs, optimizer states and history so far
     * @param last       whether training ends after this epoch (the configured last one, or a stop)
     */
    default void onCheckpoint(dev.backprop.core.network.Network network, TrainingConfig config,
                              TrainingCheckpoint checkpoint, boolean last) {
    }

    /** After the last epoch (also after an early stop). */
    default void onTrainingEnd(TrainingHistory history) {
    }

    /**
     * Asked after each epoch's {@link #onEpochEnd}: true ends training after this epoch (early
     * stopping). The default never stops.
     */
    default boolean stopRequested() {
        return false;
    }
}
