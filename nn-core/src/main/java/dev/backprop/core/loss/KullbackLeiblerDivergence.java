package dev.backprop.core.loss;

import dev.backprop.api.PluginId;
import dev.backprop.api.loss.Loss;

/**
 * The Kullback-Leibler divergence of the predicted distribution from the target distribution, id
 * {@code kl_divergence}. Each row of {@code predicted} and {@code target} is a probability
 * distribution over the {@code K} outputs (predictions typically from a softmax layer):
 * <pre>E = 1/B · Σ_b Σ_k ŷ_bk · ln(ŷ_bk / p̂_bk),
 * ŷ = clip(y, ε, 1),   p̂ = clip(p, ε, 1),   ε = 1e-7</pre>
 * summed over the outputs of each example and averaged over the {@code B} examples of the batch
 * (the Keras {@code kl_divergence} with its default {@code ε = }{@value #EPSILON}). Clipping keeps
 * zero probabilities finite; as in Keras the target is clipped too, so a target of 0 contributes the
 * tiny term {@code ε · ln(ε/p̂)} rather than exactly 0. For one-hot targets the divergence equals the
 * categorical cross-entropy up to such terms.
 *
 * <p><b>Gradient</b> of the clipped function:
 * <pre>∂E/∂p_bk = −ŷ_bk / (p_bk · B)    for ε ≤ p_bk ≤ 1,
 * ∂E/∂p_bk = 0                      where p_bk was clipped.</pre>
 * The fused softmax gradient core applies to {@code categorical_cross_entropy} is not applied here:
 * after a softmax layer the gradient flows through the softmax's Jacobian.
 *
 * <p>No settings. Immutable and thread-safe.
 */
public final class KullbackLeiblerDivergence implements Loss {

    /** This loss's id. */
    public static final PluginId ID = PluginId.of("kl_divergence");
    /** The smallest probability the logarithm and the division see. */
    public static final double EPSILON = 1e-7;

    /** KL divergence with {@code ε = 1e-7}; it has no settings. */
    public KullbackLeiblerDivergence() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public double evaluate(float[] predicted, float[] target, int batchSize, int width, float[] gradient) {
        int n = batchSize * width;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double y = clip(target[i]);
            double raw = predicted[i];
            double p = clip(raw);
            sum += y * Math.log(y / p);
            gradient[i] = raw >= EPSILON && raw <= 1 ? (float) (-y / (p * batchSize)) : 0f;
        }
        return sum / batchSize;
    }

    private static double clip(double probability) {
        return Math.max(EPSILON, Math.min(1, probability));
    }

    @Override
    public String toString() {
        return ID.toString();
    }
}
