package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;

/**
 * ReLU capped at 6 (Krizhevsky, 2010; used by MobileNet), id {@code relu6}:
 * <pre>f(x) = min(max(0, x), 6),    f'(x) = 1 if 0 &lt; x &lt; 6, else 0.</pre>
 *
 * <p>The derivative does not exist at the kinks {@code x = 0} and {@code x = 6}; 0 is used there,
 * matching {@link Relu} at 0 and PyTorch at both. Clamping is exact, so the float loops equal the
 * scalar {@link #value} bit for bit. NaN in gives NaN out in the forward pass ({@code max} and
 * {@code min} propagate it); the backward pass treats NaN as outside {@code (0, 6)} and gives 0.
 *
 * <p>Immutable and thread-safe. Its default initialiser is He normal, as for the ReLU family.
 */
public final class Relu6 implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("relu6");

    private static final int SIX_BITS = Float.floatToRawIntBits(6f);

    /** ReLU6; it has no settings. */
    public Relu6() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code min(max(0, x), 6)}. */
    @Override
    public double value(double x) {
        return Math.min(Math.max(0.0, x), 6.0);
    }

    /** 1 for {@code 0 < x < 6}, else 0 (including the kinks at 0 and 6). */
    @Override
    public double derivative(double x, double y) {
        return x > 0.0 && x < 6.0 ? 1.0 : 0.0;
    }

    /** He normal, suited to the ReLU family. */
    @Override
    public PluginId defaultInitializer() {
        return Activation.HE_NORMAL;
    }

    /** {@code out[i] = min(max(0, z[i]), 6)}. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.min(Math.max(0f, z[i]), 6f);
        }
    }

    /**
     * {@code gradIn[i] = gradOut[i]} where {@code 0 < z[i] < 6}, else 0. Computed without a branch, as
     * {@link Relu#backward} is: {@code 0 < z < 6} exactly when the bits of {@code z}, as an int, lie in
     * {@code [1, bits(6))} (positive floats order as their bits do; NaN and negatives fall outside).
     */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            int above = Float.floatToRawIntBits(z[i]) - 1;
            int keep = ~((above | (SIX_BITS - 2 - above)) >> 31);
            gradIn[i] = Float.intBitsToFloat(Float.floatToRawIntBits(gradOut[i]) & keep);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relu6;
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
