package dev.backprop.io.data;

/** How a {@link Scaler} maps each feature column; the statistics come from the training split only. */
public enum Scaling {

    /** Features are left as they are. */
    NONE,

    /**
     * {@code (x − mean) / std}, with the population standard deviation (divided by the row count);
     * a constant column maps to 0.
     */
    STANDARDIZE,

    /** {@code (x − min) / (max − min)}, so the training values span [0, 1]; a constant column maps to 0. */
    MIN_MAX
}
