package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The hyperbolic tangent, id {@code tanh}:
 * <pre>tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)),    tanh'(x) = 1 − tanh²(x) = 1 − y².</pre>
 *
 * <p>The derivative is evaluated as {@code (1 − y)(1 + y)}, which equals {@code 1 − y²} but does not
 * lose precision to cancellation when {@code |y|} is close to 1 (the saturated region). NaN in gives
 * NaN out.
 *
 * <p>Immutable and thread-safe. Its default initialiser is Glorot uniform.
 */
public final class Tanh implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("tanh");

    /** The hyperbolic tangent; it has no settings. */
    public Tanh() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code tanh(x)}. */
    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    /** {@code tanh'(x) = 1 − y² = (1 − y)(1 + y)} with {@code y = tanh(x)}. */
    @Override
    public double derivative(double x, double y) {
        return (1.0 - y) * (1.0 + y);
    }

    /** {@code out[i] = tanh(z[i])}, computed in double and rounded once to float. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (float) Math.tanh(z[i]);
        }
    }

    /** {@code gradIn[i] = gradOut[i] · (1 − a[i])(1 + a[i])}, reusing the forward output {@code a}. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            float y = a[i];
            gradIn[i] = gradOut[i] * ((1f - y) * (1f + y));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tanh;
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
