package dev.backprop.dashboard.internal;

/** Histograms and norms of float arrays, in double precision. */
public final class Histograms {

    private Histograms() {
    }

    /**
     * The histogram of {@code values} in {@code bins} equal bins from their smallest to their largest
     * finite value (one bin holds them all when they are all equal); NaN and infinities are counted apart.
     */
    public static Views.Histogram of(float[] values, int bins) {
        return of(new float[][] {values}, bins);
    }

    /** As {@link #of(float[], int)}, over every row of {@code rows}. */
    public static Views.Histogram of(float[][] rows, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long nonFinite = 0;
        for (float[] row : rows) {
            for (float value : row) {
                if (Float.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                } else {
                    nonFinite++;
                }
            }
        }
        long[] counts = new long[bins];
        if (min > max) {
            return new Views.Histogram(Double.NaN, Double.NaN, counts, nonFinite);
        }
        double width = (max - min) / bins;
        for (float[] row : rows) {
            for (float value : row) {
                if (Float.isFinite(value)) {
                    int bin = width == 0 ? bins / 2 : (int) ((value - min) / width);
                    counts[Math.min(bin, bins - 1)]++;
                }
            }
        }
        return new Views.Histogram(min, max, counts, nonFinite);
    }

    /** The L2 norm {@code sqrt(Σ v²)} of {@code values}. */
    public static double norm(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
    }
}
