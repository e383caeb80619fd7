package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * Mish (Misra, 2019), id {@code mish}:
 * <pre>f(x) = x·tanh(softplus(x)) = x·tanh(ln(1 + e^x)),
 * f'(x) = tanh(softplus(x)) + x·(1 − tanh²(softplus(x)))·σ(x).</pre>
 *
 * <p><b>Evaluation.</b> With {@code e = e^x} and {@code n = e·(e + 2)}, {@code tanh(ln(1 + e)) =
 * ((1 + e)² − 1) / ((1 + e)² + 1) = n / (n + 2)}, and the derivative simplifies to
 * <pre>f'(x) = n / (n + 2) + 4·x·e·(1 + e) / (n + 2)².</pre>
 * Neither form cancels for negative {@code x} ({@code n ≈ 2e} is kept to full relative precision,
 * so the tail {@code f(−100) ≈ −3.7e−42} survives), and neither needs a {@code tanh} or
 * {@code log}. For {@code x > 20}, {@code tanh(softplus(x)) = 1 − 2/(n + 2)} rounds to exactly 1 in
 * double ({@code 2/(n + 2) < 1e−17}), so {@code f(x) = x} and {@code f'(x) = 1} are returned there
 * without evaluating {@code e^x}, which could otherwise overflow; the neglected derivative term
 * {@code 4x·e^(−2x)} is below 4e−16. NaN in gives NaN out in both passes; {@code −∞} gives NaN
 * ({@code −∞·0}).
 *
 * <p>Both bulk loops evaluate the same double expressions as {@link #value} and {@link #derivative}
 * and round once to float. Immutable and thread-safe. Its default initialiser is Glorot uniform.
 */
public final class Mish implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("mish");

    /** Above this input the value is the input itself and the derivative 1. */
    private static final double LINEAR_ABOVE = 20.0;

    /** Mish; it has no settings. */
    public Mish() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code x·n / (n + 2)} with {@code n = e^x·(e^x + 2)}; {@code x} itself for {@code x > 20}. */
    @Override
    public double value(double x) {
        return mish(x);
    }

    /** {@code n/(n + 2) + 4x·e^x·(1 + e^x)/(n + 2)²}; 1 for {@code x > 20}; {@code y} is not needed. */
    @Override
    public double derivative(double x, double y) {
        return mishDerivative(x);
    }

    /** {@code out[i] = mish(z[i])}, computed in double and rounded once to float. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (float) mish(z[i]);
        }
    }

    /** {@code gradIn[i] = gradOut[i]·mish'(z[i])}, computed in double and rounded once to float. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            gradIn[i] = (float) (gradOut[i] * mishDerivative(z[i]));
        }
    }

    private static double mish(double x) {
        if (x > LINEAR_ABOVE) {
            return x;
        }
        double e = Math.exp(x);
        double n = e * (e + 2.0);
        return x * (n / (n + 2.0));
    }

    private static double mishDerivative(double x) {
        if (x > LINEAR_ABOVE) {
            return 1.0;
        }
        double e = Math.exp(x);
        double n = e * (e + 2.0);
        double d = n + 2.0;
        return n / d + 4.0 * x * e * (1.0 + e) / (d * d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mish;
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
