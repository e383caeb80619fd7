package dev.backprop.core.loss;

import dev.backprop.api.PluginId;
import dev.backprop.api.loss.ElementwiseLoss;

/**
 * Mean absolute error, id {@code mae}:
 * <pre>E = 1/(B·K) · Σ_b Σ_k |p_bk − y_bk|</pre>
 * the absolute errors summed over every element of the batch and averaged over all {@code B·K}
 * elements, outputs and examples alike (the Keras and PyTorch {@code "mean"} reduction).
 *
 * <p><b>Gradient.</b> {@code ∂E/∂p_bk = sign(p_bk − y_bk)/(B·K)}. At {@code p = y}, where {@code |·|}
 * has a kink and no derivative, the subgradient 0 is used. The gradient's size does not shrink as the
 * error does, so the loss is robust to outliers but converges less smoothly than {@code mse}.
 *
 * <p>No settings. Immutable and thread-safe.
 */
public final class MeanAbsoluteError implements ElementwiseLoss {

    /** This loss's id. */
    public static final PluginId ID = PluginId.of("mae");

    /** Mean absolute error; it has no settings. */
    public MeanAbsoluteError() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code |p − y|}. */
    @Override
    public double value(double predicted, double target) {
        return Math.abs(predicted - target);
    }

    /** {@code sign(p − y)}: −1, 0 (at equality) or 1. */
    @Override
    public double derivative(double predicted, double target) {
        return Math.signum(predicted - target);
    }

    @Override
    public String toString() {
        return ID.toString();
    }
}
