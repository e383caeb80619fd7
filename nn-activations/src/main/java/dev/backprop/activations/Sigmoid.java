package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The logistic sigmoid, id {@code sigmoid}:
 * <pre>σ(x) = 1 / (1 + e^(−x)),    σ'(x) = σ(x) · (1 − σ(x)) = y(1 − y).</pre>
 *
 * <p><b>Stability.</b> {@code e^(−x)} overflows for large negative {@code x}, so both forms use
 * {@code e = e^(−|x|)}, which lies in {@code (0, 1]}:
 * <pre>σ(x) = 1 / (1 + e)    for x ≥ 0,
 * σ(x) = e / (1 + e)    for x &lt; 0.</pre>
 * The second form equals {@code 1 − 1/(1 + e)} but keeps full relative precision for tiny results
 * instead of cancelling. Neither form overflows, and NaN in gives NaN out.
 *
 * <p>Immutable and thread-safe. Its default initialiser is Glorot uniform.
 */
public final class Sigmoid implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("sigmoid");

    /** The sigmoid; it has no settings. */
    public Sigmoid() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code σ(x)}, computed without overflow for any {@code x}. */
    @Override
    public double value(double x) {
        double e = Math.exp(-Math.abs(x));
        double s = 1.0 / (1.0 + e);
        return x >= 0 ? s : e * s;
    }

    /** {@code σ'(x) = y(1 − y)} with {@code y = σ(x)}. */
    @Override
    public double derivative(double x, double y) {
        return y * (1.0 - y);
    }

    /**
     * {@code out[i] = σ(z[i])}. The exponential is taken in double and rounded once to float, so the
     * result is the correctly rounded double value to within one float ulp.
     */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = z[i];
            double e = Math.exp(-Math.abs(x));
            double s = 1.0 / (1.0 + e);
            out[i] = (float) (x >= 0 ? s : e * s);
        }
    }

    /** {@code gradIn[i] = gradOut[i] · a[i](1 − a[i])}, reusing the forward output {@code a}. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            float y = a[i];
            gradIn[i] = gradOut[i] * (y * (1f - y));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sigmoid;
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
