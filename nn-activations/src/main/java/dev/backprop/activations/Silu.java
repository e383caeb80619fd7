package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The sigmoid linear unit (Elfwing, Uchibe &amp; Doya, 2018; also known as swish with β = 1, though
 * only the id {@code silu} is registered), id {@code silu}:
 * <pre>f(x) = x·σ(x),    f'(x) = σ(x) + x·σ(x)·(1 − σ(x)) = σ(x)·(1 + x·(1 − σ(x))).</pre>
 *
 * <p><b>Stability.</b> {@code σ(x)} and {@code 1 − σ(x)} are both computed in the overflow-free form
 * {@link Sigmoid} documents, so neither cancels: the small negative tail ({@code f(−100) ≈ −3.7e−42})
 * is kept and {@code f'(x)} tends to 1 for large {@code x} without rounding noise. NaN in gives NaN
 * out in both passes; {@code −∞} gives NaN ({@code −∞·0}).
 *
 * <p>The derivative is recomputed from {@code x}; the forward output is not needed. Both bulk loops
 * evaluate the same double expressions as {@link #value} and {@link #derivative} and round once to
 * float. Immutable and thread-safe. Its default initialiser is Glorot uniform.
 */
public final class Silu implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("silu");

    /** SiLU; it has no settings. */
    public Silu() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code x·σ(x)}. */
    @Override
    public double value(double x) {
        return x * StableSigmoid.sigmoid(x);
    }

    /** {@code σ(x)·(1 + x·(1 − σ(x)))}; {@code y} is not needed. */
    @Override
    public double derivative(double x, double y) {
        return siluDerivative(x);
    }

    /** {@code out[i] = z[i]·σ(z[i])}, computed in double and rounded once to float. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = z[i];
            out[i] = (float) (x * StableSigmoid.sigmoid(x));
        }
    }

    /** {@code gradIn[i] = gradOut[i]·silu'(z[i])}, computed in double and rounded once to float. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            gradIn[i] = (float) (gradOut[i] * siluDerivative(z[i]));
        }
    }

    private static double siluDerivative(double x) {
        double e = Math.exp(-Math.abs(x));
        double p = 1.0 / (1.0 + e);
        double s = x >= 0 ? p : e * p;
        double oneMinusS = x >= 0 ? e * p : p;
        return s * (1.0 + x * oneMinusS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Silu;
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
