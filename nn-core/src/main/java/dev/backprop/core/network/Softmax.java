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
 *
 * <p>It is also an {@link Activation} so that the registry finds and lists it like any activation
 * ({@code registry.activation("softmax")}, {@code ./backprop plugins}). Through that interface the
 * range {@code [from, to)} is taken as one row: {@link #forward(float[], float[], int, int)} is the
 * softmax of those elements together, not element by element. A dense layer never uses it that way:
 * it recognises the id and applies the row-wise form above to each row of the batch. Stateless,
 * immutable and thread-safe; it has no settings.
 */
public final class Softmax implements LayerActivation, Activation {

    /** The id users write: {@code dense(10, "softmax")}. */
    public static final PluginId ID = PluginId.of("softmax");

    /** Softmax; it has no settings. The no-argument constructor is what ServiceLoader calls. */
    public Softmax() {
        // Stateless.
    }

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

    /** The softmax of {@code z[from..to)} taken together as one row, into {@code out[from..to)}. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        if (from < to) {
            softmaxRow(z, out, from, to);
        }
    }

    /** The vector–Jacobian product of the softmax of {@code [from, to)} taken as one row. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        if (from < to) {
            backwardRow(a, gradOut, gradIn, from, to);
        }
    }

    @Override
    public void forward(float[] z, float[] a, int rowFrom, int rowTo, int width) {
        for (int row = rowFrom; row < rowTo; row++) {
            int start = row * width;
            softmaxRow(z, a, start, start + width);
        }
    }

    private static void softmaxRow(float[] z, float[] a, int start, int end) {
        {
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
            backwardRow(a, gradA, gradZ, start, start + width);
        }
    }

    private static void backwardRow(float[] a, float[] gradA, float[] gradZ, int start, int end) {
        {
            float dot = 0f;
            for (int i = start; i < end; i++) {
                dot += gradA[i] * a[i];
            }
            for (int i = start; i < end; i++) {
                gradZ[i] = a[i] * (gradA[i] - dot);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Softmax;
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
