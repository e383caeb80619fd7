package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

/** The three products in double precision by plain triple loops, and the tolerance a float kernel must meet. */
final class ProductReference {

    private ProductReference() {
    }

    /** {@code a[m×k]·b[k×n] + bias}. */
    static double[] multiplyAddBias(float[] a, float[] b, float[] bias, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = bias[j];
                for (int p = 0; p < k; p++) {
                    sum += (double) a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = sum;
            }
        }
        return c;
    }

    /** {@code start[k×n] + aᵀ·d} with {@code a} {@code m×k} and {@code d} {@code m×n}. */
    static double[] accumulateTransposedLeft(float[] a, float[] d, float[] start, int m, int k, int n) {
        double[] c = new double[k * n];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                double sum = start[p * n + j];
                for (int i = 0; i < m; i++) {
                    sum += (double) a[i * k + p] * d[i * n + j];
                }
                c[p * n + j] = sum;
            }
        }
        return c;
    }

    /** {@code d[m×n]·bᵀ} with {@code b} {@code k×n}. */
    static double[] multiplyTransposedRight(float[] d, float[] b, int m, int k, int n) {
        double[] c = new double[m * k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += (double) d[i * n + j] * b[p * n + j];
                }
                c[i * k + p] = sum;
            }
        }
        return c;
    }

    /** Asserts every element within a float rounding allowance for sums of {@code terms} products of values in [-1, 1]. */
    static void assertClose(double[] expected, float[] actual, int terms, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double tolerance = 1e-5 * (terms + 1);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, what + " at element " + i);
        }
    }

    /** Uniform values in [-1, 1), a fraction {@code zeros} of them exactly zero. */
    static float[] random(int size, double zeros, SplittableRandom random) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextDouble() < zeros ? 0f : (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}
