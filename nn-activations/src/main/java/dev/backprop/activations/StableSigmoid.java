package dev.backprop.activations;

/**
 * The logistic sigmoid for the activations built on it (silu, softplus, gelu), in the overflow-free
 * form {@link Sigmoid} documents. With {@code e = e^(−|t|)} in {@code (0, 1]} and
 * {@code p = 1 / (1 + e)}:
 * <pre>σ(t) = p,        1 − σ(t) = e·p    for t ≥ 0,
 * σ(t) = e·p,      1 − σ(t) = p      for t &lt; 0.</pre>
 * Neither form overflows or cancels, so both {@code σ(t)} and {@code 1 − σ(t)} keep full relative
 * precision even where one of them is tiny; callers that need both compute {@code e} and {@code p}
 * once themselves. NaN in gives NaN out.
 */
final class StableSigmoid {

    private StableSigmoid() {
    }

    /** {@code σ(t) = 1 / (1 + e^(−t))}. */
    static double sigmoid(double t) {
        double e = Math.exp(-Math.abs(t));
        double p = 1.0 / (1.0 + e);
        return t >= 0 ? p : e * p;
    }
}
