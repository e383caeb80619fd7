package dev.backprop.core.loss;

import dev.backprop.api.PluginId;
import dev.backprop.api.loss.ElementwiseLoss;

/**
 * Binary cross-entropy on probabilities, id {@code binary_cross_entropy}: each output is an
 * independent yes/no probability (typically the output of a sigmoid layer) and each target lies in
 * {@code [0, 1]} (usually 0 or 1):
 * <pre>E = −1/(B·K) · Σ_b Σ_k [ y_bk · ln p̂_bk + (1 − y_bk) · ln(1 − p̂_bk) ],
 * p̂ = clip(p, ε, 1 − ε),   ε = 1e-7</pre>
 * the terms summed over every element of the batch and averaged over all {@code B·K} elements,
 * outputs and examples alike (the Keras {@code binary_crossentropy} with its default
 * {@code ε = }{@value #EPSILON}). The clipping keeps a confident mistake ({@code p = 0} or
 * {@code p = 1} on the wrong side) large but finite: at most {@code −ln ε ≈ 16.12} per element.
 *
 * <p><b>Gradient</b> of the clipped function:
 * <pre>∂E/∂p_bk = (p − y) / (p · (1 − p)) / (B·K)    for ε ≤ p ≤ 1 − ε,
 * ∂E/∂p_bk = 0                                   where p was clipped.</pre>
 * {@code ln(1 − p̂)} is computed as {@code log1p(−p̂)} so that it keeps full precision for small
 * {@code p̂}.
 *
 * <p>Feeding raw outputs through a sigmoid and this loss can saturate (a float sigmoid rounds to
 * exactly 1 beyond {@code z ≈ 17}, where the clipped gradient is 0); for raw outputs prefer
 * {@link BinaryCrossEntropyFromLogits} with an identity output layer.
 *
 * <p>No settings. Immutable and thread-safe.
 */
public final class BinaryCrossEntropy implements ElementwiseLoss {

    /** This loss's id. */
    public static final PluginId ID = PluginId.of("binary_cross_entropy");
    /** The smallest probability (and the smallest distance from 1) the logarithms see. */
    public static final double EPSILON = 1e-7;

    private static final double UPPER = 1 - EPSILON;

    /** Binary cross-entropy with {@code ε = 1e-7}; it has no settings. */
    public BinaryCrossEntropy() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code −[y · ln p̂ + (1 − y) · ln(1 − p̂)]} with {@code p̂ = clip(p, ε, 1 − ε)}. */
    @Override
    public double value(double predicted, double target) {
        double p = Math.max(EPSILON, Math.min(UPPER, predicted));
        return -(target * Math.log(p) + (1 - target) * Math.log1p(-p));
    }

    /** {@code (p − y)/(p(1 − p))} inside {@code [ε, 1 − ε]}, 0 where {@code p} is clipped. */
    @Override
    public double derivative(double predicted, double target) {
        if (!(predicted >= EPSILON && predicted <= UPPER)) {
            return 0;
        }
        return (predicted - target) / (predicted * (1 - predicted));
    }

    @Override
    public String toString() {
        return ID.toString();
    }
}
