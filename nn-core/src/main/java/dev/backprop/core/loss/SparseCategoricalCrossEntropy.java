package dev.backprop.core.loss;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.PluginId;
import dev.backprop.api.loss.Loss;
import java.util.Arrays;

/**
 * Categorical cross-entropy over integer class labels, id {@code sparse_categorical_cross_entropy}:
 * each example's target is one value, its class index {@code c ∈ [0, K)}, and
 * {@code E = −1/B Σ_b ln p_{b,c_b}} (the one-hot loss without building the one-hot rows). Probabilities
 * are clipped to {@code [ε, 1]} as in {@link CategoricalCrossEntropy}; after a softmax layer core uses the
 * fused gradient {@code (p − onehot(c))/B}.
 */
public final class SparseCategoricalCrossEntropy implements Loss, FusedWithSoftmax {

    /** This loss's id. */
    public static final PluginId ID = PluginId.of("sparse_categorical_cross_entropy");

    @Override
    public PluginId id() {
        return ID;
    }

    /** One value per example: the class index. */
    @Override
    public int targetWidth(int outputWidth) {
        return 1;
    }

    @Override
    public double evaluate(float[] predicted, float[] target, int batchSize, int width, float[] gradient) {
        double sum = 0;
        for (int row = 0; row < batchSize; row++) {
            int offset = row * width;
            Arrays.fill(gradient, offset, offset + width, 0f);
            int label = label(target, row, width);
            float p = predicted[offset + label];
            double clipped = Math.max(p, CategoricalCrossEntropy.EPSILON);
            sum -= Math.log(clipped);
            gradient[offset + label] = p < CategoricalCrossEntropy.EPSILON ? 0f : (float) (-1 / (clipped * batchSize));
        }
        return sum / batchSize;
    }

    @Override
    public double evaluateAfterSoftmax(float[] predicted, float[] target, int batchSize, int width,
                                       float[] logitGradient) {
        float scale = 1f / batchSize;
        double sum = 0;
        for (int row = 0; row < batchSize; row++) {
            int offset = row * width;
            int label = label(target, row, width);
            sum -= Math.log(Math.max(predicted[offset + label], CategoricalCrossEntropy.EPSILON));
            for (int k = 0; k < width; k++) {
                logitGradient[offset + k] = (predicted[offset + k] - (k == label ? 1f : 0f)) * scale;
            }
        }
        return sum / batchSize;
    }

    private static int label(float[] target, int row, int width) {
        float value = target[row];
        int label = (int) value;
        if (label != value || label < 0 || label >= width) {
            throw new InvalidConfigurationException("Example " + row + " of the batch has target " + value + ", but "
                    + ID + " expects a class index, a whole number in [0, " + width + ") for " + width
                    + " outputs: give integer labels, or use categorical_cross_entropy with one-hot targets.");
        }
        return label;
    }
}
