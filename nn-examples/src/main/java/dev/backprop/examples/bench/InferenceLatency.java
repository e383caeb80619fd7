package dev.backprop.examples.bench;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;

/**
 * The latency of {@link Network#predict(float[])} on one example, as the peers measured it: warm-up
 * calls, then {@code System.nanoTime} around each timed call, cycling through the test examples; the
 * median, in microseconds. One instance measures one network at a time.
 */
final class InferenceLatency {

    /** Untimed calls first, so the JIT has compiled the path. */
    static final int WARM_UP_CALLS = 2000;
    /** Timed calls. */
    static final int TIMED_CALLS = 10_000;

    /** The sum of every first output: a use of each result, so the JIT cannot drop a call. */
    private double checksum;

    /** The median microseconds of one {@code predict} call on the examples of {@code test}. */
    double medianMicros(Network network, Dataset test) {
        float[][] inputs = new float[Math.min(test.size(), TIMED_CALLS)][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = test.features(i);
        }
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            checksum += network.predict(inputs[i % inputs.length])[0];
        }
        long[] nanos = new long[TIMED_CALLS];
        for (int i = 0; i < TIMED_CALLS; i++) {
            float[] input = inputs[i % inputs.length];
            long start = System.nanoTime();
            float[] output = network.predict(input);
            nanos[i] = System.nanoTime() - start;
            checksum += output[0];
        }
        return Median.of(nanos) / 1000.0;
    }

    /** The sum of the first output of every call so far. */
    double checksum() {
        return checksum;
    }
}
