package dev.backprop.io.model;

/**
 * The ranges a model file's counts and run settings must lie in to be loaded. They are sanity bounds
 * against corrupted or hostile files, far above anything a real run writes, not limits of this machine:
 * a model saved on a bigger machine may carry more threads than this one allows, and the run clamps
 * them. Each value found outside its range is refused with a {@link ModelFormatException} that names
 * the field, the value and the range.
 */
final class ModelLimits {

    /** Layers per network. */
    static final int MAX_LAYERS = 10_000;
    /** Settings per plugin (activation, initialiser, loss, optimizer). */
    static final int MAX_SETTINGS = 1_000;
    /** Worker threads a saved run may ask for; the run clamps them to what the machine allows. */
    static final int MAX_THREADS = 65_536;
    /** Examples per batch (2^24). */
    static final int MAX_BATCH_SIZE = 1 << 24;
    /** Planned epochs of a run, and entries of its history. */
    static final int MAX_EPOCHS = 100_000_000;

    private ModelLimits() {
    }

    /** {@code "the thread count is 0, outside the allowed range 1..65536"}, or null when {@code value} is in range. */
    static String outside(String field, long value, long min, long max) {
        if (value >= min && value <= max) {
            return null;
        }
        return field + " is " + value + ", outside the allowed range " + min + ".." + max;
    }

    /**
     * Requires {@code value} in {@code [min, max]}; for values validated once the checksum has passed.
     *
     * @throws ModelFormatException {@code "the batch size is 2147483647, outside the allowed range 1..16777216."},
     *                              which the caller wraps with the file and the section
     */
    static void requireIn(String field, long value, long min, long max) {
        String problem = outside(field, value, min, max);
        if (problem != null) {
            throw new ModelFormatException(problem + ".");
        }
    }
}
