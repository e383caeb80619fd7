package dev.backprop.core.loss;

import dev.backprop.api.PluginId;
import dev.backprop.api.loss.ElementwiseLoss;

/**
 * Binary cross-entropy on raw outputs (logits), id {@code binary_cross_entropy_from_logits}: the
 * binary cross-entropy of {@code σ(z)} for each output {@code z}, with the sigmoid folded into the
 * loss. Use it with an <em>identity</em> output layer; targets lie in {@code [0, 1]} (usually 0 or 1).
 * <pre>ℓ(z, y) = −[y · ln σ(z) + (1 − y) · ln(1 − σ(z))]
 *         = max(z, 0) − z · y + ln(1 + e^(−|z|))
 *
 * E = 1/(B·K) · Σ_b Σ_k ℓ(z_bk, y_bk)</pre>
 * the terms summed over every element of the batch and averaged over all {@code B·K} elements,
 * outputs and examples alike (Keras {@code binary_crossentropy(from_logits=True)}, PyTorch
 * {@code BCEWithLogitsLoss}). The second form never overflows ({@code e^(−|z|) ≤ 1}) and needs no
 * clipping: a confident mistake costs about {@code |z|}, exactly as it should. The logarithm is
 * computed as {@code log1p}.
 *
 * <p><b>Gradient.</b> {@code ∂E/∂z_bk = (σ(z_bk) − y_bk)/(B·K)}. It is computed without
 * cancellation: with {@code s = σ(−|z|) = e^(−|z|)/(1 + e^(−|z|))}, {@code σ(z) − y} is
 * {@code (1 − y) − s} for {@code z ≥ 0} and {@code s − y} for {@code z < 0}, so the tiny residual
 * gradient of a confident correct answer is kept rather than rounded to 0.
 *
 * <p>No settings. Immutable and thread-safe.
 */
public final class BinaryCrossEntropyFromLogits implements ElementwiseLoss {

    /** This loss's id. */
    public static final PluginId ID = PluginId.of("binary_cross_entropy_from_logits");

    /** Binary cross-entropy on logits; it has no settings. */
    public BinaryCrossEntropyFromLogits() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code max(z, 0) − z·y + ln(1 + e^(−|z|))}. */
    @Override
    public double value(double predicted, double target) {
        return Math.max(predicted, 0) - predicted * target + Math.log1p(Math.exp(-Math.abs(predicted)));
    }

    /** {@code σ(z) − y}, computed without cancellation. */
    @Override
    public double derivative(double predicted, double target) {
        double e = Math.exp(-Math.abs(predicted));
        double small = e / (1 + e);
        return predicted >= 0 ? (1 - target) - small : small - target;
    }

    @Override
    public String toString() {
        return ID.toString();
    }
}
