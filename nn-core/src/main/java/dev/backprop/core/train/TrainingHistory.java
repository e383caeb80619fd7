package dev.backprop.core.train;

import java.util.List;

/**
 * The epochs of one training run, in order.
 *
 * @param epochs one report per finished epoch
 */
public record TrainingHistory(List<EpochReport> epochs) {

    /** Copies the list. */
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** The training loss of each epoch. */
    public double[] losses() {
        return epochs.stream().mapToDouble(EpochReport::loss).toArray();
    }

    /** The loss of the last epoch. */
    public double finalLoss() {
        return epochs.get(epochs.size() - 1).loss();
    }
}
