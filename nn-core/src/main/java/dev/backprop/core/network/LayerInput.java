package dev.backprop.core.network;

/**
 * Where a layer reads its input in a pass: the batch's own data (the first layer), or a buffer the
 * previous layer wrote (its activations, or their dropped copy during training).
 */
@FunctionalInterface
interface LayerInput {

    /** The input rows of the current pass. */
    float[] values();

    /** The first layer's input: the batch's data. */
    static LayerInput data(Batch batch) {
        return batch::inputs;
    }

    /** A previous layer's output buffer. */
    static LayerInput buffer(float[] values) {
        return () -> values;
    }
}
