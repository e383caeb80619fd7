package com.example.backprop.plugin;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.loss.Loss;

/**
 * The pinball (quantile) loss, id {@code example.pinball}: a third-party loss that depends on
 * {@code nn-api} only. Trained with it, a regression network predicts the {@code τ}-quantile of the
 * target instead of its mean (τ = 0.5: the median, half the mean absolute error).
 * <pre>ℓ(p, y) = τ·(y − p)         if y ≥ p
 *          (1 − τ)·(p − y)   if y &lt; p
 * E = 1/(batchSize·width) · Σ ℓ(predicted[i], target[i])
 * ∂E/∂predicted[i] = (−τ if y &gt; p, else 1 − τ) / (batchSize·width)</pre>
 * The reduction is the mean over every output of every example, so the gradient carries the same
 * {@code 1/(batchSize·width)}; at {@code p = y}, where ℓ has a kink, the gradient is the right-hand one.
 *
 * <p>Setting: {@value #QUANTILE} {@code τ} (default 0.5, in (0, 1)). Immutable and thread-safe.
 */
public final class Pinball extends ConfiguredPlugin implements Loss {

    /** The id this loss is found by. */
    public static final PluginId ID = PluginId.of("example.pinball");
    /** The name of τ, the quantile predicted. */
    public static final String QUANTILE = "quantile";

    private static final Settings SETTINGS = Settings.of(ID,
            Setting.number(QUANTILE, 0.5, "τ, the quantile predicted (0.5: the median)").above(0).below(1));

    private final double quantile = number(QUANTILE);

    /** The median loss, τ = 0.5 (the public no-argument constructor ServiceLoader needs). */
    public Pinball() {
        this(Hyperparameters.none());
    }

    private Pinball(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public Pinball withHyperparameters(Hyperparameters requested) {
        return SETTINGS.apply(this, requested, Pinball::new);
    }

    /** The mean of ℓ over the batch; writes {@code ∂E/∂predicted} into {@code gradient}. */
    @Override
    public double evaluate(float[] predicted, float[] target, int batchSize, int width, float[] gradient) {
        int n = batchSize * width;
        double scale = 1.0 / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double error = target[i] - (double) predicted[i];
            sum += error >= 0 ? quantile * error : (quantile - 1) * error;
            gradient[i] = (float) ((error > 0 ? -quantile : 1 - quantile) * scale);
        }
        return sum * scale;
    }
}
