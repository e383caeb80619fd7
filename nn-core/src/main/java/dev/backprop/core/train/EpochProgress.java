package dev.backprop.core.train;

import dev.backprop.api.InvalidConfigurationException;

/**
 * How far a run got into the epoch after its completed ones when it stopped between two batches: the
 * batches trained, and the running figures that epoch's {@link EpochReport} is made of. A run that
 * stopped at an epoch's end is {@link #none() 0 batches} into the next one.
 *
 * @param batches the batches of the epoch already trained, at least 0 (0: the epoch has not begun)
 * @param lossSum the sum over those batches of {@code batch loss × rows in the batch}, from which the
 *                epoch's mean loss is made once all its batches are done
 * @param correct the examples of those batches that their own batch's forward pass classified right
 *                (the running training accuracy's numerator)
 * @param seconds the wall-clock time those batches took (not saved in model files, which hold no times)
 */
public record EpochProgress(int batches, double lossSum, int correct, double seconds) {

    private static final EpochProgress NONE = new EpochProgress(0, 0, 0, 0);

    /** Validates the counts. */
    public EpochProgress {
        if (batches < 0 || correct < 0) {
            throw new InvalidConfigurationException("An epoch's progress needs at least 0 batches and 0 correct"
                    + " examples, found " + batches + " batches and " + correct + " correct.");
        }
        if (batches == 0 && (lossSum != 0 || correct != 0)) {
            throw new InvalidConfigurationException("An epoch with no batches trained has no loss or correct"
                    + " examples yet, found a loss sum of " + lossSum + " and " + correct + " correct.");
        }
    }

    /** Not begun: 0 batches. */
    public static EpochProgress none() {
        return NONE;
    }

    /** Whether any batch of the epoch was trained. */
    public boolean started() {
        return batches > 0;
    }
}
