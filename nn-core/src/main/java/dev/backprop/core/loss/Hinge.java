package dev.backprop.core.loss;

import dev.backprop.api.PluginId;
import dev.backprop.api.loss.ElementwiseLoss;

/**
 * The hinge loss, id {@code hinge}, for maximum-margin binary classification with raw (identity or
 * tanh) outputs:
 * <pre>E = 1/(B·K) · Σ_b Σ_k max(0, 1 − y_bk · p_bk)</pre>
 * the terms summed over every element of the batch and averaged over all {@code B·K} elements,
 * outputs and examples alike (the Keras {@code hinge} loss).
 *
 * <p><b>Targets</b> are −1 or 1. Targets in {0, 1} are accepted too: a target of exactly 0 is read as
 * −1 (as Keras does for binary targets), so {@code {0, 1}} and {@code {−1, 1}} labels train the same
 * network. Any other target value is used as given.
 *
 * <p><b>Gradient.</b> {@code ∂E/∂p_bk = −y_bk/(B·K)} where the margin is violated
 * ({@code y·p < 1}), and 0 where it is met ({@code y·p ≥ 1}); at the kink {@code y·p = 1} the
 * subgradient 0 is used.
 *
 * <p>No settings. Immutable and thread-safe.
 */
public final class Hinge implements ElementwiseLoss {

    /** This loss's id. */
    public static final PluginId ID = PluginId.of("hinge");

    /** The hinge loss; it has no settings. */
    public Hinge() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code max(0, 1 − y·p)}, with a target of 0 read as −1. */
    @Override
    public double value(double predicted, double target) {
        return Math.max(0, 1 - signedLabel(target) * predicted);
    }

    /** {@code −y} while {@code y·p < 1}, else 0; a target of 0 is read as −1. */
    @Override
    public double derivative(double predicted, double target) {
        double y = signedLabel(target);
        return 1 - y * predicted > 0 ? -y : 0;
    }

    private static double signedLabel(double target) {
        return target == 0 ? -1 : target;
    }

    @Override
    public String toString() {
        return ID.toString();
    }
}
