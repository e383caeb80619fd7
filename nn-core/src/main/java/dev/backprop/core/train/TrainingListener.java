package dev.backprop.core.train;

/**
 * Observes training. Every method has a no-op default, so a listener overrides only what it needs.
 * Listeners are called on the training thread, in registration order; they must not modify the
 * network while training runs. {@link #stopRequested()} is asked on the training thread too, but may
 * answer from a flag that another thread sets.
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
     * After each epoch's {@link #onEpochEnd} and the {@link #stopRequested} poll, and once after the
     * batch at which a stop was requested inside an epoch: what {@link Trainer#resume} needs to go on
     * from here (for a stop inside an epoch, {@link TrainingCheckpoint#midEpoch()} is true and
     * {@link TrainingCheckpoint#currentEpoch()} holds the batches done; no {@link #onEpochEnd} is called
     * for that unfinished epoch). The checkpoint holds the trainer's live optimizer
     * state: save it (for example with nn-io's {@code Checkpointer}) or {@link TrainingCheckpoint#copy()}
     * it during the call, and change neither it nor the network. Early stopping's own state (its best
     * value and patience) is not part of a checkpoint, and its best-weights restore happens after the
     * last checkpoint, in {@link #onTrainingEnd}.
     *
     * @param network    the network being trained, with the weights of this moment
     * @param config     the run's configuration
     * @param checkpoint the completed epochs, the current epoch's progress, optimizer states and history
     * @param last       whether training ends here (after the configured last epoch, or a stop)
     */
    default void onCheckpoint(dev.backprop.core.network.Network network, TrainingConfig config,
                              TrainingCheckpoint checkpoint, boolean last) {
    }

    /** After the last epoch (also after an early stop, at an epoch's end or between two batches). */
    default void onTrainingEnd(TrainingHistory history) {
    }

    /**
     * Whether to end training now. The trainer asks on the training thread after each batch's
     * {@link #onBatchEnd} (except an epoch's last batch) and after each epoch's {@link #onEpochEnd}:
     * true after a batch ends the run there, once that batch's update is done, with a last
     * {@link #onCheckpoint} that records the batches done in the epoch (so {@link Trainer#resume} goes on
     * at the next batch) and {@link #onTrainingEnd}; true after an epoch ends the run after it (early
     * stopping). The answer may come from a flag set on another thread, such as a Ctrl-C hook or a
     * dashboard's Stop button: keep it in a {@code volatile} field or an {@code AtomicBoolean} so the
     * training thread sees it. Called once per batch, so it must be cheap and must not block. The default
     * never stops.
     */
    default boolean stopRequested() {
        return false;
    }
}
