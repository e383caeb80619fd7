package dev.backprop.examples.bench;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;

/**
 * The throughput of batch inference: {@link Network#predict(float[], int, float[])} over the first
 * {@value #EXAMPLES} test examples at once (the network cuts them into its prediction chunks), after one
 * untimed pass; the median of {@value #TIMED_PASSES} timed passes, in examples per second.
 */
final class BatchInference {

    /** Examples predicted per pass (or the whole test set when it is smaller). */
    static final int EXAMPLES = 2048;
    /** Timed passes. */
    static final int TIMED_PASSES = 5;

    /** The sum of every first output: a use of each result, so the JIT cannot drop a pass. */
    private double checksum;

    /** Examples per second predicted by {@code network} in batches of the first examples of {@code test}. */
    double examplesPerSecond(Network network, Dataset test) {
        int rows = Math.min(test.size(), EXAMPLES);
        int width = network.inputWidth();
        float[] inputs = new float[rows * width];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(test.features(i), 0, inputs, i * width, width);
        }
        float[] outputs = new float[rows * network.outputWidth()];
        network.predict(inputs, rows, outputs);
        checksum += outputs[0];
        long[] nanos = new long[TIMED_PASSES];
        for (int pass = 0; pass < TIMED_PASSES; pass++) {
            long start = System.nanoTime();
            network.predict(inputs, rows, outputs);
            nanos[pass] = System.nanoTime() - start;
            checksum += outputs[0];
        }
        return rows / (Median.of(nanos) / 1e9);
    }

    /** The sum of the first output of every pass so far. */
    double checksum() {
        return checksum;
    }
}
