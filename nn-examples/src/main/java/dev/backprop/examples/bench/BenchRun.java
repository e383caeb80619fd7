package dev.backprop.examples.bench;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.examples.inject.Trainers;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One benchmark run: a fresh network trained with the settings and a thread count, timed per epoch,
 * its test accuracy, peak heap, single-example inference latency and batch inference throughput measured.
 */
final class BenchRun {

    private final BenchSettings settings;
    private final Dataset train;
    private final Dataset test;
    private final PrintWriter err;
    private final PluginRegistry registry;
    private final Trainers trainers;

    /**
     * @param settings what to train
     * @param train    the training examples
     * @param test     the examples for accuracy and inference
     * @param err      where progress goes
     * @param registry resolves the activation ids
     * @param trainers gives the trainers, whose loss and optimizer come from the same registry
     */
    BenchRun(BenchSettings settings, Dataset train, Dataset test, PrintWriter err, PluginRegistry registry,
             Trainers trainers) {
        this.settings = settings;
        this.train = train;
        this.test = test;
        this.err = err;
        this.registry = registry;
        this.trainers = trainers;
    }

    /** Trains and measures with {@code threads} threads. */
    BenchResult run(int threads) {
        System.gc();
        HeapPeak.reset();
        Network network = settings.buildNetwork(registry);
        TrainingConfig config = TrainingConfig.builder()
                .loss(settings.loss(), settings.pluginSettings().loss())
                .optimizer(settings.optimizer(), settings.optimizerHyperparameters())
                .epochs(settings.epochs())
                .batchSize(settings.batch())
                .seed(settings.seed())
                .threads(threads)
                .build();
        EpochClock clock = new EpochClock();
        AccuracyProbe probe = new AccuracyProbe(network, test, settings.accuracyAfter());
        Trainer trainer = trainers.create(config, clock, probe, new BenchProgress(err));
        err.printf(Locale.ROOT, "run %s, threads=%d (TrainingConfig.threads), kernels=%s, %d training examples per"
                + " epoch%n", settings.name(), config.threads(), network.kernelsName(), train.size());
        err.flush();

        trainer.fit(network, train);
        double accuracy = probe.accuracy();
        InferenceLatency latency = new InferenceLatency();
        double inferMicros = latency.medianMicros(network, test);
        BatchInference batches = new BatchInference();
        double inferBatchPerSecond = batches.examplesPerSecond(network, test);
        BenchResult result = BenchResult.of(settings, threads, train.size(), clock.medianSeconds(), accuracy,
                HeapPeak.peakMegabytes(), inferMicros, inferBatchPerSecond);

        err.printf(Locale.ROOT, "  test accuracy after epoch %d: %.4f on %d examples%n", settings.accuracyAfter(),
                accuracy, test.size());
        err.printf(Locale.ROOT, "  sec_per_epoch %.4f = median of the timed epochs %s%n", result.secondsPerEpoch(),
                clock.timedSeconds().stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
        err.printf(Locale.ROOT, "  predict(1 example): median %.2f us over %d calls after %d warm-up calls"
                        + " (checksum %.3g)%n", inferMicros, InferenceLatency.TIMED_CALLS,
                InferenceLatency.WARM_UP_CALLS, latency.checksum());
        err.printf(Locale.ROOT, "  predict(%d examples at once): %.0f examples/s, median of %d passes after one"
                        + " (checksum %.3g)%n", Math.min(test.size(), BatchInference.EXAMPLES), inferBatchPerSecond,
                BatchInference.TIMED_PASSES, batches.checksum());
        err.flush();
        return result;
    }
}
