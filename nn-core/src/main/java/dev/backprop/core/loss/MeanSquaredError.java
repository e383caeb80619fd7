package dev.backprop.core.loss;

import dev.backprop.api.PluginId;
import dev.backprop.api.loss.ElementwiseLoss;

/**
 * Mean squared error, id {@code mse}: the seed's {@code E = 1/n Σ (a_out − y)²}.
 *
 * <p>With several outputs the squares are averaged over every element of the batch, outputs and
 * examples alike (the Keras and PyTorch {@code "mean"} reduction):
 * {@code E = 1/(B·K) Σ_b Σ_k (a_bk − y_bk)²}, so {@code ∂E/∂a_bk = 2(a_bk − y_bk)/(B·K)}. With one
 * output {@code n} is the number of examples, exactly as in the seed.
 */
public final class MeanSquaredError implements ElementwiseLoss {

    /** This loss's id. */
    public static final PluginId ID = PluginId.of("mse");

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public double value(double predicted, double target) {
        double error = predicted - target;
        return error * error;
    }

    @Override
    public double derivative(double predicted, double target) {
        return 2 * (predicted - target);
    }

    @Override
    public double evaluate(float[] predicted, float[] target, int batchSize, int width, float[] gradient) {
        int n = batchSize * width;
        float gradientScale = 2f / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float error = predicted[i] - target[i];
            sum += (double) error * error;
            gradient[i] = error * gradientScale;
        }
        return sum / n;
    }
}
