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

    /** {@code gradIn[i] = gradOut[i]} where {@code −1 < z[i] < 1}, else 0. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            float x = z[i];
            gradIn[i] = x > -1f && x < 1f ? gradOut[i] : 0f;
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
