package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The hard sigmoid, a piecewise-linear approximation of the sigmoid, id {@code hard_sigmoid}, as
 * defined by PyTorch ({@code Hardsigmoid}) and Keras 3:
 * <pre>f(x) = relu6(x + 3) / 6 = 0 if x ≤ −3,  x/6 + ½ if −3 &lt; x &lt; 3,  1 if x ≥ 3,
 * f'(x) = 1/6 if −3 &lt; x &lt; 3, else 0.</pre>
 * (Keras 2 used the steeper {@code 0.2·x + 0.5} on {@code [−2.5, 2.5]}; this is not that function.)
 *
 * <p>The derivative does not exist at the kinks {@code x = ±3}; 0 is used there, as PyTorch does.
 * The value is evaluated as {@code min(max(x + 3, 0), 6) / 6} in double: {@code x + 3} is exact for
 * every float {@code x} near the lower kink, so results close to 0 keep full relative precision
 * (the form {@code x/6 + ½} would cancel there). NaN in gives NaN out in the forward pass
 * ({@code max} and {@code min} propagate it); the backward pass treats NaN as outside
 * {@code (−3, 3)} and gives 0, as {@link Relu} does.
 *
 * <p>Both bulk loops evaluate the same double expressions as {@link #value} and {@link #derivative}
 * and round once to float. Immutable and thread-safe. Its default initialiser is Glorot uniform,
 * as for the sigmoid.
 */
public final class HardSigmoid implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("hard_sigmoid");

    private static final double ONE_SIXTH = 1.0 / 6.0;

    /** The hard sigmoid; it has no settings. */
    public HardSigmoid() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code min(max(x + 3, 0), 6) / 6}. */
    @Override
    public double value(double x) {
        return Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0;
    }

    /** 1/6 for {@code −3 < x < 3}, else 0 (including the kinks at ±3). */
    @Override
    public double derivative(double x, double y) {
        return x > -3.0 && x < 3.0 ? ONE_SIXTH : 0.0;
    }

    /** {@code out[i] = min(max(z[i] + 3, 0), 6) / 6}, computed in double and rounded once to float. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (float) (Math.min(Math.max(z[i] + 3.0, 0.0), 6.0) / 6.0);
        }
    }

    /** {@code gradIn[i] = gradOut[i] / 6} where {@code −3 < z[i] < 3}, else 0. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            float x = z[i];
            gradIn[i] = x > -3f && x < 3f ? (float) (gradOut[i] * ONE_SIXTH) : 0f;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HardSigmoid;
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
