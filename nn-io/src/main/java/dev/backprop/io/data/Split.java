package dev.backprop.io.data;

import dev.backprop.api.InvalidConfigurationException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A deterministic train / validation / test split of row indices {@code 0 … size − 1}: the indices are
 * shuffled with {@code SplittableRandom(seed)} (Fisher–Yates), then the first {@code validation} of the
 * permutation go to validation, the next {@code test} to test and the rest to training. A part with a
 * fraction above 0 gets {@code round(size × fraction)} rows, at least 1; training must keep at least 1.
 * Immutable; the same size, fractions and seed always give the same split.
 */
public final class Split {

    private final int[] train;
    private final int[] validation;
    private final int[] test;

    private Split(int[] train, int[] validation, int[] test) {
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /** A train / validation split ({@link #test()} is empty). */
    public static Split shuffled(int size, double validationFraction, long seed) {
        return shuffled(size, validationFraction, 0, seed);
    }

    /**
     * A train / validation / test split.
     *
     * @param size               the number of rows, at least 1
     * @param validationFraction the share of rows for validation, in [0, 1)
     * @param testFraction       the share of rows for test, in [0, 1)
     * @throws InvalidConfigurationException if a fraction is out of range or training would be empty
     */
    public static Split shuffled(int size, double validationFraction, double testFraction, long seed) {
        if (size < 1) {
            throw new InvalidConfigurationException("Cannot split " + size + " rows: expected at least 1.");
        }
        int validationCount = count(size, validationFraction, "validationFraction");
        int testCount = count(size, testFraction, "testFraction");
        int trainCount = size - validationCount - testCount;
        if (trainCount < 1) {
            throw new InvalidConfigurationException("Splitting " + size + " rows with validationFraction="
                    + validationFraction + " and testFraction=" + testFraction + " leaves " + trainCount
                    + " rows for training: expected at least 1. Lower the fractions or use more data.");
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return new Split(Arrays.copyOfRange(order, validationCount + testCount, size),
                Arrays.copyOfRange(order, 0, validationCount),
                Arrays.copyOfRange(order, validationCount, validationCount + testCount));
    }

    private static int count(int size, double fraction, String name) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new InvalidConfigurationException(name + " must be at least 0 and below 1 but was " + fraction
                    + ": give the share of rows to hold out, such as 0.2.");
        }
        return fraction == 0 ? 0 : Math.max(1, (int) Math.round(size * fraction));
    }

    /** The training rows' indices (a copy). */
    public int[] train() {
        return train.clone();
    }

    /** The validation rows' indices (a copy); empty when the validation fraction was 0. */
    public int[] validation() {
        return validation.clone();
    }

    /** The test rows' indices (a copy); empty when the test fraction was 0. */
    public int[] test() {
        return test.clone();
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + ", validation=" + validation.length + ", test=" + test.length + "]";
    }
}
