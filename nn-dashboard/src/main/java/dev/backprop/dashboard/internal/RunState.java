package dev.backprop.dashboard.internal;

import dev.backprop.core.train.EpochReport;
import java.util.ArrayList;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything known about the run on show: what it is, where it stands, its batch points, epochs and
 * samples. A page that opens or reloads gets it whole ({@link Journal#history()}). Not thread-safe: the
 * {@link Journal} guards it.
 */
final class RunState {

    /** The most norm points kept per run (a sample every 2 s: over an hour). */
    private static final int MAX_NORM_POINTS = 2048;

    static final Views.Status WAITING = new Views.Status("waiting", "Waiting for training to start.");

    private final Views.RunInfo info;
    private final long startNanos;
    private final BatchSeries batches;
    private final ProgressMeter progress;
    private final SortedMap<Integer, Views.Epoch> epochs = new TreeMap<>();
    private final NormHistory norms = new NormHistory(MAX_NORM_POINTS);
    private Views.Sample latestSample;
    private Views.Status status;
    private Views.Evaluation evaluation;

    /**
     * @param info           what is shown, or null before any run
     * @param startNanos     {@link System#nanoTime()} at the start of training
     * @param maxBatchPoints the batch points kept
     * @param status         the state to begin in
     */
    RunState(Views.RunInfo info, long startNanos, int maxBatchPoints, Views.Status status) {
        this.info = info;
        this.startNanos = startNanos;
        this.batches = new BatchSeries(maxBatchPoints);
        this.progress = new ProgressMeter(startNanos, info == null || info.epochs() == null ? 0 : info.epochs());
        this.status = status;
    }

    boolean hasRun() {
        return info != null;
    }

    BatchSeries batches() {
        return batches;
    }

    void addBatch(Message.BatchDone batch) {
        batches.add(batch.x(), batch.loss());
        progress.add(batch);
    }

    Views.Progress progress() {
        return progress.progress();
    }

    /** Keeps {@code report} (replacing an earlier report of the same epoch) and returns its view. */
    Views.Epoch addEpoch(EpochReport report, long nanos) {
        Views.Epoch epoch = new Views.Epoch(report.epoch(), report.epochs(), report.loss(), report.accuracy(),
                report.validationLoss(), report.validationAccuracy(), report.learningRate(), report.seconds(),
                report.examples(), nanos == 0 ? null : (nanos - startNanos) / 1e9);
        epochs.put(report.epoch(), epoch);
        return epoch;
    }

    void addSample(Views.Sample sample) {
        norms.add(sample);
        latestSample = sample;
    }

    void status(Views.Status newStatus) {
        status = newStatus;
    }

    void evaluation(Views.Evaluation newEvaluation) {
        evaluation = newEvaluation;
    }

    /** The whole state, for a page that opens after {@code lastEventId}. */
    Views.History history(long lastEventId, long diagramVersion, long droppedBatches) {
        return new Views.History(lastEventId, info, status, batches.all(), progress.progress(),
                new ArrayList<>(epochs.values()), norms.points(), latestSample, evaluation, diagramVersion,
                droppedBatches);
    }
}
