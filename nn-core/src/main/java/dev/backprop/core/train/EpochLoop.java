package dev.backprop.core.train;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.TrainingStep;

/**
 * One epoch's batches: gathers each batch in the epoch's order into preallocated arrays, runs the
 * training step on it, and keeps the epoch's running loss and training accuracy (which a resumed epoch
 * takes up from its {@link EpochProgress}).
 */
final class EpochLoop {

    private final TrainingStep step;
    private final Dataset data;
    private final int batchSize;
    private final int[] order;
    private final float[] features;
    private final float[] targets;
    private final int outputWidth;
    private double lossSum;
    private int correct;
    private int lastRows;

    EpochLoop(TrainingStep step, Dataset data, int batchSize) {
        this.step = step;
        this.data = data;
        this.batchSize = batchSize;
        this.order = new int[data.size()];
        this.features = new float[batchSize * data.featureWidth()];
        this.targets = new float[batchSize * data.targetWidth()];
        this.outputWidth = step.network().outputWidth();
    }

    /**
     * Starts an epoch, or takes one up after {@code from.batches()} batches: sets the running figures to
     * {@code from}'s; returns the order array for the caller to fill.
     */
    int[] begin(EpochProgress from) {
        lossSum = from.lossSum();
        correct = from.correct();
        return order;
    }

    /** The running figures after {@code batches} batches that took {@code seconds}. */
    EpochProgress progress(int batches, double seconds) {
        return new EpochProgress(batches, lossSum, correct, seconds);
    }

    /** The examples in the first {@code batches} batches of an epoch. */
    long rowsBefore(int batches) {
        return Math.min((long) batches * batchSize, data.size());
    }

    /**
     * Trains on batch {@code batch} (1-based) of the epoch's order.
     *
     * @return the batch loss (not finite: nothing was updated)
     */
    double trainBatch(int batch) {
        int from = (batch - 1) * batchSize;
        int rows = Math.min(batchSize, data.size() - from);
        data.gather(order, from, rows, features, targets);
        double batchLoss = step.step(features, targets, rows);
        float[] outputs = step.outputs();
        for (int row = 0; row < rows; row++) {
            correct += Evaluation.isCorrect(outputs, row, outputWidth, targets, data.targetWidth()) ? 1 : 0;
        }
        lossSum += batchLoss * rows;
        lastRows = rows;
        return batchLoss;
    }

    /** The number of batches of an epoch (the last one may be smaller). */
    int batches() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** The examples of an epoch. */
    int examples() {
        return data.size();
    }

    /** The examples in the last batch. */
    int lastRows() {
        return lastRows;
    }

    /** The epoch's mean loss so far, over all its examples. */
    double meanLoss() {
        return lossSum / data.size();
    }

    /** The fraction of the epoch's examples predicted right while training. */
    double accuracy() {
        return (double) correct / data.size();
    }
}
