package dev.backprop.api.loss;

/**
 * The easy way to write a loss that is a sum of per-element terms {@code ℓ(p, y)}, averaged over
 * every element of the batch:
 * <pre>E = 1/(batchSize · width) · Σ ℓ(predicted[i], target[i])</pre>
 * so that {@code gradient[i] = ℓ'(predicted[i], target[i]) / (batchSize · width)}. That is what the
 * default {@link #evaluate} computes; a loss that offers another reduction (a {@code reduction}
 * setting, say) overrides {@code evaluate} and documents it. Implementations are immutable and
 * thread-safe.
 */
public interface ElementwiseLoss extends Loss {

    /** The per-element term {@code ℓ(p, y)}. */
    double value(double predicted, double target);

    /** {@code ∂ℓ/∂p} at {@code (p, y)}. */
    double derivative(double predicted, double target);

    @Override
    default double evaluate(float[] predicted, float[] target, int batchSize, int width, float[] gradient) {
        int n = batchSize * width;
        double scale = 1.0 / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += value(predicted[i], target[i]);
            gradient[i] = (float) (derivative(predicted[i], target[i]) * scale);
        }
        return sum * scale;
    }
}
