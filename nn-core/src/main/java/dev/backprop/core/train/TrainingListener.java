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
