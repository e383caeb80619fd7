package dev.backprop.examples.bench;

import java.util.Arrays;

/** The median of a sample: the middle value, or the mean of the two middle values. */
final class Median {

    private Median() {
    }

    /** The median of {@code values} (not changed); NaN when there are none. */
    static double of(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The median of {@code values} (not changed); NaN when there are none. */
    static double of(long[] values) {
        return of(Arrays.stream(values).asDoubleStream().toArray());
    }
}
