package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * Softplus, a smooth ReLU, id {@code softplus}:
 * <pre>f(x) = ln(1 + e^x),    f'(x) = σ(x) = 1 / (1 + e^(−x)).</pre>
 *
 * <p><b>Stability.</b> The value is {@code log1p(exp(x))} for {@code x ≤ 20} and {@code x} itself
 * above (the cut-off PyTorch uses): there {@code ln(1 + e^x) = x + ln(1 + e^(−x))} and the dropped
 * term is below {@code e^(−20) ≈ 2.1e−9}, less than a thousandth of a float ulp at 20 (1.9e−6), so
 * the float results are exact while {@code e^x} can never overflow. (In double the scalar
 * {@link #value} is therefore off by that much above 20, a relative error below 1.1e−10.) For very
 * negative {@code x}, {@code log1p} keeps the tiny result {@code ≈ e^x} to full relative precision.
 * The derivative is the sigmoid in the overflow-free form {@link Sigmoid} documents, computed from
 * {@code x}. NaN in gives NaN out in both passes.
 *
 * <p>Both bulk loops evaluate the same double expressions as {@link #value} and {@link #derivative}
 * and round once to float. Immutable and thread-safe. Its default initialiser is Glorot uniform.
 */
public final class Softplus implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("softplus");

    /** Above this input the value is the input itself. */
    private static final double LINEAR_ABOVE = 20.0;

    /** Softplus; it has no settings. */
    public Softplus() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code x} for {@code x > 20}, else {@code log1p(exp(x))}. */
    @Override
    public double value(double x) {
        return x > LINEAR_ABOVE ? x : Math.log1p(Math.exp(x));
    }

    /** {@code σ(x)}; {@code y} is not needed. */
    @Override
    public double derivative(double x, double y) {
        return StableSigmoid.sigmoid(x);
    }

    /** {@code out[i] = softplus(z[i])}, computed in double and rounded once to float. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = z[i];
            out[i] = (float) (x > LINEAR_ABOVE ? x : Math.log1p(Math.exp(x)));
        }
    }

    /** {@code gradIn[i] = gradOut[i]·σ(z[i])}, computed in double and rounded once to float. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            gradIn[i] = (float) (gradOut[i] * StableSigmoid.sigmoid(z[i]));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Softplus;
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
