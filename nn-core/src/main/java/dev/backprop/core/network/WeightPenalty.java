package dev.backprop.core.network;

import dev.backprop.api.InvalidConfigurationException;

/**
 * L1 and L2 penalties on a layer's weights (not its biases), added to the loss being minimised:
 * {@code P = l1·Σ|w| + l2·Σw²}, whose gradient is {@code l1·sign(w) + 2·l2·w} (the Keras convention).
 * Decoupled weight decay is the {@code adamw} optimizer's job instead.
 *
 * @param l1 the L1 factor, finite and at least 0
 * @param l2 the L2 factor, finite and at least 0
 */
public record WeightPenalty(double l1, double l2) {

    private static final WeightPenalty NONE = new WeightPenalty(0, 0);

    /** Validates both factors. */
    public WeightPenalty {
        if (!(l1 >= 0 && Double.isFinite(l1)) || !(l2 >= 0 && Double.isFinite(l2))) {
            throw new InvalidConfigurationException("Weight penalties must be finite and at least 0, found l1=" + l1
                    + " and l2=" + l2 + ": for example withWeightPenalty(0, 1e-4) for a small L2 penalty.");
        }
    }

    /** No penalty. */
    public static WeightPenalty none() {
        return NONE;
    }

    /** True when both factors are zero. */
    public boolean isNone() {
        return l1 == 0 && l2 == 0;
    }

    /** {@code l1·Σ|w| + l2·Σw²}, summed in double. */
    double value(float[] weights) {
        double absolute = 0;
        double squares = 0;
        for (float w : weights) {
            absolute += Math.abs(w);
            squares += (double) w * w;
        }
        return l1 * absolute + l2 * squares;
    }

    /** {@code gradient[i] += l1·sign(w[i]) + 2·l2·w[i]} for {@code from <= i < to}. */
    void addGradient(float[] weights, float[] gradient, int from, int to) {
        float a = (float) l1;
        float b = (float) (2 * l2);
        for (int i = from; i < to; i++) {
            gradient[i] += a * Math.signum(weights[i]) + b * weights[i];
        }
    }
}
