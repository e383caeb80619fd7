package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The identity, id {@code identity}, for linear layers such as a regression output:
 * <pre>f(x) = x,    f'(x) = 1.</pre>
 *
 * <p>Both bulk methods are plain copies; when the arrays alias they copy a range onto itself,
 * which leaves it unchanged.
 *
 * <p>Immutable and thread-safe. Its default initialiser is Glorot uniform.
 */
public final class Identity implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("identity");

    /** The identity; it has no settings. */
    public Identity() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code f(x) = x}. */
    @Override
    public double value(double x) {
        return x;
    }

    /** {@code f'(x) = 1}. */
    @Override
    public double derivative(double x, double y) {
        return 1.0;
    }

    /** {@code out[i] = z[i]}. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        if (out != z && from < to) {
            System.arraycopy(z, from, out, from, to - from);
        }
    }

    /** {@code gradIn[i] = gradOut[i] · 1}. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        if (gradIn != gradOut && from < to) {
            System.arraycopy(gradOut, from, gradIn, from, to - from);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identity;
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
