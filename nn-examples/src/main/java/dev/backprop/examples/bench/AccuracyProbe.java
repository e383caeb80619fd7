package dev.backprop.examples.bench;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingListener;

/**
 * Measures the test accuracy once, after a given epoch, between epochs (so outside the epoch's time).
 */
final class AccuracyProbe implements TrainingListener {

    private final Network network;
    private final Dataset test;
    private final int afterEpoch;
    private double accuracy = Double.NaN;

    /**
     * @param network    the network being trained
     * @param test       the examples to classify
     * @param afterEpoch the epoch after which to measure, from 1
     */
    AccuracyProbe(Network network, Dataset test, int afterEpoch) {
        this.network = network;
        this.test = test;
        this.afterEpoch = afterEpoch;
    }

    @Override
    public void onEpochEnd(EpochReport report) {
        if (report.epoch() == afterEpoch) {
            accuracy = Evaluation.accuracy(network, test);
        }
    }

    /** The accuracy in [0, 1]; NaN before the epoch has finished. */
    double accuracy() {
        return accuracy;
    }
}
