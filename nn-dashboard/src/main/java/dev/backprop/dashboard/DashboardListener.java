package dev.backprop.dashboard;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.ConfusionMatrix;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.BatchReport;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.dashboard.internal.BatchChunk;
import dev.backprop.dashboard.internal.LayerSampler;
import dev.backprop.dashboard.internal.Message;
import dev.backprop.dashboard.internal.ProbeBatch;
import dev.backprop.dashboard.internal.RunDescriptions;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a training run on a {@link Dashboard}: add it to the trainer's listeners. On the training thread
 * it only notes each batch in an array, handing a few hundred at a time (or every half publish interval)
 * to a bounded, non-blocking queue (the server does the rest on its own thread),
 * and every {@link DashboardSettings#sampleInterval()} or so it measures each layer between two steps:
 * weight norms and histograms, and with a {@linkplain Builder#probe probe batch} the gradient norms and
 * activation histograms, from one extra forward and backward pass on a few fixed training examples that
 * changes nothing in training. Between measurements it waits at least 200 times what a measurement costs
 * once warm (the cheapest of the run so far, the first excluded: it builds the probe), so measuring
 * costs about 0.5% of training time at most, whatever the network.
 *
 * <p>{@link #stopRequested()} is true once the page's Stop button was pressed in this run, whenever the
 * trainer asks. At the end of training it shows the final measurement, the confusion matrix on the
 * {@linkplain Builder#evaluateOn evaluation data} if any, and whether the run finished or was stopped.
 * One listener watches one run at a time, on one training thread.
 */
public final class DashboardListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardListener.class);
    /** A measurement waits at least this many times its own cost before the next: under 0.5% of the time. */
    private static final long COST_FACTOR = 200;
    /** Batch reports handed to the server at once, at most. */
    private static final int CHUNK = 256;

    private final Dashboard dashboard;
    private final Network network;
    private final ProbeBatch probe;
    private final LayerSampler sampler;
    private final Dataset evaluationData;
    private final List<String> classNames;
    private final long sampleIntervalNanos;
    private final long flushNanos;

    // State of the run, read and written on the training thread only.
    private final BitSet shownEpochs = new BitSet();
    private TrainingConfig config;
    private long startNanos;
    private long nextSampleNanos;
    private int rateEpoch;
    private double rate = Double.NaN;
    private double position;
    private boolean sampling;
    private int samples;
    private long cheapestSampleNanos;
    private BatchChunk chunk;
    private long chunkStartNanos;
    private BatchReport lastBatch;

    private DashboardListener(Builder builder) {
        this.dashboard = builder.dashboard;
        this.network = builder.network;
        DashboardSettings settings = dashboard.settings();
        this.probe = builder.probeData == null ? null
                : new ProbeBatch(network, builder.probeData, builder.probeLoss, settings.probeRows());
        this.sampler = new LayerSampler(network, probe, settings.histogramBins());
        this.evaluationData = builder.evaluationData;
        this.classNames = builder.classNames;
        this.sampleIntervalNanos = settings.sampleInterval().toNanos();
        this.flushNanos = settings.publishInterval().toNanos() / 2;
    }

    /** A builder of a listener that shows the training of {@code network} on {@code dashboard}. */
    public static Builder builder(Dashboard dashboard, Network network) {
        return new Builder(dashboard, network);
    }

    @Override
    public void onTrainingStart(TrainingConfig trainingConfig, int examples) {
        config = trainingConfig;
        startNanos = System.nanoTime();
        nextSampleNanos = startNanos;
        shownEpochs.clear();
        chunk = null;
        lastBatch = null;
        rateEpoch = 0;
        position = 0;
        sampling = true;
        samples = 0;
        cheapestSampleNanos = Long.MAX_VALUE / COST_FACTOR;
        dashboard.beginRun(new Message.RunStarted(RunDescriptions.training(network, trainingConfig, examples),
                startNanos));
    }

    @Override
    public void onBatchEnd(BatchReport report) {
        long now = System.nanoTime();
        lastBatch = report;
        if (report.epoch() != rateEpoch) {
            rateEpoch = report.epoch();
            rate = scheduledRate(report.epoch());
        }
        if (chunk == null) {
            chunk = new BatchChunk(CHUNK);
            chunkStartNanos = now;
        }
        boolean full = chunk.add(report.epoch(), report.batch(), report.batches(), report.rows(), report.loss(), rate,
                now);
        if (full || now - chunkStartNanos >= flushNanos) {
            flushBatches();
        }
        if (now >= nextSampleNanos && sampling) {
            position = report.epoch() - 1 + (double) report.batch() / report.batches();
            sample(now);
        }
    }

    @Override
    public void onEpochEnd(EpochReport report) {
        flushBatches();
        shownEpochs.set(report.epoch());
        position = report.epoch();
        dashboard.post(new Message.EpochDone(report, System.nanoTime()));
    }

    /** Shows the epochs of a resumed run that came before this listener saw any. */
    @Override
    public void onCheckpoint(Network trained, TrainingConfig trainingConfig, TrainingCheckpoint checkpoint,
                             boolean last) {
        for (EpochReport report : checkpoint.history()) {
            if (!shownEpochs.get(report.epoch())) {
                shownEpochs.set(report.epoch());
                dashboard.post(new Message.EpochDone(report, 0));
            }
        }
    }

    @Override
    public void onTrainingEnd(TrainingHistory history) {
        flushBatches();
        if (sampling) {
            sample(System.nanoTime());
        }
        if (probe != null) {
            probe.close();
        }
        if (evaluationData != null) {
            evaluate();
        }
        int done = history.epochs().size();
        int planned = config == null ? done : config.epochs();
        if (dashboard.stopRequested()) {
            boolean midEpoch = lastBatch != null && lastBatch.epoch() > done && lastBatch.batch() < lastBatch.batches();
            dashboard.post(new Message.StatusChanged("stopped", "Stopped from the dashboard "
                    + (midEpoch ? "in epoch " + lastBatch.epoch() + " (batch " + lastBatch.batch() + " of "
                    + lastBatch.batches() + "), after " + done + " complete epochs of " + planned + "."
                    : "after " + done + " of " + planned + " epochs.")));
        } else {
            dashboard.post(new Message.StatusChanged("finished", done < planned
                    ? "Training ended early, after " + done + " of " + planned + " epochs."
                    : "Finished " + done + " epochs."));
        }
    }

    /** True once the page's Stop button was pressed in this run. */
    @Override
    public boolean stopRequested() {
        return dashboard.stopRequested();
    }

    /** Hands the batches recorded so far to the server. */
    private void flushBatches() {
        if (chunk != null) {
            dashboard.offerBatches(chunk);
            chunk = null;
        }
    }

    /**
     * Measures the layers now; then waits the sample interval, or 200 times the cheapest measurement of the
     * run so far (the first excluded: it builds the probe) if longer. A measurement that fails stops the sampling of this run (logged once), never the training.
     */
    private void sample(long now) {
        flushBatches();
        try {
            dashboard.post(new Message.Sampled(sampler.sample(position, (now - startNanos) / 1e9)));
        } catch (RuntimeException failure) {
            sampling = false;
            LOG.warn("The dashboard could not measure the layers ({}); it shows no more histograms or norms for this"
                    + " run, and training goes on.", failure.toString(), failure);
        }
        long cost = System.nanoTime() - now;
        // The first measurements of a run also build the probe and wait for the JIT: the cheapest one so far is
        // what a measurement costs once warm.
        if (++samples > 1) {
            cheapestSampleNanos = Math.min(cheapestSampleNanos, cost);
        }
        nextSampleNanos = now + Math.max(sampleIntervalNanos,
                samples == 1 ? 0 : COST_FACTOR * cheapestSampleNanos);
    }

    private void evaluate() {
        try {
            dashboard.showEvaluation(ConfusionMatrix.of(network, evaluationData), classNames);
        } catch (RuntimeException failure) {
            LOG.warn("The dashboard could not build the confusion matrix ({}); the rest of the run is shown.",
                    failure.toString(), failure);
        }
    }

    /** The learning rate the trainer uses in {@code epoch}, from the configuration and its schedule. */
    private double scheduledRate(int epoch) {
        if (config == null) {
            return Double.NaN;
        }
        double initial = config.optimizerHyperparameters().get(Optimizer.LEARNING_RATE, Double.NaN);
        try {
            return config.schedule().rate(epoch, config.epochs(), initial);
        } catch (RuntimeException unknown) {
            return Double.NaN;
        }
    }

    /** Builds a {@link DashboardListener}. Not thread-safe. */
    public static final class Builder {
        private final Dashboard dashboard;
        private final Network network;
        private Dataset probeData;
        private Loss probeLoss;
        private Dataset evaluationData;
        private List<String> classNames = List.of();

        private Builder(Dashboard dashboard, Network network) {
            this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
            this.network = Objects.requireNonNull(network, "network");
        }

        /**
         * Measures gradient norms and activation histograms too, on {@link DashboardSettings#probeRows()}
         * examples spread evenly over {@code data} (the training data), with the run's {@code loss} (the
         * trainer's {@code loss()}, or {@code registry.loss(config.loss(), config.lossHyperparameters())}).
         */
        public Builder probe(Dataset data, Loss loss) {
            this.probeData = Objects.requireNonNull(data, "probe data");
            this.probeLoss = Objects.requireNonNull(loss, "probe loss");
            return this;
        }

        /**
         * At the end of training, shows the confusion matrix of the network on {@code data} (held-out data),
         * with one name per class ({@code 0}, {@code 1}, ... when {@code names} is empty).
         */
        public Builder evaluateOn(Dataset data, List<String> names) {
            this.evaluationData = Objects.requireNonNull(data, "evaluation data");
            this.classNames = List.copyOf(names);
            return this;
        }

        /**
         * The listener.
         *
         * @throws InvalidConfigurationException if the probe data does not fit the network and loss, or the
         *                                       class names are not one per class
         */
        public DashboardListener build() {
            int classes = network.outputWidth() == 1 ? 2 : network.outputWidth();
            if (!classNames.isEmpty() && classNames.size() != classes) {
                throw new InvalidConfigurationException("The dashboard needs one name per class: the network's "
                        + network.outputWidth() + " outputs give " + classes + " classes but " + classNames.size()
                        + " names were given. Give " + classes + " names, or none to number the classes.");
            }
            return new DashboardListener(this);
        }
    }
}
