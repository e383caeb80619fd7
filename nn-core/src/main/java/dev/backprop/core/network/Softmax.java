package dev.backprop.core.network;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;

/**
 * Softmax over each row, id {@code softmax}: {@code p_k = e^(z_k − max z) / Σ_j e^(z_j − max z)}
 * (shifting by the row maximum keeps the exponentials finite). A built-in of core because it is
 * row-wise, not element-wise. Its vector–Jacobian product is
 * {@code gradZ_k = p_k (gradA_k − Σ_j gradA_j p_j)}; when categorical cross-entropy follows, the
 * network skips it and uses the fused gradient {@code (p − y)/B} instead.
 */
final class Softmax implements LayerActivation {

    /** The id users write: {@code dense(10, "softmax")}. */
    static final PluginId ID = PluginId.of("softmax");

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public Hyperparameters hyperparameters() {
        return Hyperparameters.none();
    }

    @Override
    public PluginId defaultInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    @Override
    public void forward(float[] z, float[] a, int rowFrom, int rowTo, int width) {
        for (int row = rowFrom; row < rowTo; row++) {
            int start = row * width;
            int end = start + width;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) {
                max = Math.max(max, z[i]);
            }
            float sum = 0f;
            for (int i = start; i < end; i++) {
                float e = (float) Math.exp(z[i] - max);
                a[i] = e;
                sum += e;
            }
            float inverse = 1f / sum;
            for (int i = start; i < end; i++) {
                a[i] *= inverse;
            }
        }
    }

    @Override
    public void backward(float[] z, float[] a, float[] gradA, float[] gradZ, int rowFrom, int rowTo, int width) {
        for (int row = rowFrom; row < rowTo; row++) {
            int start = row * width;
            int end = start + width;
            float dot = 0f;
            for (int i = start; i < end; i++) {
                dot += gradA[i] * a[i];
            }
            for (int i = start; i < end; i++) {
                gradZ[i] = a[i] * (gradA[i] - dot);
            }
        }
    }
}
