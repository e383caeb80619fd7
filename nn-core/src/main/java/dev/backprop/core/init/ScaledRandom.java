package dev.backprop.core.init;

import java.util.random.RandomGenerator;

/** The two draws every variance-scaling initialiser needs. */
final class ScaledRandom {

    private ScaledRandom() {
    }

    /** Uniform on {@code (−limit, +limit)}. */
    static void uniform(float[] weights, double limit, RandomGenerator random) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
    }

    /** Normal with mean 0 and standard deviation {@code sigma}. */
    static void normal(float[] weights, double sigma, RandomGenerator random) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (random.nextGaussian() * sigma);
        }
    }
}
