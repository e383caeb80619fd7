package dev.backprop.core.network;

import dev.backprop.api.InvalidConfigurationException;

/**
 * Limits the gradients of a step before the optimizer sees them: element by element to
 * {@code [−limit, limit]} ({@link #byValue}), or by rescaling every gradient together so that their
 * global L2 norm {@code √(Σ_θ Σ_i g_i²)} is at most {@code limit} (Pascanu et al. 2013,
 * {@link #byNorm}). The norm is summed in double in a fixed order, so clipping stays deterministic.
 *
 * @param mode  none, by value or by global norm
 * @param limit the bound, positive and finite (ignored for {@link Mode#NONE})
 */
public record GradientClipping(Mode mode, double limit) {

    /** How gradients are limited. */
    public enum Mode {
        /** No clipping. */
        NONE,
        /** Each element clamped to [−limit, limit]. */
        BY_VALUE,
        /** All gradients scaled by min(1, limit/‖g‖). */
        BY_NORM
    }

    /** Validates the limit. */
    public GradientClipping {
        if (mode == null) {
            throw new InvalidConfigurationException("Gradient clipping needs a mode: NONE, BY_VALUE or BY_NORM.");
        }
        if (mode != Mode.NONE && !(limit > 0 && Double.isFinite(limit))) {
            throw new InvalidConfigurationException("Gradient clipping " + mode + " needs a positive, finite limit,"
                    + " found " + limit + ": for example GradientClipping.byNorm(1.0).");
        }
    }

    /** No clipping. */
    public static GradientClipping none() {
        return new GradientClipping(Mode.NONE, 0);
    }

    /** Clamp every gradient element to {@code [−limit, limit]}. */
    public static GradientClipping byValue(double limit) {
        return new GradientClipping(Mode.BY_VALUE, limit);
    }

    /** Rescale all gradients together so that their global L2 norm is at most {@code limit}. */
    public static GradientClipping byNorm(double limit) {
        return new GradientClipping(Mode.BY_NORM, limit);
    }

    /**
     * Clips {@code gradients} in place.
     *
     * @return the global L2 norm before clipping (NaN when not computed, that is unless by norm)
     */
    public double apply(Gradients gradients) {
        switch (mode) {
            case BY_VALUE:
                gradients.clamp((float) limit);
                return Double.NaN;
            case BY_NORM:
                double norm = gradients.norm();
                if (norm > limit) {
                    gradients.scale(limit / norm);
                }
                return norm;
            default:
                return Double.NaN;
        }
    }
}
