package dev.backprop.benchmarks;

import java.util.SplittableRandom;

/** Random benchmark operands. */
final class Operands {

    private Operands() {
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
