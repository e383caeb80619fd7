package dev.backprop.activations;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The leaky rectified linear unit, id {@code leaky_relu}, which lets a small gradient through for
 * negative inputs instead of none:
 * <pre>f(x) = x if x &gt; 0, else α·x,    f'(x) = 1 if x &gt; 0, else α.</pre>
 *
 * <p>Setting: {@value #ALPHA} {@code α}, the slope for negative inputs (default 0.01, valid range
 * {@code [0, 1)}; 0 gives plain ReLU). The derivative does not exist at the kink {@code x = 0}; the
 * one-sided value α is used there, matching {@link Relu}'s convention of taking the left slope.
 *
 * <p>NaN in gives NaN out in the forward pass; the backward pass treats a NaN input as
 * non-positive and passes {@code α·gradOut}. The bulk loops multiply in double and round once, so
 * they equal the scalar {@link #value} and {@link #derivative} rounded to float.
 *
 * <p>Immutable and thread-safe. Its default initialiser is He normal, as for the ReLU family.
 */
public final class LeakyRelu extends ConfiguredPlugin implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("leaky_relu");
    /** The name of α, the slope for negative inputs. */
    public static final String ALPHA = "alpha";
    /** The default α. */
    public static final double DEFAULT_ALPHA = 0.01;

    private static final Settings SETTINGS = Settings.of(ID,
            Setting.number(ALPHA, DEFAULT_ALPHA, "α, the slope for negative inputs (0: plain ReLU)")
                    .atLeast(0).below(1).inFloat());

    private final double alpha = number(ALPHA);

    /** Leaky ReLU with α = 0.01. */
    public LeakyRelu() {
        this(DEFAULT_ALPHA);
    }

    /**
     * Leaky ReLU with slope {@code α} for negative inputs.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code 0 ≤ α < 1}
     */
    public LeakyRelu(double alpha) {
        this(Hyperparameters.of(ALPHA, alpha));
    }

    private LeakyRelu(Hyperparameters values) {
        super(SETTINGS, values);
    }

    /** The slope α for negative inputs. */
    public double alpha() {
        return alpha;
    }

    @Override
    public LeakyRelu withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, LeakyRelu::new);
    }

    /** {@code x} for {@code x > 0}, else {@code α·x}. */
    @Override
    public double value(double x) {
        return x > 0 ? x : alpha * x;
    }

    /** 1 for {@code x > 0}, else α (including the kink at 0). */
    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1.0 : alpha;
    }

    /** He normal, suited to the ReLU family. */
    @Override
    public PluginId defaultInitializer() {
        return Activation.HE_NORMAL;
    }

    /** {@code out[i] = z[i]} where {@code z[i] > 0}, else {@code α·z[i]}. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        double a = alpha;
        for (int i = from; i < to; i++) {
            float x = z[i];
            out[i] = x > 0f ? x : (float) (a * x);
        }
    }

    /** {@code gradIn[i] = gradOut[i]} where {@code z[i] > 0}, else {@code α·gradOut[i]}. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        double slope = alpha;
        for (int i = from; i < to; i++) {
            float g = gradOut[i];
            gradIn[i] = z[i] > 0f ? g : (float) (slope * g);
        }
    }
}
