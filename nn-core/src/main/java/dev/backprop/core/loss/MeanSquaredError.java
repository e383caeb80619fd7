package dev.backprop.core.loss;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.loss.ElementwiseLoss;

/**
 * Mean squared error, id {@code mse}: the seed's {@code E = 1/n Σ (a_out − y)²}.
 *
 * <p>With the default {@value #REDUCTION} {@value #MEAN} the squares are averaged over every element
 * of the batch, outputs and examples alike (the Keras and PyTorch {@code "mean"} reduction):
 * {@code E = 1/(B·K) Σ_b Σ_k (a_bk − y_bk)²}, so {@code ∂E/∂a_bk = 2(a_bk − y_bk)/(B·K)}. With one
 * output {@code n} is the number of examples, exactly as in the seed.
 *
 * <p>With {@value #REDUCTION} {@value #SUM_OVER_OUTPUTS} each example's squares are summed over its
 * {@code K} outputs and only the examples are averaged: {@code E = 1/B Σ_b Σ_k (a_bk − y_bk)²}, so
 * {@code ∂E/∂a_bk = 2(a_bk − y_bk)/B}. That is the classic per-pattern error of backpropagation: the
 * gradient is {@code K} times the mean's, so the gradient of each output does not shrink as the
 * output layer widens. With one output both reductions are the same. Immutable and thread-safe.
 */
public final class MeanSquaredError extends ConfiguredPlugin implements ElementwiseLoss {

    /** This loss's id. */
    public static final PluginId ID = PluginId.of("mse");
    /** The name of the text setting that chooses how the squares are reduced. */
    public static final String REDUCTION = "reduction";
    /** Average over every element of the batch: the default. */
    public static final String MEAN = "mean";
    /** Sum over the outputs of each example, average over the examples. */
    public static final String SUM_OVER_OUTPUTS = "sum_over_outputs";

    private static final Settings SETTINGS = Settings.of(ID,
            Setting.choice(REDUCTION, MEAN, "mean: average over every element; sum_over_outputs: sum each"
                    + " example's outputs, average over examples", MEAN, SUM_OVER_OUTPUTS));

    private final boolean sumOverOutputs = text(REDUCTION).equals(SUM_OVER_OUTPUTS);

    /** Mean squared error averaged over every element. */
    public MeanSquaredError() {
        this(Hyperparameters.none());
    }

    private MeanSquaredError(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public MeanSquaredError withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, MeanSquaredError::new);
    }

    /** The per-element term {@code (p − y)²}, whatever the reduction. */
    @Override
    public double value(double predicted, double target) {
        double error = predicted - target;
        return error * error;
    }

    /** {@code 2(p − y)}, whatever the reduction. */
    @Override
    public double derivative(double predicted, double target) {
        return 2 * (predicted - target);
    }

    /** The squares reduced as {@value #REDUCTION} says, with the matching gradient. */
    @Override
    public double evaluate(float[] predicted, float[] target, int batchSize, int width, float[] gradient) {
        int n = batchSize * width;
        int divisor = sumOverOutputs ? batchSize : n;
        float gradientScale = 2f / divisor;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float error = predicted[i] - target[i];
            sum += (double) error * error;
            gradient[i] = error * gradientScale;
        }
        return sum / divisor;
    }
}
