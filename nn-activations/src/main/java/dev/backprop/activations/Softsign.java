package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * Softsign, a tanh-like function that saturates polynomially rather than exponentially, id
 * {@code softsign}:
 * <pre>f(x) = x / (1 + |x|),    f'(x) = 1 / (1 + |x|)².</pre>
 *
 * <p>Nothing overflows for finite input: {@code (1 + |x|)²} of the largest float is about 1.2e77,
 * inside double range. NaN in gives NaN out in both passes; {@code ±∞} gives NaN
 * ({@code ∞/∞}), not ±1.
 *
 * <p>Both bulk loops evaluate the same double expressions as {@link #value} and {@link #derivative}
 * and round once to float. Immutable and thread-safe. Its default initialiser is Glorot uniform,
 * as for tanh.
 */
public final class Softsign implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("softsign");

    /** Softsign; it has no settings. */
    public Softsign() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code x / (1 + |x|)}. */
    @Override
    public double value(double x) {
        return x / (1.0 + Math.abs(x));
    }

    /** {@code 1 / (1 + |x|)²}; {@code y} is not needed. */
    @Override
    public double derivative(double x, double y) {
        double d = 1.0 + Math.abs(x);
        return 1.0 / (d * d);
    }

    /** {@code out[i] = z[i] / (1 + |z[i]|)}, computed in double and rounded once to float. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = z[i];
            out[i] = (float) (x / (1.0 + Math.abs(x)));
        }
    }

    /** {@code gradIn[i] = gradOut[i] / (1 + |z[i]|)²}, computed in double and rounded once to float. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            double d = 1.0 + Math.abs(z[i]);
            gradIn[i] = (float) (gradOut[i] * (1.0 / (d * d)));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Softsign;
    }

    @Override
    public int hashCode() {
        return ID.hashCode();
    }

    @Override
    public String toString() {
        return ID.value();
    }
}
