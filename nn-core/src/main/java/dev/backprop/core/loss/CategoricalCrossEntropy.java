package dev.backprop.core.loss;

import dev.backprop.api.PluginId;
import dev.backprop.api.loss.Loss;

/**
 * Categorical cross-entropy over one-hot (or probability) targets whose rows sum to 1, id
 * {@code categorical_cross_entropy}: {@code E = −1/B Σ_b Σ_k y_bk · ln p_bk}, summed over the
 * classes and averaged over the examples of the batch. Predictions are probabilities (the output of
 * a softmax layer); they are clipped to {@code [ε, 1]} with {@code ε = }{@value #EPSILON} so that a
 * confident mistake gives a large but finite loss.
 *
 * <p>After a softmax layer core does not use {@link #evaluate}'s gradient {@code −y/(B·p)} but the
 * fused, exact and stable gradient with respect to the logits, {@link #evaluateAfterSoftmax}:
 * {@code ∂E/∂z = (p − y)/B}.
 */
public final class CategoricalCrossEntropy implements Loss, FusedWithSoftmax {

    /** This loss's id. */
    public static final PluginId ID = PluginId.of("categorical_cross_entropy");
    /** The smallest probability the logarithm sees. */
    public static final double EPSILON = 1e-7;

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public double evaluate(float[] predicted, float[] target, int batchSize, int width, float[] gradient) {
        int n = batchSize * width;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double p = Math.max(predicted[i], EPSILON);
            sum -= target[i] * Math.log(p);
            gradient[i] = predicted[i] < EPSILON ? 0f : (float) (-target[i] / (p * batchSize));
        }
        return sum / batchSize;
    }

    /**
     * The loss of softmax probabilities {@code predicted}, and the gradient with respect to the
     * softmax's inputs (logits), {@code (p − y)/B}, written into {@code logitGradient}.
     */
    @Override
    public double evaluateAfterSoftmax(float[] predicted, float[] target, int batchSize, int width,
                                       float[] logitGradient) {
        int n = batchSize * width;
        float scale = 1f / batchSize;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (target[i] != 0f) {
                sum -= target[i] * Math.log(Math.max(predicted[i], EPSILON));
            }
            logitGradient[i] = (predicted[i] - target[i]) * scale;
        }
        return sum / batchSize;
    }
}
