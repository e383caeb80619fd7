package dev.backprop.examples.bench;

import java.util.Locale;

/**
 * One line of the benchmark table.
 *
 * @param config           C1, C2, C3 or custom
 * @param threads          the trainer's thread count
 * @param secondsPerEpoch  the median time of the timed epochs
 * @param samplesPerSecond training examples per epoch divided by {@code secondsPerEpoch}
 * @param gigaflops        6 × weights × samples per second / 1e9, the peers' convention
 * @param testAccuracy     the test accuracy after the accuracy epoch
 * @param peakHeapMegabytes the peak used heap of the run, in MiB
 * @param inferMicros      the median latency of predicting one example, in µs
 * @param inferBatchPerSecond examples per second predicted in batches ({@link BatchInference})
 */
record BenchResult(String config, int threads, double secondsPerEpoch, double samplesPerSecond, double gigaflops,
                   double testAccuracy, double peakHeapMegabytes, double inferMicros, double inferBatchPerSecond) {

    /** The table's header line. */
    static final String HEADER = String.join("\t", "config", "threads", "sec_per_epoch", "samples_per_s", "gflops",
            "test_acc", "peak_heap_mb", "infer_us", "infer_batch_per_s");

    /** Floating-point operations per weight and example in one training step (forward 2, backward 4). */
    static final double FLOPS_PER_WEIGHT = 6;

    /** The result of a run that trained {@code examples} per epoch in {@code secondsPerEpoch}. */
    static BenchResult of(BenchSettings settings, int threads, int examples, double secondsPerEpoch,
                          double testAccuracy, double peakHeapMegabytes, double inferMicros,
                          double inferBatchPerSecond) {
        double samplesPerSecond = examples / secondsPerEpoch;
        double gigaflops = FLOPS_PER_WEIGHT * settings.weightCount() * samplesPerSecond / 1e9;
        return new BenchResult(settings.name(), threads, secondsPerEpoch, samplesPerSecond, gigaflops, testAccuracy,
                peakHeapMegabytes, inferMicros, inferBatchPerSecond);
    }

    /** This result as a tab-separated line in {@link #HEADER}'s order. */
    String tsvLine() {
        return String.format(Locale.ROOT, "%s\t%d\t%.4f\t%.1f\t%.3f\t%.4f\t%.0f\t%.2f\t%.0f", config, threads,
                secondsPerEpoch, samplesPerSecond, gigaflops, testAccuracy, peakHeapMegabytes, inferMicros,
                inferBatchPerSecond);
    }
}
