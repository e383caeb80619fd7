package dev.backprop.core.network;

/**
 * The batch a pass runs on: the caller's input rows ({@code rows × inputWidth}, row-major) and their
 * number. Set at the start of each pass; the phases that read the data or the batch size hold this
 * one object. Not thread-safe: one pass at a time.
 */
final class Batch {

    private float[] inputs;
    private int rows;

    /** Starts a pass over the first {@code count} rows of {@code values}. */
    void set(float[] values, int count) {
        this.inputs = values;
        this.rows = count;
    }

    /** The input rows of the current pass. */
    float[] inputs() {
        return inputs;
    }

    /** The number of examples in the current pass. */
    int rows() {
        return rows;
    }
}
