package dev.backprop.io.data;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.ShapeMismatchException;
import java.util.Objects;

/**
 * Per-column feature scaling {@code x' = (x − center) / spread}, fitted on the training split only and
 * then applied unchanged to validation and test data, so no statistics leak from held-out rows. For
 * {@link Scaling#STANDARDIZE} the center is the mean and the spread the population standard deviation;
 * for {@link Scaling#MIN_MAX} they are the minimum and {@code max − min}; for {@link Scaling#NONE} 0 and
 * 1. A column whose spread is 0 (constant in training) maps to 0. The fitted {@link #centers()} and
 * {@link #spreads()} can be saved and restored with {@link #of}. Immutable and thread-safe.
 */
public final class Scaler {

    private final Scaling scaling;
    private final float[] centers;
    private final float[] spreads;

    private Scaler(Scaling scaling, float[] centers, float[] spreads) {
        this.scaling = scaling;
        this.centers = centers;
        this.spreads = spreads;
    }

    /**
     * Fits a scaler to training features.
     *
     * @param features {@code rows × width} values, row-major, at least one row
     * @param width    the number of feature columns, at least 1
     */
    public static Scaler fit(Scaling scaling, float[] features, int width) {
        Objects.requireNonNull(scaling, "scaling");
        if (width < 1 || features.length == 0 || features.length % width != 0) {
            throw new ShapeMismatchException("Cannot fit a scaler to " + features.length + " values with width "
                    + width + ": give at least one whole row of features.", width, features.length);
        }
        int rows = features.length / width;
        float[] centers = new float[width];
        float[] spreads = new float[width];
        for (int c = 0; c < width; c++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                double x = features[r * width + c];
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            double mean = sum / rows;
            switch (scaling) {
                case NONE -> {
                    centers[c] = 0;
                    spreads[c] = 1;
                }
                case MIN_MAX -> {
                    centers[c] = (float) min;
                    spreads[c] = (float) (max - min);
                }
                case STANDARDIZE -> {
                    double squares = 0;
                    for (int r = 0; r < rows; r++) {
                        double d = features[r * width + c] - mean;
                        squares += d * d;
                    }
                    centers[c] = (float) mean;
                    spreads[c] = max == min ? 0 : (float) Math.sqrt(squares / rows);
                }
            }
        }
        return new Scaler(scaling, centers, spreads);
    }

    /**
     * A scaler from saved statistics.
     *
     * @param centers one finite value per column
     * @param spreads one finite, non-negative value per column
     */
    public static Scaler of(Scaling scaling, float[] centers, float[] spreads) {
        Objects.requireNonNull(scaling, "scaling");
        if (centers.length == 0 || centers.length != spreads.length) {
            throw new ShapeMismatchException("Expected as many spreads as centers (at least 1), found "
                    + centers.length + " centers and " + spreads.length + " spreads.", centers.length,
                    spreads.length);
        }
        for (int c = 0; c < centers.length; c++) {
            if (!Float.isFinite(centers[c]) || !Float.isFinite(spreads[c]) || spreads[c] < 0) {
                throw new InvalidConfigurationException("Column " + c + " has center " + centers[c] + " and spread "
                        + spreads[c] + ": expected a finite center and a finite spread of at least 0.");
            }
        }
        return new Scaler(scaling, centers.clone(), spreads.clone());
    }

    /** The kind of scaling. */
    public Scaling scaling() {
        return scaling;
    }

    /** The number of feature columns. */
    public int width() {
        return centers.length;
    }

    /** Per column: the mean (standardize), minimum (min-max) or 0 (none); a copy. */
    public float[] centers() {
        return centers.clone();
    }

    /** Per column: the standard deviation (standardize), {@code max − min} (min-max) or 1 (none); a copy. */
    public float[] spreads() {
        return spreads.clone();
    }

    /** Scaled copies of {@code features} ({@code rows × width}, row-major). */
    public float[] transform(float[] features) {
        float[] result = features.clone();
        transformInPlace(result);
        return result;
    }

    /** Scales {@code features} ({@code rows × width}, row-major) in place. */
    public void transformInPlace(float[] features) {
        int width = centers.length;
        if (features.length % width != 0) {
            throw new ShapeMismatchException("Cannot scale " + features.length + " values: this scaler was fitted"
                    + " to " + width + " columns, so give whole rows of " + width + ".", width,
                    features.length % width);
        }
        for (int i = 0; i < features.length; i++) {
            int c = i % width;
            features[i] = spreads[c] == 0 ? 0f : (float) ((features[i] - (double) centers[c]) / spreads[c]);
        }
    }
}
