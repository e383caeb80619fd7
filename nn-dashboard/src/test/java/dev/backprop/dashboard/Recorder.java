package dev.backprop.dashboard;

import dev.backprop.core.network.Network;
import dev.backprop.core.train.BatchReport;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the trainer reported, for comparison with what the dashboard shows. Thread-safe. */
final class Recorder implements TrainingListener {

    private final List<Double> batchLosses = new ArrayList<>();
    private final List<EpochReport> epochs = new ArrayList<>();
    private TrainingCheckpoint lastCheckpoint;
    private BatchReport lastBatch;

    @Override
    public synchronized void onBatchEnd(BatchReport report) {
        batchLosses.add(report.loss());
        lastBatch = report;
    }

    @Override
    public synchronized void onEpochEnd(EpochReport report) {
        epochs.add(report);
    }

    @Override
    public synchronized void onCheckpoint(Network network, TrainingConfig config, TrainingCheckpoint checkpoint,
                                          boolean last) {
        lastCheckpoint = checkpoint.copy();
    }

    synchronized List<Double> batchLosses() {
        return List.copyOf(batchLosses);
    }

    synchronized List<EpochReport> epochs() {
        return List.copyOf(epochs);
    }

    synchronized BatchReport lastBatch() {
        return lastBatch;
    }

    synchronized TrainingCheckpoint lastCheckpoint() {
        return lastCheckpoint;
    }
}
