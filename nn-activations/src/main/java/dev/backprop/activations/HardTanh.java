package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The hard hyperbolic tangent, a piecewise-linear tanh, id {@code hard_tanh}:
 * <pre>f(x) = clamp(x, −1, 1) = max(−1, min(1, x)),    f'(x) = 1 if −1 &lt; x &lt; 1, else 0.</pre>
 *
 * <p>The derivative does not exist at the kinks {@code x = ±1}; 0 is used there, as PyTorch does.
 * Clamping is exact, so the float loops equal the scalar {@link #value} bit for bit. NaN in gives
 * NaN out in the forward pass ({@code max} and {@code min} propagate it); the backward pass treats
 * NaN as outside {@code (−1, 1)} and gives 0, as {@link Relu} does.
 *
 * <p>Immutable and thread-safe. Its default initialiser is Glorot uniform, as for tanh.
 */
public final class HardTanh implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("hard_tanh");

    private static final int MAGNITUDE_BITS = 0x7fffffff;
    private static final int ONE_BITS = Float.floatToRawIntBits(1f);

    /** The hard tanh; it has no settings. */
    public HardTanh() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code max(−1, min(1, x))}. */
    @Override
    public double value(double x) {
        return Math.max(-1.0, Math.min(1.0, x));
    }

    /** 1 for {@code −1 < x < 1}, else 0 (including the kinks at ±1). */
    @Override
    public double derivative(double x, double y) {
        return x > -1.0 && x < 1.0 ? 1.0 : 0.0;
    }

    /** {@code out[i] = max(−1, min(1, z[i]))}. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.max(-1f, Math.min(1f, z[i]));
        }
    }

    /**
     * {@code gradIn[i] = gradOut[i]} where {@code −1 < z[i] < 1}, else 0. Computed without a branch, as
     * {@link Relu#backward} is: {@code |z| < 1} exactly when the bits of {@code z} without its sign, as
     * an int, are below {@code bits(1)} (NaN's are above).
     */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            int keep = ((Float.floatToRawIntBits(z[i]) & MAGNITUDE_BITS) - ONE_BITS) >> 31;
            gradIn[i] = Float.intBitsToFloat(Float.floatToRawIntBits(gradOut[i]) & keep);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HardTanh;
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
